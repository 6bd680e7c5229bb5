package dev.tailor.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CounterfactualIttTest {

    private final Table data = ThreeArmTables.random(3_000, 21L);

    /**
     * A depth-1-per-cell "tree" fitted the EWM way: leaves are the 20 ventiles of x, and each leaf takes the arm
     * with the largest summed reward. Groups are unions of leaves with the same action.
     */
    private static int[] leafPolicy(double[] x, double[][] rewards) {
        int leaves = 20;
        double[][] sums = new double[leaves][3];
        int[] leaf = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            leaf[i] = Math.min(leaves - 1, (int) (x[i] * leaves));
            for (int j = 0; j < 3; j++) {
                sums[leaf[i]][j] += rewards[i][j];
            }
        }
        int[] action = new int[leaves];
        for (int l = 0; l < leaves; l++) {
            for (int j = 1; j < 3; j++) {
                if (sums[l][j] > sums[l][action[l]]) {
                    action[l] = j;
                }
            }
        }
        int[] policy = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            policy[i] = action[leaf[i]];
        }
        return policy;
    }

    @Test
    void onTheTrainingRewardsEachGroupsAssignedArmIsItsColumnMaximumByConstruction() {
        double[][] rewards = CounterfactualIttSpec.ipwRewards(ThreeArmData.read(data, ThreeArmTables.ROLES));
        double[] x = data.doubleColumn("x").asDoubleArray();
        int[] policy = leafPolicy(x, rewards);
        assertTrue(Arrays.stream(policy).distinct().count() >= 2, "the policy uses several arms");
        CounterfactualIttTable ipw = CounterfactualItt.spec().estimator(IttEstimator.IPW).fit(data, ThreeArmTables.ROLES, policy);
        assertTrue(ipw.diagonalIsColumnMaximum(), ipw.toString());
        for (int g = 0; g < 3; g++) {
            if (ipw.groupSizes()[g] > 0) {
                double own = g == 0 ? 0 : ipw.itt(g, g).estimate();
                for (int j = 1; j < 3; j++) {
                    assertTrue(ipw.itt(j, g).estimate() <= own, "column " + g + ", row " + j);
                }
            }
        }
        // Any other reward matrix the leaves were fitted on works the same way, e.g. rewards centered by a function of x.
        double[][] centered = new double[rewards.length][3];
        for (int i = 0; i < rewards.length; i++) {
            for (int j = 0; j < 3; j++) {
                centered[i][j] = rewards[i][j] - (x[i] - 0.5) * 7 * (data.intColumn("arm").getInt(i) == j ? 1 : 0);
            }
        }
        assertTrue(CounterfactualItt.fromRewards(centered, leafPolicy(x, centered)).diagonalIsColumnMaximum());
    }

    @Test
    void cellItTsAreGroupMeanDifferencesWithNeymanSesComputedByHand() {
        // Group Ĝ_T = rows 0..5, Ĝ_S = rows 6..11. Arms U, T, S twice per group.
        double[] w = {1, 3, 4, 8, 2, 6, 0, 2, 1, 1, 5, 9};
        int[] arm = {0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2};
        int[] d = {0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0};
        int[] policy = {1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
        CounterfactualIttTable table = CounterfactualItt.spec().fit(ThreeArmTables.of(w, arm, d), ThreeArmTables.ROLES, policy);
        assertEquals(6 - 2, table.itt(1, 1).estimate(), 1e-14);       // T mean 6, U mean 2
        assertEquals(4 - 2, table.itt(2, 1).estimate(), 1e-14);       // S mean 4
        assertEquals(1 - 1, table.itt(1, 2).estimate(), 1e-14);
        assertEquals(7 - 1, table.itt(2, 2).estimate(), 1e-14);
        assertEquals(Math.sqrt(8.0 / 2 + 2.0 / 2), table.itt(1, 1).stdError(), 1e-14);   // s²_T = 8, s²_U = 2
        assertEquals(Math.sqrt(8.0 / 2 + 2.0 / 2), table.itt(2, 2).stdError(), 1e-14);
        assertEquals(0.0, table.itt(0, 1).estimate(), 0.0);
        assertTrue(table.diagonalIsColumnMaximum());
        // Value: ½·4 + ½·6 with the post-stratified SE √(¼·5 + ¼·5).
        assertEquals(5.0, table.value().estimate(), 1e-14);
        assertEquals(Math.sqrt(2.5), table.value().stdError(), 1e-14);
        assertTrue(table.toString().contains("assigns nobody to U"), table.toString());
    }

    @Test
    void thePolicyValueIsTheShareWeightedDiagonalForBothEstimators() {
        double[][] rewards = CounterfactualIttSpec.ipwRewards(ThreeArmData.read(data, ThreeArmTables.ROLES));
        int[] policy = leafPolicy(data.doubleColumn("x").asDoubleArray(), rewards);
        for (IttEstimator estimator : IttEstimator.values()) {
            CounterfactualIttTable table = CounterfactualItt.spec().estimator(estimator).fit(data, ThreeArmTables.ROLES, policy);
            double[] shares = table.shares();
            double[] diagonal = table.diagonal();
            double sum = 0;
            for (int g = 0; g < 3; g++) {
                sum += shares[g] == 0 ? 0 : shares[g] * diagonal[g];
            }
            assertEquals(sum, table.value().estimate(), 1e-10, estimator.name());
        }
    }

    @Test
    void forAConstantPolicyBothEstimatorsGiveTheDifferenceInMeans() {
        int n = data.rowCount();
        int[] allS = new int[n];
        Arrays.fill(allS, 2);
        LateGroup late = Late.spec().fit(data, ThreeArmTables.ROLES).overall();
        CounterfactualIttTable cell = CounterfactualItt.spec().fit(data, ThreeArmTables.ROLES, allS);
        CounterfactualIttTable ipw = CounterfactualItt.spec().estimator(IttEstimator.IPW).fit(data, ThreeArmTables.ROLES, allS);
        assertEquals(late.ittSelfSelection().estimate(), cell.value().estimate(), 1e-12);
        assertEquals(late.ittSelfSelection().stdError(), cell.value().stdError(), 1e-12);
        assertEquals(late.ittSelfSelection().estimate(), ipw.value().estimate(), 1e-10);
        assertEquals(late.ittTreated().estimate(), ipw.itt(1, 2).estimate(), 1e-10);
    }

    @Test
    void cellMeansReportAGroupWhoseAssignedArmIsBeaten() {
        // Assign everyone with x < 0.5 to S although W rises with take-up only for x > 0.4: T beats S there.
        double[] x = data.doubleColumn("x").asDoubleArray();
        int[] policy = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            policy[i] = x[i] < 0.5 ? 1 : 0;
        }
        CounterfactualIttTable table = CounterfactualItt.spec().fit(data, ThreeArmTables.ROLES, policy);
        assertFalse(table.diagonalIsColumnMaximum());
        assertTrue(table.violations().get(0).startsWith("Violation: in Ĝ_"), table.violations().toString());
        assertTrue(table.toString().contains("Violation"), table.toString());
        assertEquals(9, table.table().rowCount());
        assertTrue(table.toHtml().contains("Ĝ_T"));
    }

    @Test
    void aPolicyOfTheWrongLengthOrWithUnknownArmsFailsWithTheCounts() {
        DataException length = assertThrows(DataException.class,
                () -> CounterfactualItt.spec().fit(data, ThreeArmTables.ROLES, new int[5]));
        assertTrue(length.getMessage().contains("5 entries") && length.getMessage().contains("3,000 rows"), length.getMessage());
        int[] bad = new int[data.rowCount()];
        bad[2] = 4;
        IllegalArgumentException arm = assertThrows(IllegalArgumentException.class,
                () -> CounterfactualItt.spec().fit(data, ThreeArmTables.ROLES, bad));
        assertTrue(arm.getMessage().contains("arm 4 to row 2"), arm.getMessage());
    }
}
