package dev.tailor.forest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Identities of the doubly robust scores (methods spec §2.6), on random inputs. */
class AipwTest {

    private static final int N = 500;

    private record Inputs(double[] y, int[] w, double[] m, double[][] e, double[][] tau) {
    }

    private static Inputs random(int arms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[N];
        int[] w = new int[N];
        double[] m = new double[N];
        double[][] e = new double[N][arms + 1];
        double[][] tau = new double[N][arms];
        for (int i = 0; i < N; i++) {
            double total = 0;
            for (int k = 0; k <= arms; k++) {
                e[i][k] = 0.2 + random.nextDouble();
                total += e[i][k];
            }
            for (int k = 0; k <= arms; k++) {
                e[i][k] /= total;
            }
            w[i] = random.nextInt(arms + 1);
            y[i] = random.nextGaussian();
            m[i] = random.nextGaussian();
            for (int k = 0; k < arms; k++) {
                tau[i][k] = random.nextGaussian();
            }
        }
        return new Inputs(y, w, m, e, tau);
    }

    @Test
    void binaryScoresAreGrfsFormula() {
        Inputs in = random(1, 1);
        double[][] scores = Aipw.scores(in.y, in.w, in.m, in.e, in.tau, 0);
        for (int i = 0; i < N; i++) {
            double e = in.e[i][1];
            double tau = in.tau[i][0];
            double expected = tau + (in.w[i] - e) / (e * (1 - e)) * (in.y[i] - in.m[i] - (in.w[i] - e) * tau);
            assertEquals(expected, scores[i][0], 1e-12);
        }
    }

    @Test
    void contrastScoresAreDifferencesOfPerArmRewards() {
        Inputs in = random(3, 2);
        double[][] scores = Aipw.scores(in.y, in.w, in.m, in.e, in.tau, 0);
        double[][] rewards = Aipw.rewards(in.y, in.w, in.m, in.e, in.tau, 0);
        for (int i = 0; i < N; i++) {
            for (int k = 1; k <= 3; k++) {
                assertEquals(rewards[i][k] - rewards[i][0], scores[i][k - 1], 1e-12);
            }
        }
    }

    @Test
    void withZeroOutcomeModelsRewardsAreInverseProbabilityWeights() {
        Inputs in = random(2, 3);
        double[][] rewards = Aipw.rewards(in.y, in.w, new double[N], in.e, new double[N][2], 0);
        for (int i = 0; i < N; i++) {
            for (int k = 0; k <= 2; k++) {
                double ipw = in.w[i] == k ? in.y[i] / in.e[i][k] : 0;
                assertEquals(ipw, rewards[i][k], 1e-12);
            }
        }
    }

    @Test
    void standardErrorIsTheSampleStandardDeviationOverRootN() {
        double[][] scores = {{1}, {2}, {4}, {Double.NaN}};
        double[] result = Aipw.meanAndStdError(scores, 0);
        assertEquals(7.0 / 3, result[0], 1e-15);
        double variance = ((1 - 7.0 / 3) * (1 - 7.0 / 3) + (2 - 7.0 / 3) * (2 - 7.0 / 3) + (4 - 7.0 / 3) * (4 - 7.0 / 3)) / 2;
        assertEquals(Math.sqrt(variance / 3), result[1], 1e-15);
        assertEquals(3, result[2]);
    }
}
