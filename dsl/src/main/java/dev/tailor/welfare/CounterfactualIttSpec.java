package dev.tailor.welfare;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * How to estimate a {@link CounterfactualItt} table. Immutable.
 *
 * @param estimator cell means (default) or IPW rewards
 */
public record CounterfactualIttSpec(IttEstimator estimator) {

    public CounterfactualIttSpec {
        Objects.requireNonNull(estimator, "estimator must be IttEstimator.CELL or IttEstimator.IPW, got null.");
    }

    /** The same spec with another estimator. */
    public CounterfactualIttSpec estimator(IttEstimator choice) {
        return new CounterfactualIttSpec(choice);
    }

    /**
     * The table for a policy given as one assigned arm per row (0 U, 1 T, 2 S), in row order of {@code data}.
     * The roles' group column, if any, is ignored: the policy defines the groups.
     */
    public CounterfactualIttTable fit(Table data, LateRoles roles, int[] policy) {
        Objects.requireNonNull(policy, "policy");
        ThreeArmData d = ThreeArmData.read(data, roles);
        if (policy.length != d.size()) {
            throw new DataException("The policy has " + Fmt.count(policy.length) + " entries but table \"" + data.name()
                    + "\" has " + Fmt.count(d.size()) + " rows; give one assigned arm (0 U, 1 T, 2 S) per row.");
        }
        checkPolicy(policy);
        return estimator == IttEstimator.CELL
                ? CounterfactualIttTable.cells(d, policy.clone())
                : CounterfactualIttTable.rewards(ipwRewards(d), policy.clone(), estimator.label(), d.tableName(),
                d.outcomeName());
    }

    /** The table for a policy stored in a column of {@code data} (values 0 U, 1 T, 2 S). */
    public CounterfactualIttTable fit(Table data, LateRoles roles, String policyColumn) {
        double[] raw = Columns.numeric(data, policyColumn, "the policy's assigned arm");
        int[] policy = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != 0 && raw[i] != 1 && raw[i] != 2) {
                throw new DataException("Policy column \"" + policyColumn + "\" has value " + raw[i] + " in row " + i
                        + " of table \"" + data.name() + "\"; expected an assigned arm 0 (U), 1 (T) or 2 (S).");
            }
            policy[i] = (int) raw[i];
        }
        return fit(data, roles, policy);
    }

    /** Γ_ij = W_i·1{Z_i = j}/π_j with π_j = n_j/n. */
    static double[][] ipwRewards(ThreeArmData data) {
        int n = data.size();
        double[] count = new double[3];
        for (int z : data.arm()) {
            count[z]++;
        }
        double[][] gamma = new double[n][3];
        for (int i = 0; i < n; i++) {
            int z = data.arm()[i];
            if (count[z] > 0) {
                gamma[i][z] = data.outcome()[i] * n / count[z];
            }
        }
        return gamma;
    }

    static void checkPolicy(int[] policy) {
        for (int i = 0; i < policy.length; i++) {
            if (policy[i] < 0 || policy[i] > 2) {
                throw new IllegalArgumentException("The policy assigns arm " + policy[i] + " to row " + i
                        + "; arms are 0 (U), 1 (T) and 2 (S).");
            }
        }
    }

    @Override
    public String toString() {
        return "Counterfactual ITT spec: " + estimator.label();
    }
}
