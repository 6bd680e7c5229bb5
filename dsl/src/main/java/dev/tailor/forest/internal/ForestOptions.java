package dev.tailor.forest.internal;

/**
 * Every tuning value of one forest, validated. Defaults are grf's (see {@link #defaults(int, long)}).
 *
 * @param trees            number of trees
 * @param sampleFraction   share of rows each tree sees (without replacement); at most 0.5 with ciGroupSize ≥ 2
 * @param mtry             mean number of candidate covariates per split (a Poisson draw clamped to 1..p);
 *                         0 means min(⌈√p + 20⌉, p)
 * @param minNodeSize      nodes with at most this many split-sample rows become leaves
 * @param honesty          whether splits and leaf estimates use disjoint halves of each tree's subsample
 * @param honestyFraction  share of the subsample that chooses splits
 * @param pruneLeaves      collapse splits that leave a child with no estimation rows
 * @param alpha            imbalance bound: the smallest share (or spread) a child may keep
 * @param ciGroupSize      trees per little bag; ≥ 2 enables variance estimates
 * @param seed             the seed of every random draw
 * @param threads          worker threads; results do not depend on it
 */
public record ForestOptions(int trees, double sampleFraction, int mtry, int minNodeSize, boolean honesty,
                            double honestyFraction, boolean pruneLeaves, double alpha, int ciGroupSize, long seed,
                            int threads) {

    public ForestOptions {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be ≥ 1, got " + trees + ".");
        }
        if (ciGroupSize < 1) {
            throw new IllegalArgumentException("ciGroupSize must be ≥ 1, got " + ciGroupSize + ".");
        }
        if (trees % ciGroupSize != 0) {
            throw new IllegalArgumentException("trees must be a multiple of ciGroupSize " + ciGroupSize + ", got " + trees
                    + "; use " + (trees + ciGroupSize - trees % ciGroupSize) + ".");
        }
        double maxFraction = ciGroupSize >= 2 ? 0.5 : 1.0;
        if (!(sampleFraction > 0 && sampleFraction <= maxFraction)) {
            throw new IllegalArgumentException("sampleFraction must be in (0, " + maxFraction + "] with ciGroupSize "
                    + ciGroupSize + ", got " + sampleFraction + ".");
        }
        if (mtry < 0) {
            throw new IllegalArgumentException("mtry must be ≥ 1 (or 0 for the default), got " + mtry + ".");
        }
        if (minNodeSize < 1) {
            throw new IllegalArgumentException("minNodeSize must be ≥ 1, got " + minNodeSize + ".");
        }
        if (!(honestyFraction > 0 && honestyFraction < 1)) {
            throw new IllegalArgumentException("honesty fraction must be in (0, 1), got " + honestyFraction + ".");
        }
        if (!(alpha >= 0 && alpha < 0.25)) {
            throw new IllegalArgumentException("alpha must be in [0, 0.25), got " + alpha + ".");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads + ".");
        }
    }

    /** grf's defaults with this many trees and this seed, on all processors. */
    public static ForestOptions defaults(int trees, long seed) {
        return new ForestOptions(trees, 0.5, 0, 5, true, 0.5, true, 0.05, 2, seed,
                Runtime.getRuntime().availableProcessors());
    }

    /** mtry for p covariates: the explicit value clamped to p, or min(⌈√p + 20⌉, p). */
    public int mtryFor(int p) {
        return mtry == 0 ? (int) Math.min(Math.ceil(Math.sqrt(p) + 20), p) : Math.min(mtry, p);
    }

    public ForestOptions withTrees(int newTrees) {
        return new ForestOptions(newTrees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, pruneLeaves,
                alpha, ciGroupSize, seed, threads);
    }

    public ForestOptions withSeed(long newSeed) {
        return new ForestOptions(trees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, pruneLeaves,
                alpha, ciGroupSize, newSeed, threads);
    }

    public ForestOptions withThreads(int newThreads) {
        return new ForestOptions(trees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, pruneLeaves,
                alpha, ciGroupSize, seed, newThreads);
    }

    public ForestOptions withCiGroupSize(int newGroupSize) {
        return new ForestOptions(trees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, pruneLeaves,
                alpha, newGroupSize, seed, threads);
    }

    public ForestOptions withHonesty(boolean newHonesty) {
        return new ForestOptions(trees, sampleFraction, mtry, minNodeSize, newHonesty, honestyFraction, pruneLeaves,
                alpha, ciGroupSize, seed, threads);
    }
}
