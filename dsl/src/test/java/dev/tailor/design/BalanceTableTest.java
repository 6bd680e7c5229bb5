package dev.tailor.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class BalanceTableTest {

    private static final Assignment ASSIGNMENT = Units.phaseOne(20231009L).randomize(Units.students(100_003, 40_507, 11L));

    @Test
    void aRandomizedDesignHasSmallStandardizedDifferences() {
        BalanceTable balance = ASSIGNMENT.balance("math_z", "female", "prior_login");
        assertEquals(List.of(), balance.flagged(), balance.toString());
        for (BalanceTable.CovariateBalance row : balance.covariates()) {
            // One pair vs control: SE ≈ √(1/5000 + 1/20000) ≈ 0.016, so the max of 16 stays far below 0.1.
            assertTrue(row.maxAbsStdDiff() < 0.07, row.covariate() + ": " + row.maxAbsStdDiff());
            assertTrue(Math.abs(row.pooledStdDiff()) < 0.03, row.covariate() + ": " + row.pooledStdDiff());
        }
        // Stratification makes the stratum variable balanced up to the rounding of counts.
        assertTrue(balance.covariate("prior_login").maxAbsStdDiff() < 0.01);
    }

    @Test
    void aCovariateShiftedInOneArmIsFlaggedWithThatArm() {
        Table data = ASSIGNMENT.data();
        int[] arm = ASSIGNMENT.armIndices();
        SplittableRandom random = new SplittableRandom(12L);
        double[] shifted = new double[arm.length];
        for (int i = 0; i < arm.length; i++) {
            shifted[i] = Units.gaussian(random) + (arm[i] == 6 ? 0.3 : 0);   // arm 6 = PP
        }
        data.addColumns(DoubleColumn.create("tenure", shifted));
        BalanceTable balance = BalanceTable.of(data, "arm", ASSIGNMENT.arms(), "math_z", "tenure");
        assertEquals(List.of("tenure"), balance.flagged(), balance.toString());
        BalanceTable.CovariateBalance tenure = balance.covariate("tenure");
        assertEquals("PP", tenure.worstArm().name());
        assertEquals(0.3, tenure.stdDiffs()[6], 0.06);
        assertTrue(tenure.pValue() < 1e-6, "joint F test p = " + tenure.pValue());
        assertTrue(balance.toString().contains("! |std diff| > 0.1 for tenure"), balance.toString());
    }

    @Test
    void meansAndStandardizedDifferencesMatchAHandComputation() {
        Arms arms = Arms.of("T").withControl("control");
        Table data = Table.create("tiny", IntColumn.create("arm", 0, 0, 0, 1, 1, 1),
                DoubleColumn.create("x", 1, 2, 3, 3, 4, 5));
        BalanceTable.CovariateBalance x = BalanceTable.of(data, "arm", arms, "x").covariate("x");
        assertEquals(2.0, x.controlMean(), 1e-12);
        assertEquals(4.0, x.treatedMean(), 1e-12);
        // Both variances are 1, so the standardized difference is (4 − 2) / 1.
        assertEquals(2.0, x.pooledStdDiff(), 1e-12);
        assertEquals(2.0, x.stdDiffs()[1], 1e-12);
        // ANOVA: between SS = 3·1 + 3·1 = 6 on 1 df, within SS = 4 on 4 df, F = 6.
        assertEquals(6.0, x.fStatistic(), 1e-12);
        assertEquals(0.0705, x.pValue(), 1e-4);
    }

    @Test
    void theBalanceTableHasTextHtmlAndTableViews() {
        BalanceTable balance = ASSIGNMENT.balance("math_z", "female");
        assertTrue(balance.toString().contains("max |std diff|"));
        assertTrue(balance.toHtml().contains("<td style=\"text-align:left\">math_z</td>"));
        Table table = balance.table();
        assertEquals(2, table.rowCount());
        assertEquals(List.of("covariate", "control_mean", "treated_mean", "std_diff", "max_abs_std_diff", "worst_arm",
                "f_statistic", "p_value"), table.columnNames());
        assertEquals(2 * 17, balance.byArm().rowCount());
    }
}
