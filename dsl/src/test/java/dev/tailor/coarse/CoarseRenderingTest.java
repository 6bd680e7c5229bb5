package dev.tailor.coarse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Results print as text, render as escaped HTML and convert to Tablesaw tables; the plot draws headless. */
class CoarseRenderingTest {

    private static final List<String> NAMES = List.of("none", "a<b", "5%/3d", "5%/14d", "10%/3d");

    private static ValueMatrix values() {
        ValueMatrix random = RandomValues.draw(300, 4, 3L);
        double[][] rows = new double[random.rows()][random.columns()];
        for (int i = 0; i < rows.length; i++) {
            for (int t = 0; t < rows[i].length; t++) {
                rows[i][t] = random.get(i, t);
            }
        }
        return ValueMatrix.of(rows, NAMES);
    }

    @Test
    void aFitPrintsItsChoiceSharesAndRecoveryAsText() {
        CoarseFit fit = CoarsePersonalization.spec().treatments(2).fit(values());
        String text = fit.toString();
        assertTrue(text.startsWith("Coarse personalization — K = 2 of 4 treatments + none (exact, 6 subsets evaluated), n = 300"), text);
        for (String name : fit.chosenNames()) {
            assertTrue(text.contains(name), text);
        }
        assertTrue(text.contains("Recovery of the gain of full personalization: "), text);
        assertEquals(1.0, java.util.Arrays.stream(fit.shares()).sum(), 1e-12);
    }

    @Test
    void aCapacitatedFitReportsCapacitiesPricesAndTheDualityGap() {
        CoarseFit fit = CoarsePersonalization.spec().treatments(2).capacities(Capacities.eachAtMost(0.2)).fit(values());
        assertTrue(fit.isCapacitated());
        assertTrue(fit.toString().contains("duality gap"), fit.toString());
        Table table = fit.table();
        assertEquals(List.of("column", "treatment", "rows", "share", "mean_value", "capacity", "minimum", "price"),
                table.columnNames());
        assertEquals(3, table.rowCount());
        assertEquals(60, table.intColumn("capacity").getInt(1));
    }

    @Test
    void htmlEscapesTreatmentNames() {
        ValueMatrix values = values();
        CoarseFit fit = CoarsePersonalization.spec().treatments(4).fit(values);
        String html = fit.toHtml();
        assertTrue(html.contains("a&lt;b"), html);
        assertFalse(html.contains("a<b"), html);
    }

    @Test
    void theRecoveryPlotDrawsAsPngAndSvgAndListsItsNumbers() {
        CoarseComparison comparison = CoarseComparison.of(values()).treatments(1, 3).run();
        RecoveryPlot plot = comparison.plot();
        byte[] png = plot.toPng();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(plot.toSvg().contains("<svg"));
        assertTrue(plot.toHtml().startsWith("<div class=\"tailor-plot\">"));
        assertEquals(3 * 3, plot.table().rowCount());   // coarse (exact), greedy, preference k-means × K = 1..3
        assertTrue(plot.toString().contains("coarse (exact)"));
        assertTrue(comparison.toString().contains("best uniform (no null)"));
    }
}
