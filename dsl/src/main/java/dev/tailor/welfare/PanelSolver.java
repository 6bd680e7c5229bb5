package dev.tailor.welfare;

/** How {@link PanelItt} computes the two-way fixed-effects estimates; both give the same numbers on a balanced panel. */
public enum PanelSolver {

    /**
     * Collapse each unit to its post − pre mean outcome and regress that on [1, T, S]: exact for balanced panels
     * with a common treatment period, one pass over the rows. The default.
     */
    COLLAPSE,

    /**
     * The full panel regression: sweep unit and period means out of y and both arm-by-post regressors until they
     * stop changing, then OLS with unit-clustered scores. Slower (a few passes over all rows); offered to verify
     * COLLAPSE, e.g. on a 100-household subsample.
     */
    ALTERNATING_PROJECTIONS
}
