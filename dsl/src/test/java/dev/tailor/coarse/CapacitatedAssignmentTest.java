package dev.tailor.coarse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Capacitated coarse personalization (methods spec §2.16, TP 4 and 5), checked against references written here:
 * a residual-graph negative-cycle test and brute force over every assignment of tiny instances.
 */
class CapacitatedAssignmentTest {

    @Test
    void capacitiesEqualToTheArgmaxSharesReproduceTheArgmaxSolution() {
        for (long seed = 0; seed < 5; seed++) {
            ValueMatrix values = RandomValues.draw(500, 12, 40L + seed);
            CoarseFit free = CoarsePersonalization.spec().treatments(4).fit(values);
            int[] counts = new int[values.columns()];
            for (int t : free.assignment()) {
                counts[t]++;
            }
            double[] shares = Arrays.stream(counts).mapToDouble(c -> c / (double) values.rows()).toArray();
            CoarseFit capped = CoarsePersonalization.spec().treatments(4).capacities(Capacities.maxShares(shares)).fit(values);
            assertArrayEquals(free.chosen(), capped.chosen());
            assertArrayEquals(free.assignment(), capped.assignment());
            assertEquals(free.objective(), capped.objective(), 1e-12);
        }
    }

    @Test
    void theCapacitatedOptimumHasNoNegativeCycleInItsResidualGraph() {
        for (long seed = 0; seed < 12; seed++) {
            int k = 2 + (int) (seed % 4);
            ValueMatrix values = RandomValues.draw(400, 12, 900L + seed);
            double share = 0.6 / k;   // binding: the best treatments would take more
            CoarseFit fit = CoarsePersonalization.spec().treatments(k).capacities(Capacities.eachAtMost(share)).fit(values);
            int[] caps = fit.capacities();
            int[] shareCounts = Arrays.stream(fit.shares()).mapToInt(s -> (int) Math.round(s * values.rows())).toArray();
            for (int a = 0; a < caps.length; a++) {
                assertTrue(shareCounts[a] <= caps[a], "column " + fit.offered()[a] + " over capacity");
            }
            assertFalse(ResidualGraph.hasNegativeCycle(values, fit.offered(), new int[caps.length], caps, fit.assignment()),
                    "seed " + seed + ": a negative cycle means the assignment can be improved");
            assertTrue(fit.dualityGap() >= -1e-12 && fit.dualityGap() <= 1e-9, "duality gap " + fit.dualityGap());
            for (double price : fit.prices()) {
                assertTrue(price >= 0);
            }
        }
    }

    @Test
    void everyRowTakesAColumnThatMaximizesValueMinusPrice() {
        ValueMatrix values = RandomValues.draw(1_000, 12, 5L);
        CoarseFit fit = CoarsePersonalization.spec().treatments(3).capacities(Capacities.eachAtMost(0.15)).fit(values);
        int[] offered = fit.offered();
        double[] prices = fit.prices();
        assertTrue(Arrays.stream(prices).anyMatch(p -> p > 0), "capacities at 15% should bind");
        for (int i = 0; i < values.rows(); i++) {
            int own = Arrays.binarySearch(offered, fit.arm(i));
            for (int a = 0; a < offered.length; a++) {
                assertTrue(values.get(i, offered[a]) - prices[a] <= values.get(i, fit.arm(i)) - prices[own] + 1e-9);
            }
        }
    }

    @Test
    void theCapacitatedOptimumEqualsBruteForceOverEveryAssignmentOfTinyInstances() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int instance = 0; instance < 40; instance++) {
            int n = 7;
            int m = 4;
            int k = 1 + instance % 2;
            double[][] rows = new double[n][m + 1];
            for (int i = 0; i < n; i++) {
                for (int t = 1; t <= m; t++) {
                    rows[i][t] = RandomValues.gaussian(random);
                }
            }
            int[] counts = new int[m + 1];
            counts[0] = random.nextInt(n + 1);      // the null may be capped too
            for (int t = 1; t <= m; t++) {
                counts[t] = 1 + random.nextInt(4);
            }
            if (counts[0] + topSum(counts, k) < n) {
                counts[0] = n;
            }
            ValueMatrix values = ValueMatrix.of(rows);
            CoarseFit fit = CoarsePersonalization.spec().treatments(k).capacities(Capacities.maxCounts(counts)).fit(values);
            double brute = BruteForce.best(rows, k, counts);
            assertEquals(brute, fit.objective() * n, 1e-9, "instance " + instance + ", capacities " + Arrays.toString(counts));
        }
    }

    @Test
    void withMinimumsTheOptimumEqualsBruteForceOverEveryAssignmentOfTinyInstances() {
        SplittableRandom random = new SplittableRandom(77);
        int checked = 0;
        for (int instance = 0; instance < 60; instance++) {
            int n = 7;
            int m = 4;
            int k = 1 + instance % 2;
            double[][] rows = new double[n][m + 1];
            for (int i = 0; i < n; i++) {
                for (int t = 1; t <= m; t++) {
                    rows[i][t] = RandomValues.gaussian(random);
                }
            }
            double[] maxShares = new double[m + 1];
            double[] minShares = new double[m + 1];
            maxShares[0] = 1;
            minShares[0] = random.nextInt(3) / 7.0;
            for (int t = 1; t <= m; t++) {
                maxShares[t] = (2 + random.nextInt(4)) / 7.0;
                minShares[t] = random.nextInt(3) / 7.0;
            }
            int[] mins = new int[m + 1];
            int[] caps = new int[m + 1];
            for (int t = 0; t <= m; t++) {
                mins[t] = (int) Math.ceil(minShares[t] * n - 1e-9);
                caps[t] = (int) Math.floor(maxShares[t] * n + 1e-9);
            }
            double brute = BruteForce.best(rows, k, mins, caps);
            CoarseSpec spec = CoarsePersonalization.spec().treatments(k)
                    .capacities(Capacities.maxShares(maxShares).atLeast(minShares));
            if (brute == Double.NEGATIVE_INFINITY) {
                continue;   // no feasible set; the error path is tested elsewhere
            }
            CoarseFit fit = spec.fit(ValueMatrix.of(rows));
            assertEquals(brute, fit.objective() * n, 1e-9, "instance " + instance);
            assertTrue(fit.dualityGap() <= 1e-9 && fit.dualityGap() >= -1e-12, "gap " + fit.dualityGap());
            checked++;
        }
        assertTrue(checked >= 30, "only " + checked + " feasible instances");
    }

    @Test
    void minimumsAreMetWithPricesOfTheRightSignAndNoNegativeCycle() {
        int binding = 0;
        for (long seed = 0; seed < 6; seed++) {
            ValueMatrix values = RandomValues.draw(600, 12, 300L + seed);
            double[] min = new double[13];
            java.util.Arrays.fill(min, 1, 13, 0.2);   // every offered treatment takes at least 20%: binds
            CoarseFit fit = CoarsePersonalization.spec().treatments(4)
                    .capacities(Capacities.eachAtMost(0.35).atLeast(min)).fit(values);
            int[] offered = fit.offered();
            int[] mins = fit.minimums();
            int[] caps = fit.capacities();
            double[] prices = fit.prices();
            int[] counts = new int[offered.length];
            for (int t : fit.assignment()) {
                counts[Arrays.binarySearch(offered, t)]++;
            }
            for (int a = 0; a < offered.length; a++) {
                assertTrue(counts[a] >= mins[a] && counts[a] <= caps[a], "column " + offered[a] + ": " + counts[a]);
                if (prices[a] > 1e-12) {
                    assertEquals(caps[a], counts[a], "a positive price needs a full column");
                }
                if (prices[a] < -1e-12) {
                    assertEquals(mins[a], counts[a], "a negative price needs a column at its minimum");
                }
            }
            assertFalse(ResidualGraph.hasNegativeCycle(values, offered, mins, caps, fit.assignment()));
            assertTrue(fit.dualityGap() <= 1e-9, "gap " + fit.dualityGap());
            binding += Arrays.stream(prices).anyMatch(p -> p < -1e-12) ? 1 : 0;
        }
        assertTrue(binding >= 1, "no instance had a binding minimum");
    }

    @Test
    void equalMinimumsAndMaximumsFixTheMassesExactly() {
        ValueMatrix values = RandomValues.draw(500, 4, 12L);
        double[] exact = {0.4, 0.3, 0.2, 0.1, 0.0};
        CoarseFit fit = CoarsePersonalization.spec().treatments(3)
                .capacities(Capacities.maxShares(exact).atLeast(exact)).fit(values);
        assertArrayEquals(new int[] {0, 1, 2, 3}, fit.offered());
        assertArrayEquals(new double[] {0.4, 0.3, 0.2, 0.1}, fit.shares(), 1e-12);
        assertTrue(fit.dualityGap() <= 1e-9);
    }

    @Test
    void tiedAndDuplicatedColumnsStillGiveACertifiedOptimum() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 400;
        double[][] rows = new double[n][6];
        for (int i = 0; i < n; i++) {
            rows[i][1] = Math.round(4 * RandomValues.gaussian(random)) / 4.0;   // coarse values: many exact ties
            rows[i][2] = rows[i][1];                                            // a duplicate column
            rows[i][3] = 0.1 * (i % 3);
            rows[i][4] = rows[i][3];
            rows[i][5] = Math.round(4 * RandomValues.gaussian(random)) / 4.0;
        }
        ValueMatrix values = ValueMatrix.of(rows);
        for (int k = 2; k <= 5; k++) {
            CoarseFit fit = CoarsePersonalization.spec().treatments(k).capacities(Capacities.eachAtMost(0.15)).fit(values);
            assertFalse(ResidualGraph.hasNegativeCycle(values, fit.offered(), fit.minimums(), fit.capacities(),
                    fit.assignment()), "K = " + k);
            assertTrue(fit.dualityGap() <= 1e-9, "K = " + k + ", gap " + fit.dualityGap());
        }
    }

    @Test
    void exactCapacitatedSearchIsAtLeastCapacitatedLocalSearch() {
        for (long seed = 0; seed < 6; seed++) {
            ValueMatrix values = RandomValues.draw(300, 12, 70L + seed);
            CoarseSpec spec = CoarsePersonalization.spec().treatments(3).capacities(Capacities.eachAtMost(0.2));
            CoarseFit exact = spec.solver(Solver.EXACT).fit(values);
            CoarseFit local = spec.solver(Solver.LOCAL_SEARCH).restarts(3).fit(values);
            assertTrue(exact.objective() >= local.objective() - 1e-12);
            assertTrue(exact.objective() <= CoarsePersonalization.spec().treatments(3).fit(values).objective() + 1e-12,
                    "capacities can only cost value");
        }
    }

    @Test
    void localSearchLeavesStartsWhoseCapacitiesCannotHoldEveryRow() {
        // The null counts toward K and each treatment holds at most 20%: any 3 treatments without the null are
        // infeasible, so random restarts often start infeasible.
        ValueMatrix values = RandomValues.draw(200, 6, 3L);
        CoarseSpec spec = CoarsePersonalization.spec().treatments(3).nullCountsTowardK(true)
                .capacities(Capacities.maxShares(1, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2));
        CoarseFit exact = spec.solver(Solver.EXACT).fit(values);
        CoarseFit local = spec.solver(Solver.LOCAL_SEARCH).restarts(10).fit(values);
        assertEquals(0, exact.chosen()[0], "the null must be among the chosen");
        assertEquals(exact.objective(), local.objective(), 1e-12);
    }

    @Test
    void aValueMatrixReadFromATableNamesTheColumnWithAMissingValue() {
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("scores",
                tech.tablesaw.api.DoubleColumn.create("none", 0, 0, 0),
                tech.tablesaw.api.DoubleColumn.create("promo", 1, Double.NaN, 2));
        dev.tailor.data.DataException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tailor.data.DataException.class, () -> ValueMatrix.of(table, "none", "promo"));
        assertTrue(e.getMessage().contains("promo"), e.getMessage());
        ValueMatrix ok = ValueMatrix.of(table.dropRows(1), "none", "promo");
        assertEquals(2, ok.rows());
        assertEquals(List.of("none", "promo"), ok.names());
    }

    private static int topSum(int[] counts, int k) {
        int[] sorted = Arrays.copyOfRange(counts, 1, counts.length);
        Arrays.sort(sorted);
        int sum = 0;
        for (int j = 0; j < k; j++) {
            sum += sorted[sorted.length - 1 - j];
        }
        return sum;
    }

    /** Exhaustive reference: every K-subset of treatments (null on top) and every assignment within capacities. */
    static final class BruteForce {

        static double best(double[][] rows, int k, int[] caps) {
            return best(rows, k, new int[caps.length], caps);
        }

        static double best(double[][] rows, int k, int[] mins, int[] caps) {
            int m = rows[0].length - 1;
            double best = Double.NEGATIVE_INFINITY;
            for (int mask = 1; mask < (1 << m); mask++) {
                if (Integer.bitCount(mask) != k) {
                    continue;
                }
                int[] atoms = new int[k + 1];
                int a = 1;
                for (int t = 1; t <= m; t++) {
                    if ((mask & (1 << (t - 1))) != 0) {
                        atoms[a++] = t;
                    }
                }
                best = Math.max(best, assign(rows, atoms, mins, caps, 0, new int[caps.length], 0));
            }
            return best;
        }

        private static double assign(double[][] rows, int[] atoms, int[] mins, int[] caps, int i, int[] used, double sum) {
            if (i == rows.length) {
                for (int atom : atoms) {
                    if (used[atom] < mins[atom]) {
                        return Double.NEGATIVE_INFINITY;
                    }
                }
                return sum;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int atom : atoms) {
                if (used[atom] < caps[atom]) {
                    used[atom]++;
                    best = Math.max(best, assign(rows, atoms, mins, caps, i + 1, used, sum + rows[i][atom]));
                    used[atom]--;
                }
            }
            return best;
        }
    }

    /**
     * The residual graph of an assignment, built from scratch: nodes are the offered columns plus a sink T.
     * Moving a row from a to b gives an arc a→b of cost v_ia − v_ib (lost value); a column with room has an arc
     * to T and every column above its minimum an arc from T, both of cost 0. The assignment is optimal iff no cycle has
     * negative cost (checked with Bellman–Ford from a virtual source).
     */
    static final class ResidualGraph {

        static boolean hasNegativeCycle(ValueMatrix values, int[] offered, int[] mins, int[] caps, int[] assignment) {
            int m = offered.length;
            int sink = m;
            double[][] w = new double[m + 1][m + 1];
            for (double[] row : w) {
                Arrays.fill(row, Double.POSITIVE_INFINITY);
            }
            int[] counts = new int[m];
            for (int i = 0; i < assignment.length; i++) {
                int a = Arrays.binarySearch(offered, assignment[i]);
                counts[a]++;
                for (int b = 0; b < m; b++) {
                    if (b != a) {
                        w[a][b] = Math.min(w[a][b], values.get(i, offered[a]) - values.get(i, offered[b]));
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                if (counts[a] < caps[a]) {
                    w[a][sink] = 0;
                }
                if (counts[a] > mins[a]) {
                    w[sink][a] = 0;
                }
            }
            double[] dist = new double[m + 1];   // a virtual source at distance 0 to every node
            for (int round = 0; round <= m + 1; round++) {
                boolean changed = false;
                for (int a = 0; a <= m; a++) {
                    for (int b = 0; b <= m; b++) {
                        if (a != b && w[a][b] < Double.POSITIVE_INFINITY && dist[a] + w[a][b] < dist[b] - 1e-9) {
                            dist[b] = dist[a] + w[a][b];
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    return false;
                }
            }
            return true;
        }
    }
}
