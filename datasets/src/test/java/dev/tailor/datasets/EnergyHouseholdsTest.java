package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class EnergyHouseholdsTest {

    private final EnergyHouseholds study = EnergyRebate.trial().studySample(20200824L);

    @Test
    void theStudySampleHasExactlyTheRealizedArmSizesOfThePaper() {
        assertArrayEquals(new int[] {1577, 1486, 807}, study.armSizes());
        assertArrayEquals(new int[] {1577, 1486, 807}, EnergyRebate.trial().armSizes(3870));
        assertEquals(List.of("U", "T", "S"), study.arms().names());
    }

    @Test
    void otherSampleSizesKeepTheDesignRatio() {
        // n_T = round(1000·1486/3870) = round(383.98), n_S = round(1000·807/3870) = round(208.53).
        assertArrayEquals(new int[] {407, 384, 209}, EnergyRebate.trial().armSizes(1000));
        EnergyHouseholds small = EnergyRebate.trial().households(1000, 5L);
        assertArrayEquals(new int[] {407, 384, 209}, small.armSizes());
    }

    @Test
    void theSameSeedGivesTheSameDataAndPanel() {
        EnergyHouseholds again = EnergyRebate.trial().studySample(20200824L);
        assertTablesEqual(study.data(), again.data());
        EnergyHouseholds a = EnergyRebate.trial().households(40, 3L);
        EnergyHouseholds b = EnergyRebate.trial().households(40, 3L);
        assertTablesEqual(a.panel(), b.panel());
    }

    @Test
    void differentSeedsGiveDifferentHouseholdsAndAssignments() {
        EnergyHouseholds other = EnergyRebate.trial().studySample(20200825L);
        assertFalse(Arrays.equals(study.assignment(), other.assignment()));
        assertFalse(Arrays.equals(study.data().doubleColumn("peak").asDoubleArray(),
                other.data().doubleColumn("peak").asDoubleArray()));
    }

    @Test
    void takeUpIsZeroInUOneInTAndUsageFollowsThePotentialOutcomes() {
        int n = study.size();
        int[] allU = new int[n];
        int[] allT = new int[n];
        int[] allS = new int[n];
        Arrays.fill(allT, 1);
        Arrays.fill(allS, 2);
        EnergyOutcomes u = study.outcomes(allU);
        EnergyOutcomes t = study.outcomes(allT);
        EnergyOutcomes s = study.outcomes(allS);
        EnergyOutcomes observed = study.outcomes(study.assignment());
        int[] arm = study.assignment();
        double[][] usage = {u.usage(), t.usage(), s.usage()};
        int[][] takeUp = {u.takeUp(), t.takeUp(), s.takeUp()};
        double[] observedUsage = observed.usage();
        int[] observedTakeUp = observed.takeUp();
        for (int i = 0; i < n; i++) {
            assertEquals(0, takeUp[0][i]);
            assertEquals(1, takeUp[1][i]);
            double ratio = usage[1][i] / usage[0][i];   // 1 − r, with r clamped to [−0.5, 0.37]
            assertTrue(ratio >= 0.63 - 1e-12 && ratio <= 1.5 + 1e-12, "1 − r = " + ratio);
            double expectedS = takeUp[2][i] == 1 ? usage[1][i] : usage[0][i];
            assertEquals(expectedS, usage[2][i], 0.0);
            assertEquals(usage[arm[i]][i], observedUsage[i], 0.0);
            assertEquals(takeUp[arm[i]][i], observedTakeUp[i]);
        }
    }

    @Test
    void dataHasCovariatesDesignAndOutcomesWithTheBaselineInKilowatts() {
        Table data = study.data();
        assertEquals(3870, data.rowCount());
        for (String column : EnergyHouseholds.COVARIATES) {
            assertTrue(data.containsColumn(column), column);
        }
        for (String column : List.of("id", "arm", "take_up", "usage_kw", "baseline_kw")) {
            assertTrue(data.containsColumn(column), column);
        }
        assertEquals(data.doubleColumn("peak").getDouble(7) * 2 / 1000, data.doubleColumn("baseline_kw").getDouble(7), 1e-15);
        assertEquals(data.doubleColumn("peak").getDouble(7) - data.doubleColumn("post_peak").getDouble(7),
                data.doubleColumn("peak_minus_post").getDouble(7), 1e-12);
    }

    @Test
    void panelBlocksAverageExactlyToJulyPeakAndTreatmentWeekUsage() {
        EnergyHouseholds small = EnergyRebate.trial().households(30, 8L);
        Table panel = small.panel();
        Table data = small.data();
        assertEquals(30 * 304, panel.rowCount());
        double[] usage = panel.doubleColumn("usage").asDoubleArray();
        for (int i = 0; i < 30; i++) {
            double pre = 0;
            double post = 0;
            for (int t = 0; t < 304; t++) {
                double y = usage[i * 304 + t];
                assertTrue(y > 0);
                if (t < 248) {
                    pre += y / 248;
                } else {
                    post += y / 56;
                }
            }
            assertEquals(data.doubleColumn("peak").getDouble(i), pre, 1e-9);
            assertEquals(data.doubleColumn("usage_kw").getDouble(i) * 500, post, 1e-9);
            assertEquals(data.intColumn("arm").getInt(i), panel.intColumn("arm").getInt(i * 304));
        }
        assertEquals(1, panel.intColumn("post").getInt(248));
        assertEquals(0, panel.intColumn("post").getInt(247));
    }

    @Test
    void tooFewHouseholdsOrMisfitAssignmentsFailWithTheValueAndTheFix() {
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> EnergyRebate.trial().households(2, 1L));
        assertTrue(tiny.getMessage().contains("n = 2") && tiny.getMessage().contains("3,870"), tiny.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> study.outcomes(new int[5]));
        assertTrue(length.getMessage().contains("3,870") && length.getMessage().contains("got 5"), length.getMessage());
        int[] bad = new int[3870];
        bad[4] = 3;
        IllegalArgumentException arm = assertThrows(IllegalArgumentException.class, () -> study.outcomes(bad));
        assertTrue(arm.getMessage().contains("Household 4 has arm 3"), arm.getMessage());
    }

    @Test
    void householdsPrintTheirSizeSeedArmsAndTakeUp() {
        String text = study.toString();
        assertTrue(text.contains("3,870 households") && text.contains("seed 20200824") && text.contains("S 807"), text);
    }

    static void assertTablesEqual(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (String name : expected.columnNames()) {
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(expected.column(name).get(r), actual.column(name).get(r), name + " row " + r);
            }
        }
    }
}
