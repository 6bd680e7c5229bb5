package dev.tailor.coarse;

/** How {@link CoarsePersonalization} searches for the set of treatments to offer. */
public enum Solver {

    /** {@link #EXACT} when C(M, K) is at most the spec's maxSubsets (default 200,000), {@link #LOCAL_SEARCH} otherwise. */
    AUTO,

    /** Every K-subset of treatments, the best kept; ties go to the lexicographically smallest subset. */
    EXACT,

    /**
     * Greedy forward selection, then alternating assignment, Lloyd-type update and swap steps until no step
     * improves, from the greedy start and random restarts.
     */
    LOCAL_SEARCH,

    /**
     * Greedy forward selection only, on the values without capacities (the final assignment respects them): a
     * (1 − 1/e)-approximation of the uncapacitated gain over the null, for comparisons.
     */
    GREEDY
}
