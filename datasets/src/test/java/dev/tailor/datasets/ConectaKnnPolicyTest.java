package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import dev.tailor.estimate.Ols;
import dev.tailor.match.KnnMatching;
import dev.tailor.match.KnnMatchingFit;
import dev.tailor.match.KnnPrediction;
import dev.tailor.policy.Policy;
import dev.tailor.policy.PolicyEstimator;
import dev.tailor.policy.PolicyEvaluation;
import dev.tailor.policy.PolicyReport;
import dev.tailor.policy.PolicyValue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The kNN matcher and policy evaluation end to end on the Conecta Ideas school-year simulator (heterogeneity ×2,
 * 8,000 students):
 * learn the kNN rule on half of the students, evaluate it and two benchmarks on the other half with AIPW, and
 * check the estimates against the oracle's exact values for those students.
 */
class ConectaKnnPolicyTest {

    @Test
    void aipwValuesOfKnnBestAndRandomRulesOnHeldOutStudentsAgreeWithTheOracle() {
        int n = 8_000;
        Population people = ConectaIdeas.schoolYear().heterogeneityScale(2).population(n, 3L);
        Arms arms = people.arms();
        // Complete randomization: 20% control, 5% to each of the 16 pairs.
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 20 < 4 ? 0 : i % 20 - 3;
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = arm[i];
            arm[i] = arm[j];
            arm[j] = swap;
        }
        Table all = people.covariates();
        all.addColumns(IntColumn.create("arm", arm), IntColumn.create("login", people.outcomes(arm, Phase.ONE, 5L).login()));
        Table train = all.where(all.intColumn("id").remainder(2).isEqualTo(0));
        Table test = all.where(all.intColumn("id").remainder(2).isEqualTo(1));
        Roles roles = Roles.outcome("login").treatment("arm").arms(arms).covariates(Population.COVARIATES);

        KnnMatchingFit knn = KnnMatching.spec().k(50).fit(train, roles);
        KnnPrediction onTest = knn.predict(test);

        double[][] truthAll = people.oracle(Phase.ONE).probabilities();
        int m = test.rowCount();
        double[][] truth = new double[m][];
        int[] ids = test.intColumn("id").asIntArray();
        for (int r = 0; r < m; r++) {
            truth[r] = truthAll[ids[r]];
        }
        double[] propensities = new double[17];
        propensities[0] = 0.2;
        for (int k = 1; k < 17; k++) {
            propensities[k] = 0.05;
        }
        PolicyEvaluation eval = PolicyEvaluation.of(test, roles).propensities(propensities)
                .outcomeModel("kNN (k = 50) fitted on the other half", onTest.mu()).truth(truth);
        Policy best = Policy.always(Ols.spec().fit(train, Roles.outcome("login").treatment("arm").arms(arms)).best());
        Policy nn = onTest.policy("kNN best arm");
        Policy randomArm = Policy.random(arms, 7L);
        PolicyReport report = eval.report(PolicyEstimator.AIPW, best, nn, randomArm);
        System.out.println(report);
        for (PolicyValue value : report.values()) {
            double error = value.gain() - value.trueGain().getAsDouble();
            assertTrue(Math.abs(error) < 4 * value.gainStdError(), value.toString());
            assertTrue(value.regret().getAsDouble() >= 0, value.toString());
        }
        assertEquals(4_000, m);
    }
}
