package dev.tailor.forest.internal;

/**
 * Finds the best axis-aligned split of a node from its pseudo-outcomes.
 *
 * <p>The node's units appear in {@code sorted[j][start..end)} sorted by covariate j, for every j. The criterion
 * to maximize is Σ over children c and components k of (Σ_{i∈c} ρ_ik)² / n_c; a split needs a criterion > 0 and
 * must satisfy the rule's constraints. Ties keep the first split found: candidate covariates in the order given,
 * thresholds ascending.
 */
interface SplitRule {

    /** The best admissible split, or {@code null} if there is none. */
    Split find(LocalSample sample, int[][] sorted, int start, int end, int[] candidates, int candidateCount,
               double[] rho, int responseLength);

    /**
     * A chosen split: units at sorted positions {@code [start, start + leftCount)} of covariate {@code variable}
     * go left; the threshold is the largest value sent left (x ≤ threshold goes left).
     */
    record Split(int variable, int leftCount, double threshold, double criterion) {
    }
}
