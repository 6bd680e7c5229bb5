package dev.tailor.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact properties of policy value estimation: methods spec §2.9, TP1–TP4. */
class PolicyEvaluationTest {

    private static final Arms ARMS = Arms.of("A", "B", "C").withControl("control");

    // 4 arms with unequal sizes (n_0 = 40, n_1 = 30, n_2 = 20, n_3 = 10) and a covariate x.
    private static final int N = 100;
    private static final int[] W = new int[N];
    private static final double[] Y = new double[N];
    private static final double[] X = new double[N];

    static {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            W[i] = i < 40 ? 0 : i < 70 ? 1 : i < 90 ? 2 : 3;
            X[i] = random.nextDouble() * 2 - 1;
            Y[i] = 1 + X[i] + 0.4 * W[i] * X[i] + 0.3 * W[i] + random.nextDouble();
        }
    }

    static double mean(int arm) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < N; i++) {
            if (W[i] == arm) {
                sum += Y[i];
                count++;
            }
        }
        return sum / count;
    }

    static double neymanTerm(int arm) {
        double m = mean(arm);
        double ss = 0;
        int count = 0;
        for (int i = 0; i < N; i++) {
            if (W[i] == arm) {
                ss += (Y[i] - m) * (Y[i] - m);
                count++;
            }
        }
        return ss / (count - 1) / count;
    }

    static int count(int arm) {
        int count = 0;
        for (int w : W) {
            count += w == arm ? 1 : 0;
        }
        return count;
    }

    static double[][] armMeans() {
        double[][] mu = new double[N][4];
        for (double[] row : mu) {
            for (int a = 0; a < 4; a++) {
                row[a] = mean(a);
            }
        }
        return mu;
    }

    @Test
    void constantPolicyGainIsTheDifferenceInMeansWithTheNeymanSeUnderTheCellEstimator() {
        // TP1 (c): "all j" against the control reference gives Ȳ_j − Ȳ_0 and √(s_j²/n_j + s_0²/n_0).
        PolicyEvaluation eval = PolicyEvaluation.of(Y, W, ARMS);
        for (int j = 1; j < 4; j++) {
            PolicyValue value = eval.value(Policy.always(ARMS.get(j)), PolicyEstimator.CELL);
            assertEquals(mean(j) - mean(0), value.gain(), 1e-12);
            assertEquals(Math.sqrt(neymanTerm(j) + neymanTerm(0)), value.gainStdError(), 1e-12);
            assertEquals(mean(j), value.value(), 1e-12);
            assertEquals(Math.sqrt(neymanTerm(j)), value.valueStdError(), 1e-12);
        }
    }

    @Test
    void constantPolicyGainIsTheDifferenceInMeansUnderIpwAndUnderAipwWithZeroOutcomeModel() {
        // TP1 (a), (b): with propensities n_k/n, IPW and AIPW with μ̂ ≡ 0 give Ȳ_j − Ȳ_0, and the two agree exactly.
        PolicyEvaluation eval = PolicyEvaluation.of(Y, W, ARMS).propensities(0.4, 0.3, 0.2, 0.1)
                .outcomeModel("zero", new double[N][4]);
        for (int j = 1; j < 4; j++) {
            PolicyValue ipw = eval.value(Policy.always(ARMS.get(j)), PolicyEstimator.IPW);
            PolicyValue aipw = eval.value(Policy.always(ARMS.get(j)), PolicyEstimator.AIPW);
            assertEquals(mean(j) - mean(0), ipw.gain(), 1e-12);
            assertEquals(mean(j), ipw.value(), 1e-12);
            assertEquals(ipw.gain(), aipw.gain(), 0.0);
            assertEquals(ipw.gainStdError(), aipw.gainStdError(), 0.0);
            // The IPW SE is the sd of D_i = 1{W=j}Y/e_j − 1{W=0}Y/e_0 over √n; it also carries the squared means,
            // so it exceeds the Neyman SE (it ignores the count constraints of complete randomization).
            assertTrue(ipw.gainStdError() > Math.sqrt(neymanTerm(j) + neymanTerm(0)));
        }
    }

    @Test
    void aipwWithArmMeansAsOutcomeModelGivesTheDifferenceInMeansAndANeymanLikeSe() {
        // With μ̂_k ≡ Ȳ_k, D_i = Ȳ_j − Ȳ_0 + 1{W=j}(Y − Ȳ_j)n/n_j − 1{W=0}(Y − Ȳ_0)n/n_0, so
        // SE² = Σ_k n(n_k − 1)/(n_k²(n − 1))·s_k² over k ∈ {j, 0}: the Neyman variance up to the factor n(n_k−1)/(n_k(n−1)).
        PolicyEvaluation eval = PolicyEvaluation.of(Y, W, ARMS).outcomeModel("arm means", armMeans());
        for (int j = 1; j < 4; j++) {
            PolicyValue aipw = eval.value(Policy.always(ARMS.get(j)), PolicyEstimator.AIPW);
            assertEquals(mean(j) - mean(0), aipw.gain(), 1e-12);
            double expected = 0;
            for (int k : new int[] {j, 0}) {
                int nk = count(k);
                expected += (double) N * (nk - 1) / ((double) nk * (N - 1)) * neymanTerm(k);
            }
            assertEquals(Math.sqrt(expected), aipw.gainStdError(), 1e-12);
        }
    }

    @Test
    void comparingTwoConstantPoliciesUsesOnlyTheirTwoArms() {
        // TP2: all-j vs all-j' gives (Ȳ_j − Ȳ_j', √(s_j²/n_j + s_j'²/n_j')) under the cell estimator.
        PolicyEvaluation eval = PolicyEvaluation.of(Y, W, ARMS);
        PolicyComparison c = eval.compare(Policy.always(ARMS.get(3)), Policy.always(ARMS.get(1)), PolicyEstimator.CELL);
        assertEquals(mean(3) - mean(1), c.estimate(), 1e-12);
        assertEquals(Math.sqrt(neymanTerm(3) + neymanTerm(1)), c.stdError(), 1e-12);
        assertEquals(1.0, c.disagreement(), 0.0);
    }

    @Test
    void comparisonEqualsTheDifferenceOfGainsForIpwAndAipw() {
        // TP3: Δ̂(π1 vs π2) = Δ̂(π1) − Δ̂(π2) for (a) and (b), for rules that vary by unit.
        int[] rule1 = new int[N];
        int[] rule2 = new int[N];
        double[][] mu = new double[N][4];
        for (int i = 0; i < N; i++) {
            rule1[i] = X[i] > 0 ? 3 : 1;
            rule2[i] = i % 4;
            for (int a = 0; a < 4; a++) {
                mu[i][a] = 1 + X[i] + 0.3 * a;
            }
        }
        Policy p1 = Policy.fromAssignments(rule1, "x rule");
        Policy p2 = Policy.fromAssignments(rule2, "cycle");
        PolicyEvaluation eval = PolicyEvaluation.of(Y, W, ARMS).propensities(0.4, 0.3, 0.2, 0.1).outcomeModel("linear", mu);
        for (PolicyEstimator estimator : new PolicyEstimator[] {PolicyEstimator.IPW, PolicyEstimator.AIPW}) {
            double difference = eval.value(p1, estimator).gain() - eval.value(p2, estimator).gain();
            assertEquals(difference, eval.compare(p1, p2, estimator).estimate(), 1e-12, estimator.name());
            double values = eval.value(p1, estimator).value() - eval.value(p2, estimator).value();
            assertEquals(values, eval.compare(p1, p2, estimator).estimate(), 1e-12, estimator.name());
        }
    }

    @Test
    void oneSidedPValuesReproduceTheEnergyTable4Rows() {
        // TP4: (difference, SE) → p = 1 − Φ(diff/SE), to 3 decimals (ENERGY Table 4).
        double[][] rows = {{59.9, 110.0, 0.293}, {267.2, 99.7, 0.004}, {207.3, 116.9, 0.038}, {433.0, 106.8, 0.000},
                {373.1, 113.3, 0.000}, {165.8, 61.1, 0.003}};
        for (double[] row : rows) {
            PolicyComparison c = new PolicyComparison("L", "R", PolicyEstimator.CELL, 1, 1, row[0], row[1],
                    java.util.OptionalDouble.empty(), java.util.List.of());
            assertEquals(row[2], Math.round(c.pValue() * 1000) / 1000.0, 0.0, "row " + row[0]);
        }
    }

    @Test
    void cellEstimatorFallsBackToIpwWhenAGroupHasFewerThanTwoUnitsOfAnArm() {
        int[] rule = new int[N];
        rule[95] = 3; // one unit sent to C; it is itself a C unit, and the group {95} has no control units
        PolicyValue value = PolicyEvaluation.of(Y, W, ARMS).value(Policy.fromAssignments(rule, "one unit"), PolicyEstimator.CELL);
        assertTrue(value.notes().stream().anyMatch(note -> note.contains("evaluated by IPW instead")), value.notes().toString());
        PolicyValue ipw = PolicyEvaluation.of(Y, W, ARMS).value(Policy.fromAssignments(rule, "one unit"), PolicyEstimator.IPW);
        assertEquals(ipw.gain(), value.gain(), 0.0);
    }

    @Test
    void truthGivesTrueValuesAndRegretAgainstTheOracle() {
        double[][] truth = new double[N][4];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < 4; a++) {
                truth[i][a] = a == (i % 4) ? 1 : 0;
            }
        }
        int[] oracle = new int[N];
        for (int i = 0; i < N; i++) {
            oracle[i] = i % 4;
        }
        PolicyEvaluation eval = PolicyEvaluation.of(Y, W, ARMS).truth(truth);
        PolicyValue best = eval.value(Policy.fromAssignments(oracle, "oracle"), PolicyEstimator.IPW);
        PolicyValue always = eval.value(Policy.always(ARMS.get(2)), PolicyEstimator.IPW);
        assertEquals(0.0, best.regret().getAsDouble(), 0.0);
        assertEquals(0.25, always.trueValue().getAsDouble(), 1e-12);
        assertEquals(0.75, always.regret().getAsDouble(), 1e-12);
        assertEquals(0.0, always.trueGain().getAsDouble(), 1e-12);
        PolicyReport report = eval.report(PolicyEstimator.IPW, Policy.always(ARMS.get(2)), Policy.fromAssignments(oracle, "oracle"));
        assertEquals(0.75, report.comparisons().get(0).trueDifference().getAsDouble(), 1e-12);
        assertTrue(report.toString().contains("regret"), report.toString());
        assertTrue(report.toHtml().contains("Comparisons with the baseline"), report.toHtml());
        assertEquals(2, report.table().rowCount());
    }
}
