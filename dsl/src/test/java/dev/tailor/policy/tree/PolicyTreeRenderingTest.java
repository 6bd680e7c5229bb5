package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class PolicyTreeRenderingTest {

    /**
     * TR pays when math_z is low; among the rest, grade decides between C and TU. A root split on grade ties at
     * reward 8, and math_z wins as the earlier feature.
     */
    private static PolicyTreeFit fit() {
        Table x = Table.create("students",
                DoubleColumn.create("math_z", -1.0, -0.5, 0.31, 0.8, 1.2, 1.5, 2.0, 2.5),
                DoubleColumn.create("grade", 1.0, 3.0, 2.0, 3.0, 1.0, 2.0, 3.0, 4.0));
        double[][] gamma = {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {1, 0, 0}, {0, 0, 1}, {0, 0, 1}};
        return PolicyTree.spec().depth(2).features("math_z", "grade").fit(x, RewardMatrix.of(gamma, "C", "TR", "TU"));
    }

    @Test
    void rulesReadAsIfThenSentencesOnePerLeaf() {
        assertEquals(List.of("if math_z <= 0.31 then TR", "if math_z > 0.31 and grade <= 2 then C",
                "if math_z > 0.31 and grade > 2 then TU"), fit().rules());
        assertEquals(8.0, fit().reward(), 0.0);
    }

    @Test
    void predictionsFollowTheRulesOnNewRows() {
        assertArrayEquals(new int[] {1, 0, 2}, fit().predict(new double[][] {{0.31, 9}, {0.32, 2}, {0.32, 2.5}}));
    }

    @Test
    void textShowsTheTitleTheLeavesAndTheDiagram() {
        String text = fit().toString();
        assertTrue(text.contains("exact search, depth 2"), text);
        assertTrue(text.contains("if math_z > 0.31 and grade > 2 then TU"), text);
        assertTrue(text.contains("math_z <= 0.31  (n = 8)"), text);
        assertTrue(text.contains("├─ yes: TR  (n = 3, mean reward 1)"), text);
    }

    @Test
    void htmlEscapesAndTableHasOneRowPerLeaf() {
        PolicyTreeFit fit = fit();
        assertTrue(fit.toHtml().contains("&lt;= 0.31"), fit.toHtml());
        Table table = fit.table();
        assertEquals(3, table.rowCount());
        assertEquals(List.of("leaf", "rule", "action", "action_index", "n", "mean_reward", "total_reward"), table.columnNames());
        assertEquals(8.0, table.doubleColumn("total_reward").sum(), 0.0);
    }

    @Test
    void plotDrawsOneBoxPerNodeAsSvgTextAndAsAPng() {
        PolicyTreePlot plot = fit().plot();
        String svg = plot.toSvg();
        assertEquals(5, svg.split("<rect x=").length - 1, svg); // 2 splits + 3 leaves
        assertTrue(svg.contains("math_z &lt;= 0.31"), svg);
        assertTrue(svg.contains(">TU<"), svg);
        byte[] png = plot.toPng();
        assertTrue(png.length > 100 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        assertTrue(plot.toHtml().startsWith("<div class=\"tailor-plot\">"));
        assertEquals(3, plot.table().rowCount());
    }

    @Test
    void specPrintsItsOptions() {
        assertEquals("PolicyTree (not fitted): exact search, depth 3, split step 10, features a, b, 1 thread; "
                + "call fit(covariates, rewards)", PolicyTree.spec().depth(3).splitStep(10).features("a", "b").toString());
    }
}
