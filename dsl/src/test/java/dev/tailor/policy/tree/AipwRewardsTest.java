package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.forest.RegressionForest;
import dev.tailor.forest.Regressor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AipwRewardsTest {

    /**
     * Three arms in exact thirds, X uniform on [0, 1]², Y = μ_Z(X) + N(0, 1) with μ_0 = 0, μ_1 = +1 if x1 > 0.5
     * else −1, μ_2 = +0.5 if x1 ≤ 0.5 else −1. Arm means 0, 0 and −0.25; the best arm is 1 for x1 > 0.5, else 2.
     */
    record Experiment(double[][] x, int[] arm, double[] y) {
        static Experiment draw(int n, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] x = new double[n][2];
            int[] arm = new int[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i][0] = rng.nextDouble();
                x[i][1] = rng.nextDouble();
                arm[i] = i % 3;
                y[i] = mu(arm[i], x[i][0]) + rng.nextGaussian();
            }
            return new Experiment(x, arm, y);
        }

        static double mu(int arm, double x1) {
            return switch (arm) {
                case 1 -> x1 > 0.5 ? 1 : -1;
                case 2 -> x1 <= 0.5 ? 0.5 : -1;
                default -> 0;
            };
        }
    }

    private static final double[] ARM_MEANS = {0, 0, -0.25};

    @Test
    void withAZeroOutcomeModelAipwRewardsEqualIpwRewards() {
        Experiment e = Experiment.draw(300, 1L);
        double[][] aipw = RewardMatrix.aipw(e.y(), e.arm(), new double[300][3], "a", "b", "c").toArray();
        double[][] ipw = RewardMatrix.ipw(e.y(), e.arm(), "a", "b", "c").toArray();
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(ipw[i], aipw[i], 1e-12);
        }
    }

    @Test
    void columnMeansEstimateTheArmMeansWithinTheirStandardErrors() {
        Experiment e = Experiment.draw(3000, 7L);
        Regressor forest = Regressor.forest(RegressionForest.spec().trees(100).seed(3));
        double[][] muHat = forest.armMeans(e.x(), e.y(), e.arm(), 3);
        RewardMatrix gamma = RewardMatrix.aipw(e.y(), e.arm(), muHat, "0", "1", "2");
        int n = gamma.rows();
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                sum += gamma.get(i, a);
            }
            double mean = sum / n;
            for (int i = 0; i < n; i++) {
                squares += Math.pow(gamma.get(i, a) - mean, 2);
            }
            double se = Math.sqrt(squares / (n - 1) / n);
            // Unbiased for the arm mean with known propensities; |z| < 3 fails by chance about 0.3% of the time.
            assertTrue(Math.abs(mean - ARM_MEANS[a]) < 3 * se, "arm " + a + ": " + mean + " (SE " + se + ")");
            // The outcome model removes most of the noise of IPW: the SE is well below the IPW one (≈ √(3·2)/√n·σ).
            assertTrue(se < 0.04, "arm " + a + " SE " + se);
        }
    }

    @Test
    void aTreeOnAipwRewardsRecoversTheKnownRule() {
        Experiment e = Experiment.draw(1500, 11L);
        double[][] muHat = Regressor.forest(RegressionForest.spec().trees(100).seed(5)).armMeans(e.x(), e.y(), e.arm(), 3);
        RewardMatrix gamma = RewardMatrix.aipw(e.y(), e.arm(), muHat, "0", "1", "2");
        PolicyTreeFit tree = PolicyTree.spec().depth(1).fit(e.x(), new String[] {"x1", "x2"}, gamma);
        int[] action = tree.predict(e.x());
        int agree = 0;
        for (int i = 0; i < action.length; i++) {
            agree += action[i] == (e.x()[i][0] > 0.5 ? 1 : 2) ? 1 : 0;
        }
        assertTrue(agree >= 0.97 * action.length, agree + " of " + action.length + " follow the rule");
        PolicyNode.Split root = (PolicyNode.Split) tree.root();
        assertEquals("x1", root.featureName());
        assertEquals(0.5, root.threshold(), 0.05);
    }

    @Test
    void aMisshapenOutcomeModelFailsWithTheRowAndTheExpectedWidth() {
        DataException e = assertThrows(DataException.class,
                () -> RewardMatrix.aipw(new double[] {1, 2}, new int[] {0, 1}, new double[][] {{0, 0}, {0}}, "U", "T"));
        assertTrue(e.getMessage().contains("Row 1") && e.getMessage().contains("expected 2"), e.getMessage());
    }
}
