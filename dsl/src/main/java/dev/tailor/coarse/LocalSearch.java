package dev.tailor.coarse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Greedy forward selection, then alternating steps until none improves (methods spec §2.16, solver 2):
 * (a) assignment: every row to its best offered column, or the capacitated optimum;
 * (b) update: each chosen column is replaced by the unchosen column with the largest total over the rows assigned
 * to it (a Lloyd-type step), kept only if f(S) rises;
 * (c) swap: the best single exchange of a chosen for an unchosen column, kept only if f(S) rises.
 * Steps are accepted only on a strict rise, so the objective never decreases and the search ends.
 */
final class LocalSearch {

    /** A solution, its total and the objective (total) after each accepted or attempted step. */
    record Result(int[] subset, double total, double[] trace) {
    }

    private static final int MAX_ROUNDS = 10_000;

    private LocalSearch() {
    }

    /**
     * Greedy forward selection on the uncapacitated objective: repeatedly add the candidate that raises
     * Σ_i max_t v_it most (ties to the lowest column).
     */
    static int[] greedy(Objective objective, int[] candidates, int k) {
        ValueMatrix values = objective.values();
        int n = values.rows();
        double[] running = new double[n];
        if (objective.nullBase()) {
            System.arraycopy(values.columnView(0), 0, running, 0, n);
        } else {
            Arrays.fill(running, Double.NEGATIVE_INFINITY);
        }
        boolean[] taken = new boolean[candidates.length];
        int[] subset = new int[k];
        for (int step = 0; step < k; step++) {
            int bestPosition = -1;
            double bestTotal = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < candidates.length; p++) {
                if (taken[p]) {
                    continue;
                }
                double[] column = values.columnView(candidates[p]);
                double total = 0;
                for (int i = 0; i < n; i++) {
                    total += column[i] > running[i] ? column[i] : running[i];
                }
                if (bestPosition < 0 || total > bestTotal) {
                    bestPosition = p;
                    bestTotal = total;
                }
            }
            taken[bestPosition] = true;
            subset[step] = candidates[bestPosition];
            double[] column = values.columnView(candidates[bestPosition]);
            for (int i = 0; i < n; i++) {
                running[i] = column[i] > running[i] ? column[i] : running[i];
            }
        }
        Arrays.sort(subset);
        return subset;
    }

    /**
     * The best of the greedy start and {@code restarts − 1} random starts, each improved by alternating steps.
     * Starts run in parallel; their random streams are split from the seed in order beforehand and the winner is
     * the highest total (ties to the lexicographically smaller set, then the earlier start), so the result does
     * not depend on the number of threads.
     */
    static Result run(Objective objective, int[] candidates, int k, int restarts, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        int[][] starts = new int[restarts][];
        starts[0] = greedy(objective, candidates, k);
        for (int r = 1; r < restarts; r++) {
            starts[r] = randomSubset(candidates, k, root.split());
        }
        Result[] results = IntStream.range(0, restarts).parallel()
                .mapToObj(r -> improve(objective, candidates, starts[r])).toArray(Result[]::new);
        Result best = null;
        for (Result result : results) {
            if (best == null || result.total() > best.total()
                    || (result.total() == best.total() && Arrays.compare(result.subset(), best.subset()) < 0)) {
                best = result;
            }
        }
        return best;
    }

    /** Alternates update and swap steps from {@code start} until neither improves f(S). */
    static Result improve(Objective objective, int[] candidates, int[] start) {
        int[] subset = start.clone();
        Arrays.sort(subset);
        double total = objective.total(subset);
        List<Double> trace = new ArrayList<>();
        trace.add(total);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            // (a) + (b): assign, then move each chosen column to its segment's best column. A start whose
            // capacities cannot hold every row has no assignment; only swaps can leave it.
            int[] assignment = objective.feasible(subset) ? objective.plan(subset).columnOf() : null;
            for (int p = 0; assignment != null && p < subset.length; p++) {
                int replacement = segmentBest(objective.values(), assignment, subset, p, candidates);
                if (replacement != subset[p]) {
                    int[] next = replace(subset, p, replacement);
                    double nextTotal = objective.total(next);
                    if (nextTotal > total) {
                        subset = next;
                        total = nextTotal;
                        changed = true;
                        assignment = objective.plan(subset).columnOf();
                    }
                }
                trace.add(total);
            }
            // (c) the best improving swap.
            Swap swap = bestSwap(objective, candidates, subset, total);
            if (swap != null) {
                subset = swap.subset();
                total = swap.total();
                changed = true;
            }
            trace.add(total);
            if (!changed) {
                break;
            }
        }
        return new Result(subset, total, trace.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private record Swap(int[] subset, double total) {
    }

    /** The exchange (chosen p, unchosen c) with the largest f above {@code current}, or null if none rises. */
    private static Swap bestSwap(Objective objective, int[] candidates, int[] subset, double current) {
        if (objective.capacitated()) {
            return bestCapacitatedSwap(objective, candidates, subset, current);
        }
        ValueMatrix values = objective.values();
        int n = values.rows();
        Swap best = null;
        double bestTotal = current;
        for (int p = 0; p < subset.length; p++) {
            // Without capacities, f(S − s_p + c) = Σ_i max(rest_i, v_ic), with rest the maximum over the others.
            double[] rest = new double[n];
            Arrays.fill(rest, Double.NEGATIVE_INFINITY);
            if (objective.nullBase()) {
                System.arraycopy(values.columnView(0), 0, rest, 0, n);
            }
            for (int q = 0; q < subset.length; q++) {
                if (q != p) {
                    double[] column = values.columnView(subset[q]);
                    for (int i = 0; i < n; i++) {
                        rest[i] = column[i] > rest[i] ? column[i] : rest[i];
                    }
                }
            }
            for (int c : candidates) {
                if (contains(subset, c)) {
                    continue;
                }
                double[] column = values.columnView(c);
                double total = 0;
                for (int i = 0; i < n; i++) {
                    total += column[i] > rest[i] ? column[i] : rest[i];
                }
                if (total > bestTotal) {
                    bestTotal = total;
                    best = new Swap(replace(subset, p, c), total);
                }
            }
        }
        return best;
    }

    /**
     * The best improving swap with capacities. Every swap first gets a cheap upper bound (the smaller of its
     * uncapacitated value and the Lagrangian bound with the current prices, the entering column priced at the
     * largest current price); swaps are then solved exactly in decreasing order of bound until the bound cannot
     * beat the best found. The result is the same as solving every swap; ties go to the lexicographically smaller set.
     */
    private static Swap bestCapacitatedSwap(Objective objective, int[] candidates, int[] subset, double current) {
        int[] atoms = objective.atoms(subset);
        double[] atomPrices = objective.feasible(subset) ? objective.plan(subset).prices() : new double[atoms.length];
        double[] columnPrices = new double[objective.values().columns()];
        double maxPrice = 0;
        for (double p : atomPrices) {
            maxPrice = Math.max(maxPrice, p);
        }
        Arrays.fill(columnPrices, maxPrice);
        if (objective.nullBase()) {
            columnPrices[0] = 0;
        }
        for (int a = 0; a < atoms.length; a++) {
            columnPrices[atoms[a]] = atomPrices[a];
        }
        List<Swap> bounded = new ArrayList<>();
        for (int p = 0; p < subset.length; p++) {
            for (int c : candidates) {
                if (contains(subset, c)) {
                    continue;
                }
                int[] next = replace(subset, p, c);
                if (!objective.feasible(next)) {
                    continue;
                }
                double bound = Math.min(objective.uncapacitated(next), objective.dualBound(next, columnPrices));
                if (bound > current) {
                    bounded.add(new Swap(next, bound));
                }
            }
        }
        bounded.sort((x, y) -> y.total() != x.total() ? Double.compare(y.total(), x.total()) : Arrays.compare(x.subset(), y.subset()));
        Swap best = null;
        double bestTotal = current;
        for (Swap candidate : bounded) {
            if (candidate.total() < bestTotal || (best != null && candidate.total() == bestTotal)) {
                break;
            }
            double total = objective.total(candidate.subset());
            if (total > bestTotal || (best != null && total == bestTotal && Arrays.compare(candidate.subset(), best.subset()) < 0)) {
                bestTotal = total;
                best = new Swap(candidate.subset(), total);
            }
        }
        return best;
    }

    /** The column not chosen elsewhere with the largest total over the rows assigned to subset[p]. */
    private static int segmentBest(ValueMatrix values, int[] assignment, int[] subset, int p, int[] candidates) {
        int atom = subset[p];
        int best = atom;
        double bestSum = segmentSum(values.columnView(atom), assignment, atom);
        for (int c : candidates) {
            if (c == atom || contains(subset, c)) {
                continue;
            }
            double sum = segmentSum(values.columnView(c), assignment, atom);
            if (sum > bestSum) {
                bestSum = sum;
                best = c;
            }
        }
        return best;
    }

    private static double segmentSum(double[] column, int[] assignment, int atom) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] == atom) {
                sum += column[i];
            }
        }
        return sum;
    }

    private static int[] replace(int[] subset, int p, int c) {
        int[] next = subset.clone();
        next[p] = c;
        Arrays.sort(next);
        return next;
    }

    private static boolean contains(int[] subset, int c) {
        for (int s : subset) {
            if (s == c) {
                return true;
            }
        }
        return false;
    }

    private static int[] randomSubset(int[] candidates, int k, SplittableRandom random) {
        int[] pool = candidates.clone();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        int[] subset = Arrays.copyOf(pool, k);
        Arrays.sort(subset);
        return subset;
    }
}
