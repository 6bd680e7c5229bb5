package dev.tailor.policy.tree;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * An n × d matrix of rewards Γ: row i holds what unit i would contribute under each of d actions (for example
 * doubly robust scores, one column per arm). A policy tree maximizes Σ_i Γ[i, action(i)]. Immutable; every value
 * is finite (checked on construction, naming the row and the action).
 */
public final class RewardMatrix {

    private final int rows;
    private final List<String> actions;
    private final double[] values; // row-major, rows × actions

    private RewardMatrix(int rows, List<String> actions, double[] values) {
        this.rows = rows;
        this.actions = actions;
        this.values = values;
    }

    /** Rewards from rows of equal length, with actions named "0", "1", …. */
    public static RewardMatrix of(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new DataException("The reward matrix has no rows; pass one row per unit, one column per action.");
        }
        List<String> names = new ArrayList<>();
        for (int a = 0; a < rows[0].length; a++) {
            names.add(Integer.toString(a));
        }
        return of(rows, names.toArray(String[]::new));
    }

    /** Rewards from rows of equal length; {@code actions} names the columns in order. */
    public static RewardMatrix of(double[][] rows, String... actions) {
        if (rows == null || rows.length == 0) {
            throw new DataException("The reward matrix has no rows; pass one row per unit, one column per action.");
        }
        List<String> names = checkNames(actions);
        int d = names.size();
        double[] values = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new DataException("Row " + i + " of the reward matrix has " + (rows[i] == null ? 0 : rows[i].length)
                        + " values; expected " + d + " (one per action: " + String.join(", ", names) + ").");
            }
            for (int a = 0; a < d; a++) {
                double v = rows[i][a];
                if (!Double.isFinite(v)) {
                    throw new DataException("Reward in row " + i + ", column \"" + names.get(a) + "\" (action " + a + ") is "
                            + v + "; rewards must be finite. Drop or impute that row before fitting a policy tree.");
                }
                values[i * d + a] = v;
            }
        }
        return new RewardMatrix(rows.length, names, values);
    }

    /**
     * Rewards read from number columns of a table, one column per action, in the order given (all columns when
     * none are named). Missing values and text columns fail with the column and row named.
     */
    public static RewardMatrix from(Table table, String... columns) {
        List<String> names = columns.length == 0 ? table.columnNames() : List.of(columns);
        checkNames(names.toArray(String[]::new));
        int n = table.rowCount();
        if (n == 0) {
            throw new DataException("Table \"" + table.name() + "\" has no rows; a reward matrix needs one row per unit.");
        }
        double[] values = new double[n * names.size()];
        for (int a = 0; a < names.size(); a++) {
            double[] column = Columns.numeric(table, names.get(a), "a reward column");
            for (int i = 0; i < n; i++) {
                values[i * names.size() + a] = column[i];
            }
        }
        return new RewardMatrix(n, List.copyOf(names), values);
    }

    /**
     * Kitagawa–Tetenov EWM rewards by inverse propensity weighting (ENERGY eq. 7, "IPW_RAW"):
     * Γ[i, j] = W_i·1{Z_i = j}/π_j with the design propensities π_j = n_j/n. Column j's mean is arm j's mean outcome.
     *
     * @param outcome per-unit outcome W_i (welfare)
     * @param arm     assigned arm Z_i as an index into {@code arms}
     * @param arms    arm names, one reward column each; every arm needs at least one unit
     */
    public static RewardMatrix ipw(double[] outcome, int[] arm, String... arms) {
        return ipw(outcome, arm, new double[outcome.length], arms);
    }

    /**
     * IPW rewards around a baseline ("IPW_CENTERED"): Γ[i, j] = (W_i − h_i)·1{Z_i = j}/π_j. Any h(X) leaves the
     * population objective unchanged up to a policy-invariant constant but removes most of the arm-count noise a
     * tree would otherwise fit; pass a cross-fitted prediction of W from X pooled over arms.
     */
    public static RewardMatrix ipw(double[] outcome, int[] arm, double[] baseline, String... arms) {
        List<String> names = checkNames(arms);
        int n = outcome.length;
        long[] count = armCounts(outcome, arm, baseline, names);
        int d = names.size();
        double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            values[i * d + arm[i]] = (outcome[i] - baseline[i]) * n / count[arm[i]];
        }
        return new RewardMatrix(n, names, values);
    }

    // Units per arm, after checking lengths, arm indices and finiteness; every arm needs a unit.
    private static long[] armCounts(double[] outcome, int[] arm, double[] baseline, List<String> names) {
        int n = outcome.length;
        if (arm.length != n || baseline.length != n) {
            throw new DataException("outcome, arm and baseline must have one entry per unit; got " + n + ", "
                    + arm.length + " and " + baseline.length + ".");
        }
        int d = names.size();
        long[] count = new long[d];
        for (int i = 0; i < n; i++) {
            if (arm[i] < 0 || arm[i] >= d) {
                throw new DataException("Arm index " + arm[i] + " in row " + i + " is outside 0.." + (d - 1) + " ("
                        + String.join(", ", names) + "). Code arms as indices into the arm names.");
            }
            if (!Double.isFinite(outcome[i]) || !Double.isFinite(baseline[i])) {
                throw new DataException("Outcome or baseline in row " + i + " is not finite (" + outcome[i] + ", "
                        + baseline[i] + "); drop or impute that row.");
            }
            count[arm[i]]++;
        }
        for (int a = 0; a < d; a++) {
            if (count[a] == 0) {
                throw new DataException("Arm \"" + names.get(a) + "\" has no units, so its propensity is 0 and IPW"
                        + " or AIPW rewards are undefined. Drop the arm or check the assignment.");
            }
        }
        return count;
    }

    /**
     * Doubly robust EWM rewards ("AIPW", methods spec §2.6 per-action rewards and §2.11):
     * Γ[i, j] = μ̂_j(X_i) + 1{Z_i = j}·(W_i − μ̂_j(X_i))/π_j, with the design propensities π_j = n_j/n. Column j's
     * mean estimates arm j's mean outcome whether or not μ̂ is right (the propensities are known); a good μ̂ lowers
     * the noise a tree fits, and unlike IPW every unit carries information about every arm. μ̂ must not use unit
     * i's own outcome for row i: pass cross-fitted or out-of-bag predictions, e.g.
     * {@code Regressor.forest(RegressionForest.spec().trees(500)).armMeans(x, outcome, arm, 3)}.
     *
     * @param outcome  per-unit outcome W_i (welfare)
     * @param arm      assigned arm Z_i as an index into {@code arms}
     * @param armMeans μ̂_j(X_i), one row per unit and one column per arm, in the order of {@code arms}
     * @param arms     arm names, one reward column each; every arm needs at least one unit
     */
    public static RewardMatrix aipw(double[] outcome, int[] arm, double[][] armMeans, String... arms) {
        List<String> names = checkNames(arms);
        int n = outcome.length;
        int d = names.size();
        if (armMeans.length != n) {
            throw new DataException("The outcome model has " + armMeans.length + " rows but there are " + n + " units; give"
                    + " one row of arm means per unit, in the same order.");
        }
        for (int i = 0; i < n; i++) {
            if (armMeans[i] == null || armMeans[i].length != d) {
                throw new DataException("Row " + i + " of the outcome model has " + (armMeans[i] == null ? 0 : armMeans[i].length)
                        + " values; expected " + d + " (one per arm: " + String.join(", ", names) + ").");
            }
            for (int a = 0; a < d; a++) {
                if (!Double.isFinite(armMeans[i][a])) {
                    throw new DataException("The outcome model's prediction for row " + i + ", arm \"" + names.get(a) + "\" is "
                            + armMeans[i][a] + "; predictions must be finite.");
                }
            }
        }
        long[] count = armCounts(outcome, arm, new double[n], names);
        double[] values = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                values[i * d + a] = armMeans[i][a];
            }
            int own = arm[i];
            values[i * d + own] += (outcome[i] - armMeans[i][own]) * n / count[own];
        }
        return new RewardMatrix(n, names, values);
    }

    /** The same rows with only the named actions, in the order given (e.g. a selection-absent U/T problem). */
    public RewardMatrix keepActions(String... keep) {
        List<String> names = checkNames(keep);
        int[] index = new int[names.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = actions.indexOf(names.get(c));
            if (index[c] < 0) {
                throw new DataException("Action \"" + names.get(c) + "\" is not in the reward matrix. Available: "
                        + String.join(", ", actions) + ".");
            }
        }
        int d = actions.size();
        double[] out = new double[rows * index.length];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < index.length; c++) {
                out[i * index.length + c] = values[i * d + index[c]];
            }
        }
        return new RewardMatrix(rows, names, out);
    }

    private static List<String> checkNames(String[] actions) {
        if (actions == null || actions.length == 0) {
            throw new DataException("A reward matrix needs at least one action (column); got none.");
        }
        Set<String> seen = new HashSet<>();
        for (String name : actions) {
            if (name == null || name.isBlank()) {
                throw new DataException("Action names must be non-blank; got " + List.of(actions).stream()
                        .map(s -> s == null ? "null" : "\"" + s + "\"").toList() + ".");
            }
            if (!seen.add(name)) {
                throw new DataException("Action name \"" + name + "\" appears twice; give each reward column its own name.");
            }
        }
        return List.of(actions);
    }

    /** Number of units (rows). */
    public int rows() {
        return rows;
    }

    /** Number of actions (columns). */
    public int actionCount() {
        return actions.size();
    }

    /** Action names in column order. */
    public List<String> actions() {
        return actions;
    }

    /** Γ[row, action]. */
    public double get(int row, int action) {
        return values[row * actions.size() + action];
    }

    /** The rewards as a fresh rows × actions array. */
    public double[][] toArray() {
        int d = actions.size();
        double[][] out = new double[rows][d];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * d, out[i], 0, d);
        }
        return out;
    }

    /** Σ_i Γ[i, actions[i]]: the in-sample reward of an assignment. */
    public double total(int[] assignment) {
        if (assignment.length != rows) {
            throw new DataException("The assignment has " + assignment.length + " entries; the reward matrix has "
                    + rows + " rows. Pass one action per row.");
        }
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += get(i, assignment[i]);
        }
        return sum;
    }

    /** The reward values in row-major order (a copy, for the search). */
    double[] flat() {
        return values.clone();
    }

    /** Rows {@code index[0]}, {@code index[1]}, … as a new matrix with the same actions. */
    RewardMatrix select(int[] index) {
        int d = actions.size();
        double[] out = new double[index.length * d];
        for (int r = 0; r < index.length; r++) {
            System.arraycopy(values, index[r] * d, out, r * d, d);
        }
        return new RewardMatrix(index.length, actions, out);
    }

    @Override
    public String toString() {
        return "RewardMatrix: " + Fmt.count(rows) + " rows × " + actions.size() + " actions (" + String.join(", ", actions) + ")";
    }
}
