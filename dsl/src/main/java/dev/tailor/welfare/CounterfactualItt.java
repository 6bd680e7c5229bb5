package dev.tailor.welfare;

/**
 * The counterfactual ITT table of a targeting policy (methods spec §2.12; ENERGY Table 6): within each policy group
 * Ĝ_U, Ĝ_T, Ĝ_S (the households the policy assigns to U, T, S), the ITT of T and of S against U.
 *
 * <pre>{@code
 * CounterfactualIttTable table = CounterfactualItt.spec().estimator(IttEstimator.IPW)
 *         .fit(data, LateRoles.outcome("welfare").arm("arm").takeUp("take_up"), policy);
 * table.diagonalIsColumnMaximum()     // true by construction for the rewards the tree was fitted on
 * table.value()                       // Σ_g share_g·ITT_{a_g,g}: the policy's estimated welfare gain over 100% U
 * }</pre>
 */
public final class CounterfactualItt {

    private CounterfactualItt() {
    }

    /** The default: cell means with Neyman SEs (IttEstimator.CELL), as the paper's Table 6. */
    public static CounterfactualIttSpec spec() {
        return new CounterfactualIttSpec(IttEstimator.CELL);
    }
}
