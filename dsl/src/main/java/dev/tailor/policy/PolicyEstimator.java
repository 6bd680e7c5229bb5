package dev.tailor.policy;

/** How a policy's value is estimated from experimental data with known propensities (methods spec §2.9). */
public enum PolicyEstimator {

    /**
     * Inverse propensity weighting (Horvitz–Thompson): the mean of 1{W = π(X)}·Y/e_π(X). Unbiased with known
     * propensities; noisy. Its SE ignores the count constraints of complete randomization, so it is conservative.
     */
    IPW("IPW"),

    /**
     * Augmented IPW (doubly robust): the mean of μ̂_π(X) + 1{W = π(X)}(Y − μ̂_π(X))/e_π(X), with μ̂ an outcome
     * model's cross-fitted predictions. The default for rules learned on another sample; needs an outcome model.
     */
    AIPW("AIPW"),

    /**
     * Cell (post-stratified, Hájek) estimator: within each group of units the policy sends to the same arm, the
     * mean outcome of that arm's units, weighted by group size. Reproduces Neyman SEs for constant policies.
     */
    CELL("cell (Hájek)");

    private final String label;

    PolicyEstimator(String label) {
        this.label = label;
    }

    /** A short name for reports, e.g. "cell (Hájek)". */
    public String label() {
        return label;
    }
}
