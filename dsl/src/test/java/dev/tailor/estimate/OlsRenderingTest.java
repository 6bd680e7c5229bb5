package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.Roles;
import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** An {@link OlsFit} shows itself as text, escaped HTML and a Tablesaw table. */
class OlsRenderingTest {

    private static final Arms ARMS = Arms.of("teacher", "<script>", "R&F").withControl("none");

    private static OlsFit fit() {
        OlsTest.Sample s = OlsTest.Sample.draw(400, 4, 2, 1, 29);
        return Ols.spec().fit(s.table(), s.roles().arms(ARMS));
    }

    @Test
    void textNamesEveryArmAndMarksTheBestOne() {
        OlsFit fit = fit();
        String text = fit.toString();
        for (String name : ARMS.names()) {
            assertTrue(text.contains(name), name + " missing from\n" + text);
        }
        Arm best = fit.best();
        assertTrue(text.contains(best.name() + " *"), text);
        assertTrue(text.contains("* best arm"), text);
        assertTrue(text.contains("OLS with stratum fixed effects and covariate x1, HC2 SEs"), text);
        assertTrue(text.contains("n = 400"), text);
    }

    @Test
    void htmlEscapesArmNames() {
        String html = fit().toHtml();
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("R&amp;F"), html);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("R&F"), html);
    }

    @Test
    void tableHasOneRowPerTreatmentArmWithTheEstimates() {
        OlsFit fit = fit();
        Table table = fit.table();
        assertEquals(3, table.rowCount());
        double[] coefficients = fit.coefficients();
        double[] se = fit.stdErrors();
        for (int k = 1; k <= 3; k++) {
            assertEquals(ARMS.get(k).name(), table.stringColumn("arm").get(k - 1));
            assertEquals(k, table.intColumn("arm_index").get(k - 1));
            assertEquals(coefficients[k], table.doubleColumn("estimate").get(k - 1), 0.0);
            assertEquals(se[k], table.doubleColumn("std_error").get(k - 1), 0.0);
        }
        Table coefficientTable = fit.coefficientTable();
        assertEquals(fit.coefficientNames(), coefficientTable.stringColumn("term").asList());
        assertEquals("covariate", coefficientTable.stringColumn("kind").get(coefficients.length - 1));
    }
}
