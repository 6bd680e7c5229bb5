package dev.tailor.policy;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.data.Roles;
import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import tech.tablesaw.api.Table;

/**
 * Evaluation data for policies: outcomes Y and arms W of a randomized experiment with known propensities, an
 * optional outcome model μ̂ (for AIPW) and an optional truth (a simulator's true conditional means). Immutable;
 * every wither returns a new evaluation. Methods spec §2.9.
 *
 * <pre>{@code
 * PolicyEvaluation eval = PolicyEvaluation.of(phase2, roles)
 *         .propensities(assignment.propensities())          // the design's, not estimated
 *         .outcomeModel("kNN, 5-fold cross-fitted", muHat); // n × (K+1), for AIPW
 * eval.value(Policy.always(arms.get("TR")), PolicyEstimator.AIPW)
 * eval.compare(nn, best, PolicyEstimator.AIPW)              // Δ̂, paired SE, one-sided p
 * eval.report(PolicyEstimator.AIPW, best, nn, random)       // all values, each compared with the first
 * }</pre>
 *
 * <p>Without {@link #propensities}, the propensity of arm k is its sample share n_k/n, which is exact under
 * complete randomization without strata.
 */
public final class PolicyEvaluation {

    private final String source;
    private final Arms arms;
    private final double[] y;
    private final int[] w;
    private final double[][] propensity; // n × (K+1)
    private final String propensitySource;
    private final double[][] muHat;      // n × (K+1) or null
    private final String outcomeModel;
    private final double[][] truth;      // n × (K+1) or null
    private final Arm reference;

    private PolicyEvaluation(String source, Arms arms, double[] y, int[] w, double[][] propensity, String propensitySource,
            double[][] muHat, String outcomeModel, double[][] truth, Arm reference) {
        this.source = source;
        this.arms = arms;
        this.y = y;
        this.w = w;
        this.propensity = propensity;
        this.propensitySource = propensitySource;
        this.muHat = muHat;
        this.outcomeModel = outcomeModel;
        this.truth = truth;
        this.reference = reference;
    }

    /** The outcome and arm columns named by the roles; arm names from {@code roles.arms()}, else "control, arm 1, ...". */
    public static PolicyEvaluation of(Table table, Roles roles) {
        double[] y = Columns.numeric(table, roles.outcome(), "the outcome");
        Arms arms = roles.arms().orElseGet(() -> {
            double max = 0;
            for (double v : Columns.numeric(table, roles.treatment(), "the treatment")) {
                max = Math.max(max, v);
            }
            if (max < 1 || max != Math.rint(max)) {
                throw new DataException("Treatment column \"" + roles.treatment() + "\" has largest value " + max
                        + "; expected arm indices 0..K with K >= 1. Code arms as integers, or name them with Roles.arms(...).");
            }
            return Arms.numbered((int) max);
        });
        int[] w = Columns.treatment(table, roles.treatment(), arms);
        return of(y, w, arms, "\"" + table.name() + "\"");
    }

    /** Outcomes y and arm indices w (0 = control) of the evaluation units, with the arm catalog. */
    public static PolicyEvaluation of(double[] y, int[] w, Arms arms) {
        return of(y.clone(), w.clone(), arms, "arrays");
    }

    private static PolicyEvaluation of(double[] y, int[] w, Arms arms, String source) {
        if (y.length != w.length) {
            throw new IllegalArgumentException("Outcomes have " + y.length + " values but arms have " + w.length + "; give one of each per unit.");
        }
        long[] counts = new long[arms.size()];
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0 || w[i] >= arms.size()) {
                throw new IllegalArgumentException("Unit " + i + " has arm " + w[i] + "; expected 0.." + (arms.size() - 1) + " for "
                        + arms.names() + ".");
            }
            if (Double.isNaN(y[i])) {
                throw new IllegalArgumentException("Unit " + i + " has a missing (NaN) outcome. Drop it or fill it first.");
            }
            counts[w[i]]++;
        }
        double[][] e = new double[y.length][arms.size()];
        for (double[] row : e) {
            for (int a = 0; a < arms.size(); a++) {
                row[a] = (double) counts[a] / y.length;
            }
        }
        return new PolicyEvaluation(source, arms, y, w, e, "sample arm shares n_k/n", null, null, null, arms.control());
    }

    /** Known design propensities, the same for every unit, control first (e.g. {@code assignment.propensities()}). */
    public PolicyEvaluation propensities(double... byArm) {
        if (byArm.length != arms.size()) {
            throw new IllegalArgumentException("Got " + byArm.length + " propensities but there are " + arms.size() + " arms "
                    + arms.names() + "; give one per arm, control first.");
        }
        double[][] e = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            e[i] = byArm.clone();
        }
        return withPropensities(e, "known, by arm " + formatShares(byArm));
    }

    /** Known propensities per unit, n × (K + 1), control first (e.g. Bernoulli designs with covariate-dependent shares). */
    public PolicyEvaluation propensities(double[][] byUnit) {
        if (byUnit.length != y.length) {
            throw new IllegalArgumentException("Got propensities for " + byUnit.length + " units but there are " + y.length + ".");
        }
        double[][] e = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            if (byUnit[i].length != arms.size()) {
                throw new IllegalArgumentException("Propensity row " + i + " has " + byUnit[i].length + " values; expected "
                        + arms.size() + " (one per arm, control first).");
            }
            e[i] = byUnit[i].clone();
        }
        return withPropensities(e, "known, per unit");
    }

    private PolicyEvaluation withPropensities(double[][] e, String label) {
        for (int i = 0; i < e.length; i++) {
            double p = e[i][w[i]];
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("Unit " + i + " is in arm \"" + arms.get(w[i]).name() + "\" but its propensity"
                        + " for that arm is " + p + "; a unit's own arm must have propensity in (0, 1]. Check the design's shares.");
            }
        }
        return new PolicyEvaluation(source, arms, y, w, e, label, muHat, outcomeModel, truth, reference);
    }

    /**
     * Outcome-model predictions μ̂_k(X_i), n × (K + 1), control first, for {@link PolicyEstimator#AIPW}. They must
     * not use unit i's own outcome: cross-fit them (or use leave-one-out estimates, or a model from other data).
     */
    public PolicyEvaluation outcomeModel(String name, double[][] predictions) {
        return new PolicyEvaluation(source, arms, y, w, propensity, propensitySource, checkedMatrix(predictions, "outcome model"),
                name, truth, reference);
    }

    /** True conditional means μ_k(X_i), n × (K + 1), control first (e.g. {@code oracle.probabilities()}): adds true values and regret. */
    public PolicyEvaluation truth(double[][] trueMeans) {
        return new PolicyEvaluation(source, arms, y, w, propensity, propensitySource, muHat, outcomeModel,
                checkedMatrix(trueMeans, "truth"), reference);
    }

    /** The arm that gains are measured against; control by default. */
    public PolicyEvaluation reference(Arm arm) {
        return new PolicyEvaluation(source, arms, y, w, propensity, propensitySource, muHat, outcomeModel, truth,
                arms.get(arm.index()));
    }

    private double[][] checkedMatrix(double[][] matrix, String what) {
        if (matrix.length != y.length) {
            throw new IllegalArgumentException("The " + what + " has " + matrix.length + " rows but there are " + y.length
                    + " evaluation units; give one row per unit, in the same order.");
        }
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i].length != arms.size()) {
                throw new IllegalArgumentException("Row " + i + " of the " + what + " has " + matrix[i].length + " columns; expected "
                        + arms.size() + " (one per arm, control first: " + arms.names() + ").");
            }
            for (int a = 0; a < arms.size(); a++) {
                if (!Double.isFinite(matrix[i][a])) {
                    throw new IllegalArgumentException("The " + what + " has value " + matrix[i][a] + " for unit " + i + ", arm \""
                            + arms.get(a).name() + "\". Every entry must be a finite number.");
                }
            }
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    public Arms arms() {
        return arms;
    }

    /** Evaluation units. */
    public int n() {
        return y.length;
    }

    /** The estimated value of the policy and its gain over the reference arm. */
    public PolicyValue value(Policy policy, PolicyEstimator estimator) {
        int[] pi = assign(policy);
        List<String> notes = notes(estimator);
        int n = y.length;
        double[] est;
        if (estimator == PolicyEstimator.CELL) {
            double[] cell = cellValue(pi);
            if (cell == null) {
                PolicyEstimator fallback = muHat != null ? PolicyEstimator.AIPW : PolicyEstimator.IPW;
                notes.add("The cell estimator needs at least 2 units of each arm within each policy group; some group has fewer,"
                        + " so \"" + policy.name() + "\" is evaluated by " + fallback.label() + " instead.");
                est = scoreValue(pi, fallback);
            } else {
                est = cell;
            }
        } else {
            est = scoreValue(pi, estimator);
        }
        double[] shares = new double[arms.size()];
        for (int a : pi) {
            shares[a] += 1.0 / n;
        }
        OptionalDouble trueValue = OptionalDouble.empty();
        OptionalDouble trueGain = OptionalDouble.empty();
        OptionalDouble oracle = OptionalDouble.empty();
        if (truth != null) {
            double v = trueValue(pi);
            double r = 0;
            double best = 0;
            for (int i = 0; i < n; i++) {
                r += truth[i][reference.index()];
                double max = truth[i][0];
                for (double m : truth[i]) {
                    max = Math.max(max, m);
                }
                best += max;
            }
            trueValue = OptionalDouble.of(v);
            trueGain = OptionalDouble.of(v - r / n);
            oracle = OptionalDouble.of(best / n);
        }
        return new PolicyValue(policy.name(), estimator, arms, reference, n, shares, est[0], est[1], est[2], est[3], trueValue,
                trueGain, oracle, notes);
    }

    /** V(first) − V(second) on the same units, with a paired SE and the one-sided p of H0: V(first) ≤ V(second). */
    public PolicyComparison compare(Policy first, Policy second, PolicyEstimator estimator) {
        int[] p1 = assign(first);
        int[] p2 = assign(second);
        int n = y.length;
        List<String> notes = notes(estimator);
        double[] est = null;
        if (estimator == PolicyEstimator.CELL) {
            est = cellDifference(p1, p2);
            if (est == null) {
                PolicyEstimator fallback = muHat != null ? PolicyEstimator.AIPW : PolicyEstimator.IPW;
                notes.add("The cell estimator needs at least 2 units of each compared arm within each cell where the policies"
                        + " disagree; some cell has fewer, so the comparison uses " + fallback.label() + " instead.");
                est = scoreDifference(p1, p2, fallback);
            }
        } else {
            est = scoreDifference(p1, p2, estimator);
        }
        int disagree = 0;
        for (int i = 0; i < n; i++) {
            disagree += p1[i] != p2[i] ? 1 : 0;
        }
        OptionalDouble trueDiff = truth == null ? OptionalDouble.empty() : OptionalDouble.of(trueValue(p1) - trueValue(p2));
        return new PolicyComparison(first.name(), second.name(), estimator, n, (double) disagree / n, est[0], est[1], trueDiff, notes);
    }

    /** Every policy's value and each later policy compared with the first (the baseline), by one estimator. */
    public PolicyReport report(PolicyEstimator estimator, Policy baseline, Policy... candidates) {
        List<PolicyValue> values = new ArrayList<>();
        List<PolicyComparison> comparisons = new ArrayList<>();
        values.add(value(baseline, estimator));
        for (Policy candidate : candidates) {
            values.add(value(candidate, estimator));
            comparisons.add(compare(candidate, baseline, estimator));
        }
        String title = "Policy values on " + source + " — " + estimator.label() + ", n = " + Fmt.count(y.length) + ", gains vs "
                + reference.name() + ", baseline \"" + baseline.name() + "\"";
        return new PolicyReport(title, values, comparisons, List.of());
    }

    /**
     * Per-unit doubly robust rewards Γ_ik = μ̂_k(X_i) + 1{W_i = k}(Y_i − μ̂_k(X_i))/e_k(X_i), n × (K + 1); with
     * {@link PolicyEstimator#IPW} μ̂ ≡ 0. These are the scores a policy tree learns from.
     */
    public double[][] rewards(PolicyEstimator estimator) {
        if (estimator == PolicyEstimator.CELL) {
            throw new IllegalArgumentException("The cell estimator has no per-unit rewards; use IPW or AIPW.");
        }
        requireModel(estimator);
        double[][] gamma = new double[y.length][arms.size()];
        for (int i = 0; i < y.length; i++) {
            for (int a = 0; a < arms.size(); a++) {
                gamma[i][a] = reward(i, a, estimator);
            }
        }
        return gamma;
    }

    private int[] assign(Policy policy) {
        int[] pi = policy.assign(y.length);
        for (int i = 0; i < pi.length; i++) {
            if (pi[i] >= arms.size()) {
                throw new IllegalArgumentException("Policy \"" + policy.name() + "\" sends unit " + i + " to arm " + pi[i]
                        + " but the evaluation has arms 0.." + (arms.size() - 1) + " " + arms.names() + ".");
            }
        }
        return pi;
    }

    private void requireModel(PolicyEstimator estimator) {
        if (estimator == PolicyEstimator.AIPW && muHat == null) {
            throw new IllegalStateException("AIPW needs outcome-model predictions μ̂ (n × " + arms.size() + "), but none were given."
                    + " Call outcomeModel(name, muHat) with cross-fitted predictions, or use PolicyEstimator.IPW.");
        }
    }

    private double reward(int i, int a, PolicyEstimator estimator) {
        double m = estimator == PolicyEstimator.AIPW ? muHat[i][a] : 0;
        return w[i] == a ? m + (y[i] - m) / propensity[i][a] : m;
    }

    // {value, se, gain vs reference, se} from the per-unit rewards.
    private double[] scoreValue(int[] pi, PolicyEstimator estimator) {
        requireModel(estimator);
        int n = y.length;
        double[] g = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = reward(i, pi[i], estimator);
            d[i] = g[i] - reward(i, reference.index(), estimator);
        }
        return new double[] {mean(g), sd(g) / Math.sqrt(n), mean(d), sd(d) / Math.sqrt(n)};
    }

    private double[] scoreDifference(int[] p1, int[] p2, PolicyEstimator estimator) {
        requireModel(estimator);
        int n = y.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = reward(i, p1[i], estimator) - reward(i, p2[i], estimator);
        }
        return new double[] {mean(d), sd(d) / Math.sqrt(n)};
    }

    // Cell estimator: {value, se, gain, se}, or null when a needed group-arm has fewer than 2 units.
    private double[] cellValue(int[] pi) {
        int n = y.length;
        int r = reference.index();
        Map<Integer, CellStats> groups = cells(pi, pi);
        double value = 0;
        double valueVar = 0;
        double gain = 0;
        double gainVar = 0;
        for (Map.Entry<Integer, CellStats> entry : groups.entrySet()) {
            int a = entry.getKey() % arms.size();
            CellStats cell = entry.getValue();
            if (cell.count(a) < 2 || (a != r && cell.count(r) < 2)) {
                return null;
            }
            double share = (double) cell.size / n;
            value += share * cell.mean(a);
            valueVar += share * share * cell.variance(a) / cell.count(a);
            if (a != r) {
                gain += share * (cell.mean(a) - cell.mean(r));
                gainVar += share * share * (cell.variance(a) / cell.count(a) + cell.variance(r) / cell.count(r));
            }
        }
        return new double[] {value, Math.sqrt(valueVar), gain, Math.sqrt(gainVar)};
    }

    private double[] cellDifference(int[] p1, int[] p2) {
        int n = y.length;
        Map<Integer, CellStats> cells = cells(p1, p2);
        double delta = 0;
        double var = 0;
        for (Map.Entry<Integer, CellStats> entry : cells.entrySet()) {
            int a1 = entry.getKey() / arms.size();
            int a2 = entry.getKey() % arms.size();
            if (a1 == a2) {
                continue;
            }
            CellStats cell = entry.getValue();
            if (cell.count(a1) < 2 || cell.count(a2) < 2) {
                return null;
            }
            double share = (double) cell.size / n;
            delta += share * (cell.mean(a1) - cell.mean(a2));
            var += share * share * (cell.variance(a1) / cell.count(a1) + cell.variance(a2) / cell.count(a2));
        }
        return new double[] {delta, Math.sqrt(var)};
    }

    // Units cross-classified by (p1, p2), keyed p1 * (K+1) + p2, with per-arm outcome sums in each cell.
    private Map<Integer, CellStats> cells(int[] p1, int[] p2) {
        Map<Integer, CellStats> cells = new java.util.TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            CellStats cell = cells.computeIfAbsent(p1[i] * arms.size() + p2[i], key -> new CellStats(arms.size()));
            cell.add(w[i], y[i]);
        }
        // Second pass for deviations from the arm means (two-pass variance).
        for (int i = 0; i < y.length; i++) {
            cells.get(p1[i] * arms.size() + p2[i]).addSquare(w[i], y[i]);
        }
        return cells;
    }

    private static final class CellStats {

        int size;
        final long[] count;
        final double[] sum;
        final double[] squares;

        CellStats(int arms) {
            count = new long[arms];
            sum = new double[arms];
            squares = new double[arms];
        }

        void add(int arm, double y) {
            size++;
            count[arm]++;
            sum[arm] += y;
        }

        void addSquare(int arm, double y) {
            double d = y - mean(arm);
            squares[arm] += d * d;
        }

        long count(int arm) {
            return count[arm];
        }

        double mean(int arm) {
            return sum[arm] / count[arm];
        }

        double variance(int arm) {
            return squares[arm] / (count[arm] - 1);
        }
    }

    private double trueValue(int[] pi) {
        double v = 0;
        for (int i = 0; i < pi.length; i++) {
            v += truth[i][pi[i]];
        }
        return v / pi.length;
    }

    private List<String> notes(PolicyEstimator estimator) {
        List<String> notes = new ArrayList<>();
        notes.add("Propensities: " + propensitySource + ".");
        if (estimator == PolicyEstimator.AIPW && outcomeModel != null) {
            notes.add("Outcome model: " + outcomeModel + ".");
        }
        double min = 1;
        double max = 0;
        for (int i = 0; i < y.length; i++) {
            for (double e : propensity[i]) {
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
        }
        if (estimator != PolicyEstimator.CELL && (min < 0.05 || max > 0.95)) {
            notes.add("Propensities range " + Fmt.fixed(min, 3) + "–" + Fmt.fixed(max, 3) + ", outside [0.05, 0.95]: weighted"
                    + " estimates lean on few units. Check the design, or compare with the cell estimator.");
        }
        return notes;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    private static String formatShares(double[] shares) {
        List<String> parts = new ArrayList<>();
        for (double s : shares) {
            parts.add(Fmt.fixed(s, 3));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return "Policy evaluation on " + source + ": " + Fmt.count(y.length) + " units, " + arms.size() + " arms " + arms.names()
                + "; propensities " + propensitySource + "; outcome model " + (outcomeModel == null ? "none (IPW and cell only)"
                : outcomeModel) + "; truth " + (truth == null ? "unknown" : "known") + "; gains vs " + reference.name();
    }
}
