package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.estimate.EffectEstimate;
import dev.tailor.estimate.EffectTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistical accuracy on simulated data with known effects (small n, fixed seeds; fast). */
class CausalForestAccuracyTest {

    private static final int P = 6;

    static CausalForest forest(int trees, long seed) {
        return CausalForest.spec().trees(trees).seed(seed);
    }

    @Test
    void cateErrorFallsFromTwoThousandToEightThousandRows() {
        Simulations.Sim test = Simulations.binary(1_000, P, 99);
        double[] rmse = new double[2];
        int[] sizes = {2_000, 8_000};
        for (int s = 0; s < sizes.length; s++) {
            Simulations.Sim train = Simulations.binary(sizes[s], P, 10 + s);
            CausalForestFit fit = forest(200, 3).knownPropensities(0.5, 0.5).fit(train.table(), train.roles());
            rmse[s] = Simulations.rmse(fit.predict(test.table()).estimates(), test.truth(), 0);
        }
        System.out.printf("CATE RMSE: n=2,000 %.4f, n=8,000 %.4f%n", rmse[0], rmse[1]);
        assertTrue(rmse[1] < 0.85 * rmse[0], "RMSE at n=8,000 (" + rmse[1] + ") vs n=2,000 (" + rmse[0] + ")");
    }

    @Test
    void causalForestBeatsATLearnerOfTwoRegressionForests() {
        Simulations.Sim train = Simulations.binary(4_000, P, 21, 3.0);
        Simulations.Sim test = Simulations.binary(1_000, P, 22, 3.0);
        CausalForestFit fit = forest(400, 5).knownPropensities(0.5, 0.5).fit(train.table(), train.roles());
        double causal = Simulations.rmse(fit.predict(test.table()).estimates(), test.truth(), 0);

        List<String> covariates = train.roles().covariates();
        RegressionForest learner = RegressionForest.spec().trees(400).seed(5);
        var treated = train.table().where(train.table().intColumn("w").isEqualTo(1));
        var control = train.table().where(train.table().intColumn("w").isEqualTo(0));
        double[] mu1 = learner.fit(treated, "y", covariates).predict(test.table());
        double[] mu0 = learner.fit(control, "y", covariates).predict(test.table());
        double[][] tLearner = new double[mu1.length][1];
        for (int i = 0; i < mu1.length; i++) {
            tLearner[i][0] = mu1[i] - mu0[i];
        }
        double t = Simulations.rmse(tLearner, test.truth(), 0);
        System.out.printf("CATE RMSE at n=4,000: causal forest %.4f, T-learner %.4f%n", causal, t);
        assertTrue(causal < t, "causal forest RMSE " + causal + " vs T-learner " + t);
    }

    @Test
    void aipwAverageEffectIsWithinThreeStandardErrorsOfTheTruth() {
        Simulations.Sim sim = Simulations.binary(3_000, P, 31);
        CausalForestFit fit = forest(200, 7).fit(sim.table(), sim.roles());
        double truth = 0;
        for (double[] row : sim.truth()) {
            truth += row[0];
        }
        truth /= sim.truth().length;
        EffectEstimate ate = fit.averageEffects().effect("arm 1");
        System.out.printf("AIPW ATE %.4f (se %.4f), sample truth %.4f%n", ate.estimate(), ate.stdError(), truth);
        assertTrue(Math.abs(ate.estimate() - truth) < 3 * ate.stdError(), ate + " vs truth " + truth);
        assertTrue(ate.stdError() > 0.02 && ate.stdError() < 0.1, "se " + ate.stdError());
    }

    @Test
    void variableImportancePointsAtTheEffectModifier() {
        Simulations.Sim sim = Simulations.binary(2_000, P, 51);
        CausalForestFit fit = forest(200, 11).knownPropensities(0.5, 0.5).fit(sim.table(), sim.roles());
        double[] importance = fit.variableImportance();
        System.out.println("variable importance " + java.util.Arrays.toString(importance));
        assertEquals(1.0, java.util.Arrays.stream(importance).sum(), 1e-12);
        for (int j = 1; j < P; j++) {
            assertTrue(importance[0] > 2 * importance[j], "x1 drives the effect: " + java.util.Arrays.toString(importance));
        }
    }

    @Test
    void armsWithIdenticalEffectsGetAverageEffectsWithinThreeStandardErrors() {
        Simulations.Sim sim = Simulations.generate(3_000, 4, 53, 2, 1.0, 1.0, (x, k) -> 0.5 * x[0]);
        CausalForestFit fit = forest(200, 13).knownPropensities(Simulations.equalPropensities(2))
                .fit(sim.table(), sim.roles());
        double[][] scores = fit.scores();
        double[][] difference = new double[scores.length][1];
        for (int i = 0; i < scores.length; i++) {
            difference[i][0] = scores[i][0] - scores[i][1];
        }
        double[] estimate = dev.tailor.forest.internal.Aipw.meanAndStdError(difference, 0);
        System.out.printf("identical arms: AIPW difference %.4f (se %.4f)%n", estimate[0], estimate[1]);
        assertTrue(Math.abs(estimate[0]) < 3 * estimate[1], "difference " + estimate[0] + " se " + estimate[1]);
    }

    @Test
    void multiArmForestRecoversEachArmsEffects() {
        Simulations.Sim sim = Simulations.threeArms(3_000, 4, 41);
        CausalForestFit fit = forest(200, 9).knownPropensities(Simulations.equalPropensities(2))
                .fit(sim.table(), sim.roles());
        EffectTable effects = fit.averageEffects();
        double[][] cate = fit.cate();
        for (int k = 1; k <= 2; k++) {
            double truth = 0;
            for (double[] row : sim.truth()) {
                truth += row[k - 1];
            }
            truth /= sim.truth().length;
            EffectEstimate ate = effects.effect("arm " + k);
            double rmse = Simulations.rmse(cate, sim.truth(), k - 1);
            double spread = k == 1 ? Math.sqrt(1.0 / 12) : Math.sqrt(4.0 / 12);
            System.out.printf("arm %d: AIPW ATE %.4f (se %.4f) truth %.4f; OOB CATE RMSE %.4f (sd of truth %.4f)%n",
                    k, ate.estimate(), ate.stdError(), truth, rmse, spread);
            assertTrue(Math.abs(ate.estimate() - truth) < 3 * ate.stdError(), "arm " + k + ": " + ate);
            assertTrue(rmse < spread, "arm " + k + " CATE RMSE " + rmse + " should beat a constant (sd " + spread + ")");
        }
        assertEquals(3_000, cate.length);
        assertEquals(2, cate[0].length);
    }
}
