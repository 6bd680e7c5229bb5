package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Results render as text, HTML and Tablesaw tables, with provenance, and do not leak mutable state. */
class CausalForestRenderingTest {

    @Test
    void fitRendersSummaryHtmlAndPerRowTable() {
        Simulations.Sim sim = Simulations.threeArms(600, 3, 91);
        CausalForestFit fit = CausalForest.spec().trees(20).nuisanceTrees(20).seed(5)
                .fit(sim.table(), sim.roles().arms(Arms.of("teacher", "peers").withControl("none")));
        String text = fit.toString();
        assertTrue(text.contains("teacher") && text.contains("peers") && text.contains("ATE (AIPW)")
                && text.contains("seed 5") && text.contains("n = 600"), text);
        String html = fit.toHtml();
        assertTrue(html.contains("<table") && html.contains("teacher"), html);
        Table table = fit.table();
        assertEquals(600, table.rowCount());
        assertTrue(table.columnNames().contains("cate: peers") && table.columnNames().contains("se: teacher"));
        CateEstimates predicted = fit.predict(sim.table());
        assertTrue(predicted.toString().contains("predicted for table \"simulated\""), predicted.toString());
        assertTrue(predicted.toHtml().contains("CI excludes 0"));
        double[] ci = predicted.confInt(0, 1, 0.95);
        assertTrue(ci[0] < predicted.estimate(0, 1) && predicted.estimate(0, 1) < ci[1]);
        assertTrue(fit.averageEffects().toString().contains("AIPW"));
        assertTrue(CausalForest.spec().toString().startsWith("CausalForest(trees=2000"));
    }

    @Test
    void returnedArraysAreCopies() {
        Simulations.Sim sim = Simulations.binary(300, 3, 92);
        CausalForestFit fit = CausalForest.spec().trees(10).nuisanceTrees(10).seed(5).fit(sim.table(), sim.roles());
        double before = fit.cate()[0][0];
        fit.cate()[0][0] = 1e9;
        fit.variance()[0][0] = 1e9;
        assertEquals(before, fit.cate()[0][0]);
    }
}
