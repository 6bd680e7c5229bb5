package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.estimate.EffectEstimate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long simulations (tagged "heavy", skipped by default; run with {@code -Pheavy}): confidence-interval coverage of
 * the AIPW average effect and of the forest's conditional effects, and error decay at larger n.
 */
@Tag("heavy")
class CausalForestCoverageTest {

    private static final int P = 6;

    /** E[τ(X)] for τ = smoothStep(x1), x1 ~ U(0,1): 1 + [log(1 + e^{20(x − 1/3)})/20] from 0 to 1. */
    static double populationAte() {
        return 1 + (Math.log1p(Math.exp(20 * (1 - 1.0 / 3))) - Math.log1p(Math.exp(-20.0 / 3))) / 20;
    }

    @Test
    void aipwConfidenceIntervalForTheAverageEffectCoversInNinetyTwoToNinetyEightPercentOfReplications() {
        int replications = 200;
        double truth = populationAte();
        int covered = 0;
        for (int r = 0; r < replications; r++) {
            Simulations.Sim sim = Simulations.binary(1_000, P, 1_000 + r);
            CausalForestFit fit = CausalForest.spec().trees(100).nuisanceTrees(50).seed(r).fit(sim.table(), sim.roles());
            EffectEstimate ate = fit.averageEffects().effect("arm 1");
            double[] ci = ate.confInt(0.95);
            if (ci[0] <= truth && truth <= ci[1]) {
                covered++;
            }
        }
        double coverage = (double) covered / replications;
        System.out.printf("AIPW ATE 95%% CI coverage over %d replications (n=1,000, estimated nuisances): %.3f%n",
                replications, coverage);
        assertTrue(coverage >= 0.92 && coverage <= 0.98, "coverage " + coverage);
    }

    @Test
    void conditionalEffectConfidenceIntervalsCoverTheTruthAtEightyFivePercentOrMore() {
        Simulations.Sim test = Simulations.binary(1_000, P, 7_001);
        double coverage = 0;
        int datasets = 2;
        for (int d = 0; d < datasets; d++) {
            Simulations.Sim train = Simulations.binary(4_000, P, 7_100 + d);
            CausalForestFit fit = CausalForest.spec().trees(2_000).seed(d).knownPropensities(0.5, 0.5)
                    .fit(train.table(), train.roles());
            CateEstimates predicted = fit.predict(test.table());
            int covered = 0;
            for (int i = 0; i < predicted.rows(); i++) {
                double[] ci = predicted.confInt(i, 1, 0.95);
                double truth = test.truth()[i][0];
                if (ci[0] <= truth && truth <= ci[1]) {
                    covered++;
                }
            }
            double share = (double) covered / predicted.rows();
            System.out.printf("CATE 95%% CI coverage, n=4,000 train, 2,000 trees, dataset %d: %.3f; RMSE %.4f%n", d,
                    share, Simulations.rmse(predicted.estimates(), test.truth(), 0));
            coverage += share / datasets;
        }
        assertTrue(coverage >= 0.85, "average coverage " + coverage);
    }

    @Test
    void multiArmConditionalEffectIntervalsCoverTheTruthAtEightyFivePercentOrMore() {
        Simulations.Sim train = Simulations.threeArms(6_000, 4, 7_201);
        Simulations.Sim test = Simulations.threeArms(1_000, 4, 7_202);
        CausalForestFit fit = CausalForest.spec().trees(1_000).seed(3).knownPropensities(Simulations.equalPropensities(2))
                .fit(train.table(), train.roles());
        CateEstimates predicted = fit.predict(test.table());
        for (int arm = 1; arm <= 2; arm++) {
            int covered = 0;
            for (int i = 0; i < predicted.rows(); i++) {
                double[] ci = predicted.confInt(i, arm, 0.95);
                double truth = test.truth()[i][arm - 1];
                if (ci[0] <= truth && truth <= ci[1]) {
                    covered++;
                }
            }
            double share = (double) covered / predicted.rows();
            System.out.printf("multi-arm CATE 95%% CI coverage, arm %d (n=6,000, 3 arms, 1,000 trees): %.3f; RMSE %.4f%n",
                    arm, share, Simulations.rmse(predicted.estimates(), test.truth(), arm - 1));
            assertTrue(share >= 0.85, "arm " + arm + " coverage " + share);
        }
    }

    @Test
    void cateErrorFallsFromTwoThousandToTwentyThousandRows() {
        Simulations.Sim test = Simulations.binary(1_000, P, 99);
        int[] sizes = {2_000, 20_000};
        double[] rmse = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            Simulations.Sim train = Simulations.binary(sizes[s], P, 10 + s);
            CausalForestFit fit = CausalForest.spec().trees(500).seed(3).fit(train.table(), train.roles());
            rmse[s] = Simulations.rmse(fit.predict(test.table()).estimates(), test.truth(), 0);
        }
        System.out.printf("CATE RMSE (estimated nuisances, 500 trees): n=2,000 %.4f, n=20,000 %.4f%n", rmse[0], rmse[1]);
        assertTrue(rmse[1] < 0.7 * rmse[0], "RMSE " + rmse[1] + " at n=20,000 vs " + rmse[0] + " at n=2,000");
    }
}
