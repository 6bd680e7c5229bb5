package dev.tailor.welfare;

/** How a {@link CounterfactualItt} table estimates each group's ITT of T and of S against U. */
public enum IttEstimator {

    /**
     * Cell means (Hájek, post-stratified): ITT_{j,g} = W̄_{g,j} − W̄_{g,U} with the Neyman SE. The policy's own
     * arm is the column maximum "typically", not by construction; violations are reported.
     */
    CELL("cell means (Hájek), Neyman SEs"),

    /**
     * Inverse propensity weighting with the design propensities π_j = n_j/n: ITT_{j,g} = mean over g of
     * Γ_ij − Γ_iU with Γ_ij = W_i·1{Z_i = j}/π_j (the IPW_RAW reward of ENERGY eq. 7). On the data an EWM tree was
     * fitted to with these rewards, each group's own arm maximizes its column by construction.
     */
    IPW("IPW (Horvitz–Thompson) rewards, design propensities");

    private final String label;

    IttEstimator(String label) {
        this.label = label;
    }

    /** A short description for captions. */
    public String label() {
        return label;
    }
}
