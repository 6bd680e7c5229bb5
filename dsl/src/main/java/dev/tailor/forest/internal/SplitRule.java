package dev.tailor.forest.internal;

/**
 * Finds the best axis-aligned split of a node from its pseudo-outcomes.
 *
 * <p>The node's units appear in {@code sorted[j][start..end)} sorted by covariate j, for every j. The criterion
 * to maximize is Σ over children c and components k of (Σ_{i∈c} ρ_ik)² / n_c; a split needs a criterion > 0 and
 * must satisfy the rule's constraints. Ties keep the first split found: candidate covariates in the order given,
 * thresholds ascending.
 *
 * <p>"Tie" includes rounding: a later candidate must beat the best so far by a relative margin
 * {@link #TIE_TOLERANCE}. Different covariates often cut a small node into the same two halves; their criteria are
 * then equal in exact arithmetic but differ in the last bits because the sums run in different orders. Without the
 * margin, which of them wins would depend on rounding, and rescaling or shifting the outcome would change trees.
 */
interface SplitRule {

    /** Relative margin by which a candidate must beat the best criterion so far. */
    double TIE_TOLERANCE = 1e-11;

    /** Whether {@code criterion} beats {@code best} (≥ 0) by more than rounding. */
    static boolean beats(double criterion, double best) {
        return criterion > best + TIE_TOLERANCE * best;
    }

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
