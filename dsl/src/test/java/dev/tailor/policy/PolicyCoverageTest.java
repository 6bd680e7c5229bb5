package dev.tailor.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Statistical properties of policy values over replications of a small design with a known value: X ~ U(−1, 1),
 * μ_0 = 1 + x, μ_1 = 1.5 + 2x, μ_2 = 1.2, Y = μ_W(X) + N(0, 1), W drawn per unit with propensities
 * (0.4, 0.3, 0.3). The rule π(x) = arm 1 if x > 0 else arm 2 has value 0.5·2.5 + 0.5·1.2 = 1.85.
 */
class PolicyCoverageTest {

    private static final Arms ARMS = Arms.of("one", "two").withControl("control");
    private static final double[] E = {0.4, 0.3, 0.3};
    private static final double TRUE_VALUE = 1.85;

    record Sample(double[] x, int[] w, double[] y) {
    }

    static Sample draw(int n, SplittableRandom random) {
        double[] x = new double[n];
        int[] w = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * random.nextDouble() - 1;
            double u = random.nextDouble();
            w[i] = u < E[0] ? 0 : u < E[0] + E[1] ? 1 : 2;
            y[i] = mu(x[i], w[i]) + gaussian(random);
        }
        return new Sample(x, w, y);
    }

    static double mu(double x, int arm) {
        return arm == 0 ? 1 + x : arm == 1 ? 1.5 + 2 * x : 1.2;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static Policy rule(double[] x, boolean good) {
        int[] arm = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            arm[i] = (x[i] > 0) == good ? 1 : 2;
        }
        return Policy.fromAssignments(arm, good ? "x > 0 → one" : "x > 0 → two");
    }

    // Per-arm OLS of y on (1, x) fitted on another sample, predicted at x: the caller's cross-fitted outcome model.
    static double[][] outcomeModel(Sample train, double[] x) {
        double[][] coefficients = new double[3][];
        for (int a = 0; a < 3; a++) {
            double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int i = 0; i < train.x.length; i++) {
                if (train.w[i] == a) {
                    n++;
                    sx += train.x[i];
                    sy += train.y[i];
                    sxx += train.x[i] * train.x[i];
                    sxy += train.x[i] * train.y[i];
                }
            }
            double slope = (sxy - sx * sy / n) / (sxx - sx * sx / n);
            coefficients[a] = new double[] {sy / n - slope * sx / n, slope};
        }
        double[][] mu = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < 3; a++) {
                mu[i][a] = coefficients[a][0] + coefficients[a][1] * x[i];
            }
        }
        return mu;
    }

    @Test
    void ipwAndAipwIntervalsCoverTheTrueValueOfAFixedRuleAboutNinetyFivePercentOfTheTime() {
        // 300 replications of n = 400. With true coverage 0.95 the binomial SE of the observed share is
        // √(0.95·0.05/300) = 0.0126, so [0.91, 0.99] is ±3.2 SE; a wrong SE formula (e.g. off by √2) lands outside.
        int reps = 300;
        int ipwCovered = 0;
        int aipwCovered = 0;
        double aipwWidth = 0;
        double ipwWidth = 0;
        SplittableRandom random = new SplittableRandom(20231009);
        for (int r = 0; r < reps; r++) {
            Sample train = draw(400, random);
            Sample test = draw(400, random);
            PolicyEvaluation eval = PolicyEvaluation.of(test.y, test.w, ARMS).propensities(E)
                    .outcomeModel("per-arm OLS on another sample", outcomeModel(train, test.x));
            Policy policy = rule(test.x, true);
            double[] ipw = eval.value(policy, PolicyEstimator.IPW).valueConfInt(0.95);
            double[] aipw = eval.value(policy, PolicyEstimator.AIPW).valueConfInt(0.95);
            ipwCovered += ipw[0] <= TRUE_VALUE && TRUE_VALUE <= ipw[1] ? 1 : 0;
            aipwCovered += aipw[0] <= TRUE_VALUE && TRUE_VALUE <= aipw[1] ? 1 : 0;
            ipwWidth += (ipw[1] - ipw[0]) / reps;
            aipwWidth += (aipw[1] - aipw[0]) / reps;
        }
        double ipwRate = (double) ipwCovered / reps;
        double aipwRate = (double) aipwCovered / reps;
        String summary = "IPW coverage " + ipwRate + " (mean width " + ipwWidth + "), AIPW coverage " + aipwRate + " (mean width "
                + aipwWidth + ")";
        assertTrue(ipwRate >= 0.91 && ipwRate <= 0.99, summary);
        assertTrue(aipwRate >= 0.91 && aipwRate <= 0.99, summary);
        // A correct outcome model removes most of the outcome variance from the weights: AIPW is much tighter.
        assertTrue(aipwWidth < 0.8 * ipwWidth, summary);
        System.out.println("[PolicyCoverageTest] " + summary);
    }

    @Test
    void comparisonFavoursTheRuleThatIsBetterByConstruction() {
        // The good rule beats its mirror image by exactly 1.0 in truth (0.5·1.3 + 0.5·0.7).
        SplittableRandom random = new SplittableRandom(77);
        Sample train = draw(2_000, random);
        Sample test = draw(2_000, random);
        double[][] truth = new double[test.x.length][3];
        for (int i = 0; i < test.x.length; i++) {
            for (int a = 0; a < 3; a++) {
                truth[i][a] = mu(test.x[i], a);
            }
        }
        PolicyEvaluation eval = PolicyEvaluation.of(test.y, test.w, ARMS).propensities(E)
                .outcomeModel("per-arm OLS", outcomeModel(train, test.x)).truth(truth);
        Policy good = rule(test.x, true);
        Policy bad = rule(test.x, false);
        for (PolicyEstimator estimator : PolicyEstimator.values()) {
            PolicyComparison forward = eval.compare(good, bad, estimator);
            PolicyComparison backward = eval.compare(bad, good, estimator);
            assertTrue(forward.estimate() > 0 && forward.pValue() < 0.01, forward.toString());
            assertTrue(backward.estimate() < 0 && backward.pValue() > 0.99, backward.toString());
            assertTrue(Math.abs(forward.trueDifference().getAsDouble() - 1.0) < 0.1, forward.toString());
            assertTrue(Math.abs(forward.estimate() - forward.trueDifference().getAsDouble()) < 4 * forward.stdError(), forward.toString());
        }
    }
}
