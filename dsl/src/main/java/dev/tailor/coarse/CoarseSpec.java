package dev.tailor.coarse;

import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The settings of a coarse-personalization search; immutable, every step returns a new spec. {@link #fit}
 * runs the search on a {@link ValueMatrix}.
 *
 * @param treatments        K, the number of distinct treatments to offer; between 1 and M (M + 1 when the null
 *                          counts toward K)
 * @param nullCountsTowardK false (default): the null is always offered on top of the K treatments; true: the
 *                          null is one of the candidates and only chosen columns are offered
 * @param solver            how subsets are searched; {@link Solver#AUTO} picks exact enumeration when feasible
 * @param maxSubsets        AUTO enumerates exactly when C(M, K) is at most this (default 200,000)
 * @param restarts          local-search starts: the greedy one plus restarts − 1 random ones (default 10)
 * @param seed              seeds the random restarts
 * @param capacities        upper bounds on the rows per treatment (default none)
 */
public record CoarseSpec(int treatments, boolean nullCountsTowardK, Solver solver, int maxSubsets, int restarts,
        long seed, Capacities capacities) {

    static final CoarseSpec DEFAULT = new CoarseSpec(5, false, Solver.AUTO, 200_000, 10, 1L, Capacities.none());

    /**
     * Exact-search capacitated subsets are solved in batches of this size (the first batch holds one subset, to get
     * prices for the Lagrangian bound early), whatever the number of threads.
     */
    private static final int BATCH = 4;

    public CoarseSpec {
        if (treatments < 1) {
            throw new IllegalArgumentException("treatments(K) must be ≥ 1, got " + treatments
                    + ". K is the number of distinct treatments to offer.");
        }
        Objects.requireNonNull(solver, "solver");
        if (maxSubsets < 1) {
            throw new IllegalArgumentException("maxSubsets must be ≥ 1, got " + maxSubsets + "; the default is 200,000.");
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be ≥ 1 (the greedy start), got " + restarts
                    + "; the default is 10.");
        }
        Objects.requireNonNull(capacities, "capacities");
    }

    /** K, the number of distinct treatments to offer. */
    public CoarseSpec treatments(int k) {
        return new CoarseSpec(k, nullCountsTowardK, solver, maxSubsets, restarts, seed, capacities);
    }

    /** Whether the null is one of the K offered columns (true) or always offered on top of them (false, default). */
    public CoarseSpec nullCountsTowardK(boolean counts) {
        return new CoarseSpec(treatments, counts, solver, maxSubsets, restarts, seed, capacities);
    }

    public CoarseSpec solver(Solver solver) {
        return new CoarseSpec(treatments, nullCountsTowardK, solver, maxSubsets, restarts, seed, capacities);
    }

    public CoarseSpec maxSubsets(int maxSubsets) {
        return new CoarseSpec(treatments, nullCountsTowardK, solver, maxSubsets, restarts, seed, capacities);
    }

    public CoarseSpec restarts(int restarts) {
        return new CoarseSpec(treatments, nullCountsTowardK, solver, maxSubsets, restarts, seed, capacities);
    }

    public CoarseSpec seed(long seed) {
        return new CoarseSpec(treatments, nullCountsTowardK, solver, maxSubsets, restarts, seed, capacities);
    }

    public CoarseSpec capacities(Capacities capacities) {
        return new CoarseSpec(treatments, nullCountsTowardK, solver, maxSubsets, restarts, seed, capacities);
    }

    /**
     * Chooses K treatments and a treatment per row. Cost without capacities: exact search visits C(M, K)
     * subsets at about one pass over the n rows each (n = 100,000, M = 12: K = 1..6 together in about a second on
     * one core); local search costs a few passes per step. With capacities, exact search solves the assignment
     * of the subsets in decreasing order of their uncapacitated value and stops when that bound falls below the
     * best capacitated value found.
     *
     * @throws IllegalArgumentException when K is outside 1..M, or the capacities cannot hold every row
     */
    public CoarseFit fit(ValueMatrix values) {
        Objects.requireNonNull(values, "values");
        int[] candidates = candidates(values);
        checkK(values, candidates.length);
        int[] caps = capacities.isBounded() ? capacities.resolve(values.rows(), values.columns()) : null;
        int[] mins = capacities.isBounded() ? capacities.resolveMinimums(values.rows(), values.columns()) : null;
        checkRoom(values, mins, caps, candidates);
        Objective objective = new Objective(values, !nullCountsTowardK, mins, caps);
        Solver used = solver == Solver.AUTO
                ? (Enumeration.binomial(candidates.length, treatments) <= maxSubsets ? Solver.EXACT : Solver.LOCAL_SEARCH)
                : solver;
        int[] chosen;
        long evaluated;
        double[] trace = new double[0];
        switch (used) {
            case EXACT -> {
                if (caps == null) {
                    chosen = Enumeration.best(values, candidates, !nullCountsTowardK, treatments).subset();
                    evaluated = Enumeration.binomial(candidates.length, treatments);
                } else {
                    long[] count = new long[1];
                    chosen = exactCapacitated(objective, candidates, count);
                    evaluated = count[0];
                }
            }
            case LOCAL_SEARCH -> {
                LocalSearch.Result result = LocalSearch.run(objective, candidates, treatments, restarts, seed);
                chosen = result.subset();
                trace = result.trace();
                evaluated = -1;
            }
            case GREEDY -> {
                chosen = LocalSearch.greedy(objective, candidates, treatments);
                evaluated = -1;
            }
            default -> throw new IllegalStateException("Unexpected solver " + used);
        }
        if (chosen == null) {
            throw new IllegalArgumentException("No set of K = " + treatments + " treatments meets the capacities ("
                    + capacities + ") for " + Fmt.count(values.rows()) + " rows: the offered columns' maximums must sum to "
                    + "at least n and their minimums to at most n. Relax the bounds or change K.");
        }
        if (!objective.feasible(chosen)) {
            throw new IllegalArgumentException("The " + used + " search ended on treatments " + Arrays.toString(chosen)
                    + " whose capacities cannot hold all " + Fmt.count(values.rows()) + " rows within their bounds. "
                    + "Use Solver.EXACT or relax the capacities.");
        }
        return CoarseFit.of(this, values, used, evaluated, chosen, objective, caps, trace);
    }

    /**
     * The best set among a given family (e.g. a grid of "regular" K-sets), with the same assignment rule and
     * capacities; each set must have at most K distinct columns in 1..M (0..M when the null counts toward K).
     */
    public CoarseFit fitAmong(ValueMatrix values, List<int[]> family) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(family, "family");
        if (family.isEmpty()) {
            throw new IllegalArgumentException("The family of treatment sets is empty; give at least one set.");
        }
        int[] candidates = candidates(values);
        int[] caps = capacities.isBounded() ? capacities.resolve(values.rows(), values.columns()) : null;
        int[] mins = capacities.isBounded() ? capacities.resolveMinimums(values.rows(), values.columns()) : null;
        Objective objective = new Objective(values, !nullCountsTowardK, mins, caps);
        int[] best = null;
        double bestTotal = Double.NEGATIVE_INFINITY;
        for (int[] set : family) {
            int[] subset = IntStream.of(set).distinct().sorted().toArray();
            if (subset.length == 0 || subset.length > treatments
                    || IntStream.of(subset).anyMatch(t -> Arrays.binarySearch(candidates, t) < 0)) {
                throw new IllegalArgumentException("The set " + Arrays.toString(set) + " must have 1 to K = " + treatments
                        + " distinct columns among " + candidates[0] + ".." + candidates[candidates.length - 1] + ".");
            }
            double total = objective.total(subset);
            if (best == null || total > bestTotal || (total == bestTotal && Arrays.compare(subset, best) < 0)) {
                best = subset;
                bestTotal = total;
            }
        }
        if (bestTotal == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("No set of the family has capacities that hold all "
                    + Fmt.count(values.rows()) + " rows; raise the capacities.");
        }
        return CoarseFit.of(this, values, Solver.EXACT, family.size(), best, objective, caps, new double[0]);
    }

    /**
     * Branch and bound over the K-subsets: subsets in decreasing order of their uncapacitated value (an upper
     * bound), solved in fixed-size batches; a subset is skipped when that bound, or the Lagrangian bound with the
     * incumbent's prices, is below the best capacitated value so far. The batch size does not depend on the
     * number of threads, so neither does the result.
     */
    private int[] exactCapacitated(Objective objective, int[] candidates, long[] count) {
        List<Enumeration.Scored> all = new ArrayList<>(
                Enumeration.all(objective.values(), candidates, objective.nullBase(), treatments));
        // Decreasing bound; ties in lexicographic order (the list is lexicographic and the sort is stable).
        all.sort(Comparator.comparingDouble(Enumeration.Scored::total).reversed());
        int[] best = null;
        double bestTotal = Double.NEGATIVE_INFINITY;
        double[] columnPrices = null;
        int next = 0;
        while (next < all.size() && all.get(next).total() >= bestTotal) {
            List<int[]> batch = new ArrayList<>();
            int size = best == null ? 1 : BATCH;
            while (batch.size() < size && next < all.size() && all.get(next).total() >= bestTotal) {
                int[] subset = all.get(next++).subset();
                if (objective.feasible(subset)
                        && (columnPrices == null || objective.dualBound(subset, columnPrices) >= bestTotal)) {
                    batch.add(subset);
                }
            }
            List<Transport.Plan> plans = batch.parallelStream().map(objective::plan).toList();
            count[0] += batch.size();
            for (int b = 0; b < plans.size(); b++) {
                int[] subset = batch.get(b);
                double total = plans.get(b).total();
                if (total > bestTotal || (best != null && total == bestTotal && Arrays.compare(subset, best) < 0)) {
                    best = subset;
                    bestTotal = total;
                    columnPrices = columnPrices(objective, subset, plans.get(b).prices());
                }
            }
        }
        return best;
    }

    /**
     * Prices for every column from the incumbent's: its own columns keep theirs; any other treatment gets the
     * largest incumbent price (any λ ≥ 0 gives a valid bound; this one is tight when capacities are alike).
     */
    private double[] columnPrices(Objective objective, int[] subset, double[] atomPrices) {
        int[] atoms = objective.atoms(subset);
        double[] prices = new double[objective.values().columns()];
        double max = 0;
        for (double p : atomPrices) {
            max = Math.max(max, p);
        }
        Arrays.fill(prices, max);
        if (objective.nullBase()) {
            prices[0] = 0;
        }
        for (int a = 0; a < atoms.length; a++) {
            prices[atoms[a]] = atomPrices[a];
        }
        return prices;
    }

    private int[] candidates(ValueMatrix values) {
        return IntStream.rangeClosed(nullCountsTowardK ? 0 : 1, values.treatments()).toArray();
    }

    private void checkK(ValueMatrix values, int candidates) {
        if (treatments > candidates) {
            throw new IllegalArgumentException("treatments(K) must be between 1 and " + candidates + " ("
                    + (nullCountsTowardK ? "the null and " + values.treatments() + " treatments" : "M = "
                    + values.treatments() + " treatments besides the null") + "), got K = " + treatments
                    + ". Lower K, or offer every treatment (full personalization).");
        }
    }

    private void checkRoom(ValueMatrix values, int[] mins, int[] caps, int[] candidates) {
        if (caps == null) {
            return;
        }
        int n = values.rows();
        for (int t = 0; t < caps.length; t++) {
            if (mins[t] > caps[t]) {
                throw new IllegalArgumentException("Column " + t + " (\"" + values.name(t) + "\") has a minimum of "
                        + Fmt.count(mins[t]) + " rows above its maximum of " + Fmt.count(caps[t])
                        + ". Lower the minimum or raise the maximum.");
            }
        }
        long all = 0;
        for (int cap : caps) {
            all += cap;
        }
        if (all < n) {
            throw new IllegalArgumentException("Capacities sum to " + Fmt.count(all) + " rows over all "
                    + caps.length + " columns, fewer than the " + Fmt.count(n) + " rows to assign (capacities "
                    + Arrays.toString(caps) + "). Raise them, or leave the null column unlimited.");
        }
        int[] candidateCaps = IntStream.of(candidates).map(t -> caps[t]).sorted().toArray();
        long room = nullCountsTowardK ? 0 : caps[0];
        for (int j = 0; j < treatments; j++) {
            room += candidateCaps[candidateCaps.length - 1 - j];
        }
        if (room < n) {
            throw new IllegalArgumentException("With K = " + treatments + " treatments the capacities hold at most "
                    + Fmt.count(room) + " of the " + Fmt.count(n) + " rows (the null's and the " + treatments
                    + " largest capacities). Raise K or the capacities" + (nullCountsTowardK ? "." : ", or leave the null unlimited."));
        }
    }

    @Override
    public String toString() {
        return "CoarseSpec[K = " + treatments + (nullCountsTowardK ? " (the null counts toward K)" : " + the null")
                + ", solver " + solver + ", maxSubsets " + Fmt.count(maxSubsets) + ", restarts " + restarts + ", seed "
                + seed + ", capacities " + capacities + "]";
    }
}
