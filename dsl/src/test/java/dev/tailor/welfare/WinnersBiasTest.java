package dev.tailor.welfare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import dev.tailor.forest.Regressor;
import dev.tailor.policy.Policy;
import dev.tailor.policy.PolicyEstimator;
import dev.tailor.policy.tree.GraftedTree;
import dev.tailor.policy.tree.PolicyTreeFit;
import dev.tailor.policy.tree.RewardMatrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class WinnersBiasTest {

    private static final Arms ARMS = Arms.of("T", "S").withControl("U");
    private static final List<String> X = List.of("x1", "x2");
    /** No administrative cost, so W̃ = −β·Y and a noise Y makes every policy's true gain exactly 0. */
    private static final WelfareSpec NO_COST = WelfareSpec.energyRebate().adminCost(0);

    /** n households in arms U/T/S in equal thirds, usage pure noise around 0.4 kW independent of X and Z. */
    private static Table noise(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] arm = new int[n];
        int[] takeUp = new int[n];
        double[] usage = new double[n];
        double[] baseline = new double[n];
        double[] income = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = rng.nextDouble();
            x2[i] = rng.nextDouble();
            arm[i] = i % 3;
            takeUp[i] = arm[i] == 1 ? 1 : arm[i] == 2 && rng.nextDouble() < 0.4 ? 1 : 0;
            usage[i] = 0.4 + 0.1 * rng.nextGaussian();
            baseline[i] = 0.4;
            income[i] = 600;
        }
        return Table.create("noise", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2), IntColumn.create("arm", arm),
                IntColumn.create("take_up", takeUp), DoubleColumn.create("usage_kw", usage),
                DoubleColumn.create("baseline_kw", baseline), DoubleColumn.create("income", income));
    }

    private static int[] arms(Table data) {
        return data.intColumn("arm").asIntArray();
    }

    private static double[][] rows(Table data) {
        return Regressor.rows(data, X);
    }

    @Test
    void onPureNoiseTheCorrectedGainOfADeepTreeIsNearZeroWhileItsInSampleGainIsNot() {
        Table data = noise(900, 5L);
        WelfareOutcome welfare = NO_COST.construct(data, WelfareColumns.energyRebate());
        // Raw IPW rewards and a depth-4 grafted tree: the search has plenty of freedom to fit noise.
        RewardMatrix rewards = RewardMatrix.ipw(welfare.outcomes(), arms(data), "U", "T", "S");
        PolicyTreeFit tree = GraftedTree.spec().rootDepth(2).subtreeDepth(2).minNodeSize(8)
                .fit(rows(data), X.toArray(String[]::new), rewards);
        Policy learned = Policy.fromAssignments(tree.predict(rows(data)), "deep tree");
        ArtificialTestData testData = WinnersBias.spec().replicates(40).seed(3).regressor(Regressor.mean())
                .fit(data, welfare, "arm", X);
        WinnersBiasTable result = testData.evaluate(new Policy[] {learned}, new Policy[0][]);
        WinnersBiasTable.Row row = result.policy("deep tree");
        double se = row.corrected().stdError();
        // The truth is 0 for every policy. The corrected mean keeps the sample's arm means (m̂ is the arm mean), so
        // it is off by at most about one sampling SE of a gain, not averaged away: allow 3 SE_test.
        assertTrue(Math.abs(row.corrected().estimate()) < 3 * se, row + " vs SE " + se);
        assertTrue(row.inSample().estimate() > 0, "in-sample " + row.inSample());
        // Clearly above: the bias exceeds two SEs of the in-sample estimate.
        assertTrue(row.bias() > 2 * row.inSample().stdError(), "bias " + row.bias() + ", in-sample " + row.inSample());
    }

    @Test
    void oneReplicateWithASeedIsDeterministicAndAnotherSeedDrawsDifferently() {
        Table data = noise(300, 9L);
        WelfareOutcome welfare = NO_COST.construct(data, WelfareColumns.energyRebate());
        Policy half = Policy.fromAssignments(thirds(data), "by x1");
        Policy[] policies = {half, Policy.always(ARMS.get("T")).named("all T")};
        Policy[][] pairs = {{half, policies[1]}};
        WinnersBias spec = WinnersBias.spec().replicates(1).seed(17).regressor(Regressor.mean());
        WinnersBiasTable first = spec.fit(data, welfare, "arm", X).evaluate(policies, pairs);
        WinnersBiasTable second = WinnersBias.spec().replicates(1).seed(17).regressor(Regressor.mean())
                .fit(data.copy(), welfare, "arm", X).evaluate(policies, pairs);
        assertEquals(first.table().toString(), second.table().toString());
        assertEquals(first.comparisons().get(0).corrected(), second.comparisons().get(0).corrected());
        ArtificialTestData other = spec.seed(18).fit(data, welfare, "arm", X);
        assertNotEquals(first.policies().get(0).corrected(), other.evaluate(policies, pairs).policies().get(0).corrected());
        // Replicate b is the same draw whatever B is.
        assertArrayEquals(spec.fit(data, welfare, "arm", X).draw(0).welfare(),
                spec.replicates(5).fit(data, welfare, "arm", X).draw(0).welfare());
    }

    private static int[] thirds(Table data) {
        double[] x1 = data.doubleColumn("x1").asDoubleArray();
        int[] out = new int[x1.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = x1[i] < 1.0 / 3 ? 0 : x1[i] < 2.0 / 3 ? 1 : 2;
        }
        return out;
    }

    /** Usage 1.0x in U, 2.0x in T, 3.0x in S: any resampled value shows which arm's pool it came from. */
    private static Table small() {
        double[] usage = {1.00, 1.02, 1.05, 1.09, 2.00, 2.10, 2.30, 2.60, 3.00, 3.04, 3.20, 3.50};
        int[] arm = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        int[] takeUp = {0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1};
        double[] x1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        return Table.create("small", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x1), IntColumn.create("arm", arm),
                IntColumn.create("take_up", takeUp), DoubleColumn.create("usage_kw", usage),
                DoubleColumn.create("baseline_kw", new double[12]), DoubleColumn.create("income", new double[] {
                        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}));
    }

    /** A model that predicts 0 everywhere: residuals are the raw usage and every variance prediction is floored. */
    private record Zero() implements Regressor {
        @Override
        public Fitted fit(double[][] x, double[] y) {
            return new Fitted() {
                @Override
                public double[] outOfSample() {
                    return new double[y.length];
                }

                @Override
                public double[] predict(double[][] rows) {
                    return new double[rows.length];
                }
            };
        }

        @Override
        public String describe() {
            return "zero";
        }
    }

    @Test
    void withAZeroModelEveryScaleIsTheFloorAndResamplingStaysWithinTheArm() {
        Table data = small();
        WelfareOutcome welfare = NO_COST.construct(data, WelfareColumns.energyRebate());
        ArtificialTestData testData = WinnersBias.spec().replicates(1).regressor(new Zero()).fit(data, welfare, "arm", X);
        double[] usage = data.doubleColumn("usage_kw").asDoubleArray();
        assertArrayEquals(new int[] {4, 4, 4}, testData.flooredScales());
        for (int a = 0; a < 3; a++) {
            // Var of the arm's residuals (= usage, since m̂ ≡ 0), by hand.
            double mean = 0;
            for (int t = 0; t < 4; t++) {
                mean += usage[4 * a + t] / 4;
            }
            double ss = 0;
            for (int t = 0; t < 4; t++) {
                ss += Math.pow(usage[4 * a + t] - mean, 2);
            }
            double floorScale = Math.sqrt(1e-3 * ss / 3);
            for (int t = 0; t < 4; t++) {
                assertEquals(floorScale, testData.scales()[4 * a + t], 1e-15);
                assertEquals(usage[4 * a + t] / floorScale, testData.standardizedResiduals()[4 * a + t], 1e-9);
            }
        }
        // σ̂ is constant within an arm, so Y* = r*·σ̂ is exactly one of the arm's own observed usages.
        for (int b = 0; b < 50; b++) {
            ArtificialTestData.Draw draw = testData.draw(b);
            for (int i = 0; i < 12; i++) {
                boolean fromOwnArm = false;
                for (int t = 0; t < 4; t++) {
                    fromOwnArm |= Math.abs(draw.usage()[i] - usage[4 * (i / 4) + t]) < 1e-12;
                }
                assertTrue(fromOwnArm, "replicate " + b + ", row " + i + " drew " + draw.usage()[i]);
                int expected = i < 4 ? 0 : i < 8 ? 1 : -1;
                if (expected >= 0) {
                    assertEquals(expected, draw.takeUp()[i]);
                }
                assertEquals(NO_COST.outcome(draw.usage()[i], 0, draw.takeUp()[i], 1), draw.welfare()[i], 1e-9);
            }
        }
        // p̂ ≡ 0 is clipped to 0.01 in S; U and T draw with 0 and 1.
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 1, 1, 1, 0.01, 0.01, 0.01, 0.01}, testData.takeUpProbabilities(), 0);
    }

    @Test
    void withTheMeanModelFittedMeansAndScalesAreLeaveOneOutArmMeansByHand() {
        Table data = small();
        WelfareOutcome welfare = NO_COST.construct(data, WelfareColumns.energyRebate());
        ArtificialTestData testData = WinnersBias.spec().replicates(1).regressor(Regressor.mean()).fit(data, welfare, "arm", X);
        double[] usage = data.doubleColumn("usage_kw").asDoubleArray();
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            for (int t = 0; t < 4; t++) {
                sum += usage[4 * a + t];
            }
            double[] residual = new double[4];
            for (int t = 0; t < 4; t++) {
                int i = 4 * a + t;
                double loo = (sum - usage[i]) / 3;
                assertEquals(loo, testData.fittedMeans()[i], 1e-12);
                residual[t] = usage[i] - loo;
            }
            double squares = 0;
            for (double r : residual) {
                squares += r * r;
            }
            for (int t = 0; t < 4; t++) {
                int i = 4 * a + t;
                double sigma = Math.sqrt((squares - residual[t] * residual[t]) / 3);
                assertEquals(sigma, testData.scales()[i], 1e-12);
                assertEquals(residual[t] / sigma, testData.standardizedResiduals()[i], 1e-9);
            }
        }
        // Take-up in S: leave-one-out share of takers among the other three (D = 1, 0, 0, 1).
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0 / 3}, java.util.Arrays.copyOfRange(
                testData.takeUpProbabilities(), 8, 12), 1e-12);
    }

    @Test
    void theCorrectionRendersAsTextHtmlAndATable() {
        Table data = noise(300, 2L);
        WelfareOutcome welfare = NO_COST.construct(data, WelfareColumns.energyRebate());
        ArtificialTestData testData = WinnersBias.spec().replicates(3).regressor(Regressor.mean()).fit(data, welfare, "arm", X);
        Policy allT = Policy.always(ARMS.get("T")).named("all T");
        Policy allS = Policy.always(ARMS.get("S")).named("all S");
        WinnersBiasTable result = testData.evaluate(new Policy[] {allT, allS}, new Policy[][] {{allS, allT}});
        assertTrue(result.toString().contains("all S − all T"), result.toString());
        assertTrue(result.toHtml().contains("<table"));
        assertEquals(3, result.table().rowCount());
        assertEquals(3, result.policy("all T").replicates().length);
        assertTrue(testData.toString().contains("R² of m̂"), testData.toString());
        assertTrue(testData.toHtml().contains("<table"));
        assertEquals(300, testData.table().rowCount());
        // A comparison of constant policies is the difference of their gains on every replicate (same draws).
        double[] t = result.policy("all T").replicates();
        double[] s = result.policy("all S").replicates();
        double[] d = result.comparison("all S", "all T").replicates();
        for (int b = 0; b < 3; b++) {
            assertEquals(s[b] - t[b], d[b], 1e-9);
        }
    }

    @Test
    void badInputsFailWithWhatIsWrongAndWhatToDo() {
        Table data = noise(60, 1L);
        WelfareOutcome welfare = NO_COST.construct(data, WelfareColumns.energyRebate());
        WinnersBias spec = WinnersBias.spec().regressor(Regressor.mean());
        DataException other = assertThrows(DataException.class,
                () -> spec.fit(data, NO_COST.construct(noise(60, 2L), WelfareColumns.energyRebate()), "arm", X));
        assertTrue(other.getMessage().contains("built from another table"), other.getMessage());
        DataException column = assertThrows(DataException.class, () -> spec.fit(data, welfare, "arms", X));
        assertTrue(column.getMessage().contains("arms"), column.getMessage());
        IllegalArgumentException aipw = assertThrows(IllegalArgumentException.class, () -> spec.estimator(PolicyEstimator.AIPW));
        assertTrue(aipw.getMessage().contains("CELL"), aipw.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec.replicates(0));
    }
}
