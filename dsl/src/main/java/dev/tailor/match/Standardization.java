package dev.tailor.match;

/** How covariates are scaled before Euclidean distances are taken. */
public enum Standardization {

    /**
     * Each covariate minus its training mean, divided by its training standard deviation (ddof = 1); constant
     * columns are dropped. Distances are then invariant to affine rescaling of any covariate.
     */
    Z_SCORE,

    /** Raw values: distances depend on the units, so a covariate in larger units dominates. Constant columns are still dropped. */
    NONE
}
