package dev.tailor.forest.internal;

/**
 * Turns leaf contents into estimates. Each training row contributes a vector of sufficient statistics; a tree's
 * leaf holds their mean, and the forest averages leaf means over trees, which is the same as weighting rows by the
 * forest weights α_i(x) = (1/B) Σ_b 1{i ∈ L_b(x)} / |L_b(x)|.
 *
 * <p>For variance estimates the strategy also gives, per tree, the influence ρ_b of its leaf on the estimate
 * (a linearization around the forest-level estimate), which the little-bag bootstrap turns into a variance.
 */
interface PredictionStrategy {

    /** Length of the per-row sufficient statistics. */
    int statisticsLength();

    /** Length of the estimate (1 for a binary causal forest, K for K arms, components for regression). */
    int estimateLength();

    /** Writes the sufficient statistics of training row {@code row} into {@code out}. */
    void statistics(ForestData data, int row, double[] out);

    /**
     * Writes the estimate from forest-averaged statistics; returns false (and writes NaN) when they are
     * degenerate, e.g. no treatment variation among the weighted rows.
     */
    boolean estimate(double[] means, double[] out);

    /** The per-tree influence at this target, or null if variance is not available for these statistics. */
    Influence influence(double[] means, double[] estimate);

    /** ρ_b for a tree from its leaf's mean statistics. */
    interface Influence {
        void of(double[] leafMeans, int offset, double[] out);
    }
}
