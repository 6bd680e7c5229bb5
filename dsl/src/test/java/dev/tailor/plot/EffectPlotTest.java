package dev.tailor.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import dev.tailor.estimate.EffectEstimate;
import dev.tailor.estimate.EffectTable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.Table;

class EffectPlotTest {

    /** The spec's school-year Phase 1 oracle ATEs (pp, order TT…FF) as proportions, with unequal standard errors. */
    private static final double[] ATE = {1.93, 1.64, 2.12, 1.42, 1.50, 0.55, 1.35, 0.67, 2.09, 1.46, 1.59, 1.24, 1.24,
            0.62, 1.08, 0.07};

    private static final EffectTable EFFECTS = effects();

    private static EffectTable effects() {
        Arms arms = Arms.orderedPairs("T", "P", "R", "F").withControl("control");
        List<EffectEstimate> list = new ArrayList<>();
        for (int k = 1; k <= 16; k++) {
            list.add(new EffectEstimate(arms.get(k), ATE[k - 1] / 100, 0.006 + 0.0002 * k, 5_000));
        }
        return new EffectTable("difference in means", "login", arms, list, 100_000, List.of());
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void unsortedLabelsFollowArmOrder() {
        assertEquals(List.of("TT", "TP", "TR", "TF", "PT", "PP", "PR", "PF", "RT", "RP", "RR", "RF", "FT", "FP", "FR",
                "FF"), EffectPlot.of(EFFECTS).labels());
    }

    @Test
    void sortedLabelsRunFromTheHighestEstimateToTheLowest() {
        EffectPlot plot = EffectPlot.of(EFFECTS).sortByEstimate();
        List<String> labels = plot.labels();
        assertEquals("TR", labels.get(0));
        assertEquals("FF", labels.get(15));
        double[] values = plot.values();
        for (int i = 1; i < values.length; i++) {
            assertTrue(values[i - 1] >= values[i], "values descend at " + i + ": " + Arrays.toString(values));
        }
        // RF and FT tie at 1.24: the stable sort keeps arm order.
        assertTrue(labels.indexOf("RF") < labels.indexOf("FT"));
    }

    @Test
    void valuesAndBoundsEqualTheEffectTablesForTheSameArm() {
        EffectPlot plot = EffectPlot.of(EFFECTS).sortByEstimate();
        List<String> labels = plot.labels();
        for (int i = 0; i < labels.size(); i++) {
            EffectEstimate effect = EFFECTS.effect(labels.get(i));
            double[] ci = effect.confInt(0.95);
            assertEquals(effect.estimate(), plot.values()[i], 0);
            assertEquals(ci[0], plot.lower()[i], 0);
            assertEquals(ci[1], plot.upper()[i], 0);
        }
    }

    @Test
    void percentagePointsScaleValuesAndBoundsByOneHundredAndRenameTheAxis() {
        EffectPlot plain = EffectPlot.of(EFFECTS);
        EffectPlot pp = plain.inPercentagePoints();
        for (int i = 0; i < 16; i++) {
            assertEquals(100 * plain.values()[i], pp.values()[i], 1e-12);
            assertEquals(100 * plain.lower()[i], pp.lower()[i], 1e-12);
            assertEquals(100 * plain.upper()[i], pp.upper()[i], 1e-12);
        }
        assertEquals(2.12, pp.values()[2], 1e-12);
        assertEquals("effect (pp)", pp.yAxisTitle());
        assertEquals("effect", plain.yAxisTitle());
        assertEquals("effect (pp)", pp.toChart().getYAxisTitle());
    }

    @Test
    void optionsReturnNewPlotsAndLeaveTheOriginalUnchanged() {
        EffectPlot plot = EffectPlot.of(EFFECTS);
        EffectPlot styled = plot.sortByEstimate().inPercentagePoints().title("Login (95% CI)").size(640, 360);
        assertFalse(plot.isSortedByEstimate());
        assertFalse(plot.isInPercentagePoints());
        assertEquals("Effects on login vs control (95% CI)", plot.title());
        assertEquals(EffectPlot.DEFAULT_WIDTH, plot.width());
        assertEquals("Login (95% CI)", styled.title());
        assertEquals(640, styled.width());
        assertEquals(360, styled.height());
    }

    @Test
    void theChartHasOneCategoryPerArmWithErrorBarsAndAZeroLine() {
        EffectPlot plot = EffectPlot.of(EFFECTS).sortByEstimate().inPercentagePoints();
        CategoryChart chart = plot.toChart();
        assertEquals(plot.title(), chart.getTitle());
        CategorySeries estimate = chart.getSeries("estimate");
        assertNotNull(estimate);
        assertEquals(plot.labels(), new ArrayList<>(estimate.getXData()));
        double[] halfWidths = estimate.getExtraValues();
        double[] y = estimate.getYData();
        for (int i = 0; i < 16; i++) {
            assertEquals(plot.values()[i], y[i], 1e-12);
            assertEquals(plot.upper()[i] - plot.values()[i], halfWidths[i], 1e-12);
        }
        CategorySeries zero = chart.getSeries("zero");
        assertTrue(Arrays.stream(zero.getYData()).allMatch(value -> value == 0));
    }

    @Test
    void thePngIsAPngOfTheRequestedSize() throws IOException {
        byte[] png = EffectPlot.of(EFFECTS).sortByEstimate().size(640, 360).toPng();
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
    }

    @Test
    void theSvgIsAnSvgDocument() {
        String svg = EffectPlot.of(EFFECTS).inPercentagePoints().size(640, 360).toSvg();
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        // XChart draws text as outlines in SVG, so only the frame is checked here.
        assertTrue(svg.contains("viewBox=\"0 0 640 360\""), svg.substring(0, Math.min(400, svg.length())));
    }

    @Test
    void theHtmlEmbedsThePngAsADataUri() throws IOException {
        EffectPlot plot = EffectPlot.of(EFFECTS).title("Login <Phase 1>").size(300, 200);
        String html = plot.toHtml();
        String prefix = "data:image/png;base64,";
        assertTrue(html.contains(prefix));
        assertTrue(html.contains("alt=\"Login &lt;Phase 1&gt;\""), html.substring(0, 100));
        int start = html.indexOf(prefix) + prefix.length();
        byte[] png = Base64.getDecoder().decode(html.substring(start, html.indexOf('"', start)));
        assertEquals(300, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    void theTableHoldsThePlottedNumbersInPlottingOrder() {
        EffectPlot plot = EffectPlot.of(EFFECTS).sortByEstimate().inPercentagePoints();
        Table table = plot.table();
        assertEquals(List.of("arm", "estimate", "ci_low", "ci_high"), table.columnNames());
        assertEquals(plot.labels(), table.stringColumn("arm").asList());
        assertArrayEquals(plot.values(), table.doubleColumn("estimate").asDoubleArray(), 0);
        assertArrayEquals(plot.lower(), table.doubleColumn("ci_low").asDoubleArray(), 0);
        assertTrue(plot.toString().startsWith("EffectPlot — Effects on login vs control (95% CI)"));
    }

    @Test
    void aSizeOutsideTheRangeIsRejectedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EffectPlot.of(EFFECTS).size(0, 400));
        assertTrue(e.getMessage().contains("got 0 × 400"), e.getMessage());
        assertTrue(e.getMessage().contains("between 100 and 8000"), e.getMessage());
    }
}
