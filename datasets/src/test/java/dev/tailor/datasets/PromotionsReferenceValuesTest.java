package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.coarse.CoarseFit;
import dev.tailor.coarse.CoarsePersonalization;
import dev.tailor.coarse.Solver;
import dev.tailor.coarse.ValueMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reference oracle of methods spec §3.3 at n = 100,000: recoveries of the best K-sets within 0.5 pp, the
 * chosen sets, the optimal shares and the values per customer (draw-to-draw sd about 0.005 per customer and
 * 0.1–0.2 pp for recoveries).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionsReferenceValuesTest {

    private static final long SEED = 20220412L;   // the paper's arXiv date
    private static final double RECOVERY_TOLERANCE = 0.005;

    private final PromotionsOracle truth = Promotions.experiment().population(100_000, SEED).oracle();
    private final ValueMatrix values = ValueMatrix.of(truth.incrementalProfits(), truth.arms().names());

    @Test
    void exactBestKSetsRecoverTheSpecsShareOfFullPersonalization() {
        double[] expected = {0.704, 0.882, 0.964, 0.991, 0.9988, 1.0};
        List<List<String>> sets = List.of(
                List.of("20%/14d"),
                List.of("5%/14d", "20%/3d"),
                List.of("5%/14d", "20%/3d", "20%/14d"),
                List.of("5%/14d", "10%/3d", "20%/3d", "20%/14d"),
                List.of("5%/14d", "10%/3d", "10%/14d", "20%/3d", "20%/14d"),
                List.of("5%/3d", "5%/14d", "10%/3d", "10%/14d", "20%/3d", "20%/14d"));
        double previous = 0;
        for (int k = 1; k <= 6; k++) {
            CoarseFit fit = CoarsePersonalization.spec().treatments(k).fit(values);
            assertEquals(Solver.EXACT, fit.solver());
            assertEquals(expected[k - 1], fit.recovery(), RECOVERY_TOLERANCE, "K = " + k);
            assertEquals(sets.get(k - 1), fit.chosenNames(), "K = " + k);
            assertEquals(fit.recovery(), truth.recovery(fit.assignment()), 1e-12);
            assertTrue(fit.recovery() >= previous);
            previous = fit.recovery();
        }
    }

    @Test
    void withFivePromotionsTheOracleRecoversAtLeast995PerThousand() {
        assertTrue(CoarsePersonalization.spec().treatments(5).fit(values).recovery() >= 0.995);
    }

    @Test
    void greedySelectionWithoutSwapsMissesTheBestPairThatLocalSearchFinds() {
        CoarseFit greedy = CoarsePersonalization.spec().treatments(2).solver(Solver.GREEDY).fit(values);
        CoarseFit local = CoarsePersonalization.spec().treatments(2).solver(Solver.LOCAL_SEARCH).restarts(1).fit(values);
        CoarseFit exact = CoarsePersonalization.spec().treatments(2).solver(Solver.EXACT).fit(values);
        assertEquals(0.87, greedy.recovery(), RECOVERY_TOLERANCE);
        assertTrue(greedy.recovery() < exact.recovery() - 0.005);
        assertArrayEquals(exact.chosen(), local.chosen());
    }

    @Test
    void fullPersonalizationAndTheNullMatchTheSpec() {
        assertEquals(1.046, truth.fullPersonalizationGain(), 0.015);
        assertEquals(4.34, truth.nullValue(), 0.03);
        assertEquals(5.39, truth.nullValue() + truth.fullPersonalizationGain(), 0.04);
    }

    @Test
    void individuallyOptimalChoicesMatchTheSpecsShares() {
        // none, 5%/3d, 5%/14d, 10%/3d, 10%/14d, 20%/3d, 20%/14d
        int[] arms = {0, 1, 3, 4, 6, 7, 9};
        double[] shares = {0.29, 0.031, 0.236, 0.106, 0.099, 0.108, 0.128};
        for (int j = 0; j < arms.length; j++) {
            assertEquals(shares[j], truth.optimalShare(arms[j]), 0.01, truth.arms().get(arms[j]).name());
        }
        for (int sevenDay : new int[] {2, 5, 8, 11}) {
            assertEquals(0, truth.optimalShare(sevenDay), 0.0, "7-day promotions are never strictly optimal");
        }
        double thirty = truth.optimalShare(10) + truth.optimalShare(11) + truth.optimalShare(12);
        assertTrue(thirty < 0.002, "30% promotions are almost never optimal: " + thirty);
    }

    @Test
    void theBestUniformPromotionWithoutTheNullIsTenPercentForThreeDays() {
        CoarseFit uniform = CoarsePersonalization.spec().treatments(1).nullCountsTowardK(true).fit(values);
        assertEquals(List.of("10%/3d"), uniform.chosenNames());
        assertEquals(0.203, uniform.objective(), 0.015);
        assertEquals(0.19, uniform.recovery(), 0.015);
    }
}
