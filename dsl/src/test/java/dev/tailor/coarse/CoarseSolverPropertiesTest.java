package dev.tailor.coarse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The testable properties of methods spec §2.16 (TP 1, 2, 3 and 6) on seeded random instances. */
class CoarseSolverPropertiesTest {

    private static final int M = 12;

    @Test
    void exactIsAtLeastLocalSearchOnEveryRandomInstanceAndEqualOnAtLeast95Percent() {
        int instances = 0;
        int equal = 0;
        for (int k = 1; k <= 6; k++) {
            for (int r = 0; r < 20; r++) {
                ValueMatrix values = RandomValues.draw(200, M, 1_000L * k + r);
                CoarseFit exact = CoarsePersonalization.spec().treatments(k).solver(Solver.EXACT).fit(values);
                CoarseFit heuristic = CoarsePersonalization.spec().treatments(k).solver(Solver.LOCAL_SEARCH).seed(r)
                        .fit(values);
                assertTrue(exact.objective() >= heuristic.objective() - 1e-12,
                        "K = " + k + ", instance " + r + ": exact " + exact.objective() + " < heuristic "
                                + heuristic.objective());
                instances++;
                equal += Math.abs(exact.objective() - heuristic.objective()) <= 1e-12 ? 1 : 0;
            }
        }
        assertTrue(equal >= 0.95 * instances, "local search equals exact on " + equal + " of " + instances);
    }

    @Test
    void exactIsAtLeastGreedyAndGreedyIsAtLeastOneMinusOneOverEOfTheOptimalGain() {
        for (int k = 1; k <= 6; k++) {
            ValueMatrix values = RandomValues.draw(300, M, 77L + k);
            CoarseFit exact = CoarsePersonalization.spec().treatments(k).solver(Solver.EXACT).fit(values);
            CoarseFit greedy = CoarsePersonalization.spec().treatments(k).solver(Solver.GREEDY).fit(values);
            double optimalGain = exact.objective() - exact.nullValue();
            assertTrue(greedy.objective() <= exact.objective() + 1e-12);
            assertTrue(greedy.objective() - greedy.nullValue() >= (1 - 1 / Math.E) * optimalGain - 1e-12);
        }
    }

    @Test
    void objectiveIsNonDecreasingInKAndReachesFullPersonalizationAtTheNumberOfDistinctArgmaxes() {
        for (long seed = 1; seed <= 5; seed++) {
            ValueMatrix values = RandomValues.draw(150, M, seed);
            long distinctTreatments = Arrays.stream(values.argmax()).filter(t -> t > 0).distinct().count();
            double previous = values.mean(0);
            for (int k = 1; k <= M; k++) {
                CoarseFit fit = CoarsePersonalization.spec().treatments(k).fit(values);
                assertTrue(fit.objective() >= previous - 1e-12, "K = " + k + " lowered the objective");
                if (k >= distinctTreatments) {
                    assertEquals(fit.fullValue(), fit.objective(), 1e-12, "K = " + k + " ≥ " + distinctTreatments);
                    assertEquals(1.0, fit.recovery(), 1e-12);
                }
                previous = fit.objective();
            }
        }
    }

    @Test
    void alternatingStepsNeverDecreaseTheObjective() {
        for (int k = 2; k <= 5; k++) {
            for (long seed = 0; seed < 5; seed++) {
                ValueMatrix values = RandomValues.draw(250, M, 500L + 10 * k + seed);
                for (Capacities capacities : new Capacities[] {Capacities.none(), Capacities.eachAtMost(0.25)}) {
                    CoarseFit fit = CoarsePersonalization.spec().treatments(k).solver(Solver.LOCAL_SEARCH).restarts(3)
                            .seed(seed).capacities(capacities).fit(values);
                    double[] trace = fit.objectiveTrace();
                    assertTrue(trace.length >= 2);
                    for (int s = 1; s < trace.length; s++) {
                        assertTrue(trace[s] >= trace[s - 1], "step " + s + " lowered the objective: " + Arrays.toString(trace));
                    }
                    assertEquals(fit.objective(), trace[trace.length - 1], 1e-12);
                }
            }
        }
    }

    @Test
    void addingARowConstantChangesNeitherTheChoiceNorTheAssignmentNorTheRecovery() {
        ValueMatrix values = RandomValues.draw(400, M, 31L);
        double[][] shifted = new double[values.rows()][values.columns()];
        double[] constant = new double[values.rows()];
        for (int i = 0; i < values.rows(); i++) {
            constant[i] = 10 * Math.sin(i) + i % 7;
            for (int t = 0; t < values.columns(); t++) {
                shifted[i][t] = values.get(i, t) + constant[i];
            }
        }
        ValueMatrix moved = ValueMatrix.of(shifted);
        double meanConstant = Arrays.stream(constant).average().orElseThrow();
        for (int k = 1; k <= 4; k++) {
            for (Solver solver : new Solver[] {Solver.EXACT, Solver.LOCAL_SEARCH}) {
                CoarseSpec spec = CoarsePersonalization.spec().treatments(k).solver(solver);
                CoarseFit before = spec.fit(values);
                CoarseFit after = spec.fit(moved);
                assertArrayEquals(before.chosen(), after.chosen(), solver + ", K = " + k);
                assertArrayEquals(before.assignment(), after.assignment());
                assertEquals(before.objective() + meanConstant, after.objective(), 1e-9);
                assertEquals(before.recovery(), after.recovery(), 1e-9);
            }
        }
    }

    @Test
    void theNullIsAlwaysOfferedUnlessItCountsTowardK() {
        ValueMatrix values = RandomValues.draw(300, M, 8L);
        CoarseFit onTop = CoarsePersonalization.spec().treatments(2).fit(values);
        assertEquals(0, onTop.offered()[0]);
        assertEquals(3, onTop.offered().length);
        CoarseFit counted = CoarsePersonalization.spec().treatments(2).nullCountsTowardK(true).fit(values);
        assertTrue(counted.offered().length == 2 && counted.objective() <= onTop.objective() + 1e-12);
        CoarseFit uniform = CoarsePersonalization.spec().treatments(1).nullCountsTowardK(true).fit(values);
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int t = 0; t <= M; t++) {
            bestMean = Math.max(bestMean, values.mean(t));
        }
        assertEquals(bestMean, uniform.objective(), 1e-12, "K = 1 with the null counted is the best uniform column");
    }

    @Test
    void theSameSpecGivesTheSameFitOnOneThreadAsOnMany() throws Exception {
        ValueMatrix values = RandomValues.draw(2_000, M, 4L);
        for (CoarseSpec spec : new CoarseSpec[] {CoarsePersonalization.spec().treatments(4),
                CoarsePersonalization.spec().treatments(4).capacities(Capacities.eachAtMost(0.2)),
                CoarsePersonalization.spec().treatments(3).solver(Solver.LOCAL_SEARCH).seed(9)}) {
            CoarseFit many = spec.fit(values);
            ForkJoinPool single = new ForkJoinPool(1);
            try {
                CoarseFit one = single.submit(() -> spec.fit(values)).get();
                assertArrayEquals(many.chosen(), one.chosen());
                assertArrayEquals(many.assignment(), one.assignment());
                assertEquals(many.objective(), one.objective(), 0.0);
                assertEquals(many.subsetsEvaluated(), one.subsetsEvaluated());
            } finally {
                single.shutdown();
            }
        }
    }

    @Test
    void autoSearchesExactlyUpToMaxSubsetsAndLocallyBeyond() {
        ValueMatrix values = RandomValues.draw(300, M, 15L);
        assertEquals(Solver.EXACT, CoarsePersonalization.spec().treatments(3).maxSubsets(220).fit(values).solver());
        CoarseFit local = CoarsePersonalization.spec().treatments(3).maxSubsets(219).fit(values);
        assertEquals(Solver.LOCAL_SEARCH, local.solver());
        assertEquals(CoarsePersonalization.spec().treatments(3).fit(values).objective(), local.objective(), 1e-12);
    }

    @Test
    void theFittedRuleAppliedToItsOwnRowsReproducesTheAssignment() {
        ValueMatrix values = RandomValues.draw(500, M, 16L);
        CoarseFit fit = CoarsePersonalization.spec().treatments(3).fit(values);
        assertArrayEquals(fit.assignment(), fit.assign(values));
        CoarseFit capped = CoarsePersonalization.spec().treatments(3).capacities(Capacities.eachAtMost(0.2)).fit(values);
        int[] rule = capped.assign(RandomValues.draw(500, M, 17L));
        for (int t : rule) {
            assertTrue(Arrays.binarySearch(capped.offered(), t) >= 0);
        }
    }

    @Test
    void fitAmongAFamilyPicksItsBestSetAndIsNeverAboveExact() {
        ValueMatrix values = RandomValues.draw(300, M, 12L);
        java.util.List<int[]> grid = java.util.List.of(new int[] {1, 4, 7}, new int[] {2, 5, 8}, new int[] {3, 6, 9});
        CoarseSpec spec = CoarsePersonalization.spec().treatments(3);
        CoarseFit best = spec.fitAmong(values, grid);
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (int[] set : grid) {
            bestObjective = Math.max(bestObjective, spec.fitAmong(values, java.util.List.of(set)).objective());
        }
        assertEquals(bestObjective, best.objective(), 1e-12);
        assertTrue(best.objective() <= spec.fit(values).objective() + 1e-12);
    }
}
