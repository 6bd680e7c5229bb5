package dev.tailor.welfare;

import dev.tailor.render.Fmt;
import java.util.Objects;

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

    /**
     * The table from any n × 3 reward matrix Γ (columns U, T, S), e.g. the IPW_CENTERED or AIPW rewards a policy
     * tree was fitted on: ITT_{j,g} = mean over g of Γ_ij − Γ_iU, SE = sd/√n_g. When a tree's leaves each maximize
     * their summed reward, its groups' own arms maximize their columns exactly. No estimator choice is involved.
     */
    public static CounterfactualIttTable fromRewards(double[][] rewards, int[] policy) {
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(policy, "policy");
        if (rewards.length != policy.length) {
            throw new IllegalArgumentException("The reward matrix has " + Fmt.count(rewards.length) + " rows but the policy "
                    + Fmt.count(policy.length) + " entries; they must describe the same units.");
        }
        double[][] copy = new double[rewards.length][];
        for (int i = 0; i < rewards.length; i++) {
            if (rewards[i].length != 3) {
                throw new IllegalArgumentException("Reward row " + i + " has " + rewards[i].length
                        + " columns; expected 3 (U, T, S).");
            }
            for (double r : rewards[i]) {
                if (!Double.isFinite(r)) {
                    throw new IllegalArgumentException("Reward row " + i + " has a non-finite value " + r + ".");
                }
            }
            copy[i] = rewards[i].clone();
        }
        CounterfactualIttSpec.checkPolicy(policy);
        return CounterfactualIttTable.rewards(copy, policy.clone(), "given reward matrix", "rewards", "reward");
    }
}
