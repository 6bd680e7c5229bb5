package dev.tailor.policy;

import java.util.Arrays;

/**
 * How to compute a {@link TargetingCurve}: the grid of treated shares q at which the TOC is reported, and the
 * half-sample bootstrap for standard errors. Immutable; every wither returns a new spec.
 *
 * @param grid       treated shares q in (0, 1], increasing; default 0.1, 0.2, ..., 1.0
 * @param replicates half-sample bootstrap replicates for the SEs; 200 by default, 0 for none
 * @param seed       seed of the bootstrap draws; replicate r uses its own stream derived from (seed, r)
 */
public record TargetingCurveSpec(double[] grid, int replicates, long seed) {

    public TargetingCurveSpec {
        grid = grid.clone();
        if (grid.length == 0) {
            throw new IllegalArgumentException("The grid of treated shares is empty; give at least one q in (0, 1], e.g. 0.5.");
        }
        for (int g = 0; g < grid.length; g++) {
            if (!(grid[g] > 0 && grid[g] <= 1) || (g > 0 && !(grid[g] > grid[g - 1]))) {
                throw new IllegalArgumentException("Treated shares must increase within (0, 1], got " + Arrays.toString(grid) + ".");
            }
        }
        if (replicates < 0 || replicates == 1) {
            throw new IllegalArgumentException("Bootstrap replicates must be 0 (no SEs) or at least 2, got " + replicates
                    + ". 200 is the usual choice.");
        }
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** The same spec with another grid of treated shares q. */
    public TargetingCurveSpec grid(double... shares) {
        return new TargetingCurveSpec(shares, replicates, seed);
    }

    public TargetingCurveSpec replicates(int count) {
        return new TargetingCurveSpec(grid, count, seed);
    }

    public TargetingCurveSpec seed(long value) {
        return new TargetingCurveSpec(grid, replicates, value);
    }

    /**
     * The TOC, AUTOC and Qini of ranking units by {@code priority} (highest first), measured with the doubly robust
     * scores {@code scores} of the treatment-vs-control contrast on the same units. The priorities must come from
     * other data (or be cross-fitted) and the scores must be cross-fitted, or the curve is optimistic.
     * Cost: one sort, then O(n) per bootstrap replicate.
     *
     * @param name a label such as "kNN τ̂ for message T"
     */
    public TargetingCurve fit(String name, double[] priority, double[] scores) {
        return TargetingCurve.fit(this, name, priority, scores);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetingCurveSpec that && Arrays.equals(grid, that.grid) && replicates == that.replicates
                && seed == that.seed;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(grid) + replicates) + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "Targeting curve spec: TOC at q = " + Arrays.toString(grid) + ", " + (replicates == 0 ? "no bootstrap"
                : replicates + " half-sample bootstrap replicates, seed " + seed);
    }
}
