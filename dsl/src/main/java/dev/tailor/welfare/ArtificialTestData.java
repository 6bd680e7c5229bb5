package dev.tailor.welfare;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import dev.tailor.forest.Regressor;
import dev.tailor.policy.Policy;
import dev.tailor.policy.PolicyComparison;
import dev.tailor.policy.PolicyEvaluation;
import dev.tailor.policy.PolicyValue;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The fitted noise models of a {@link WinnersBias} correction: for every household its conditional mean usage
 * m̂(X_i) within its arm, its residual scale σ̂_i, its standardized residual r_i and (in S) its take-up probability
 * p̂(X_i). Immutable. {@link #draw(int)} generates replicate b's artificial test sample and {@link #evaluate}
 * evaluates fixed policies on all B of them.
 */
public final class ArtificialTestData implements Rendered {

    private static final Arms ARMS = Arms.of("T", "S").withControl("U");

    private final WinnersBias spec;
    private final String tableName;
    private final WelfareSpec welfare;
    private final int[] arm;
    private final int[] observedTakeUp;
    private final double[] observedUsage;
    private final double[] observedWelfare;
    private final double[] baseline;
    private final double[] weights;
    private final double[] mean;
    private final double[] scale;
    private final double[] standardized;
    private final double[] takeUpProbability; // clipped p̂ in S, 0 in U, 1 in T
    private final int[][] rowsByArm;
    private final int[] floored;

    private ArtificialTestData(WinnersBias spec, String tableName, WelfareSpec welfare, int[] arm, int[] observedTakeUp,
                               double[] observedUsage, double[] observedWelfare, double[] baseline, double[] weights,
                               double[] mean, double[] scale, double[] standardized, double[] takeUpProbability,
                               int[][] rowsByArm, int[] floored) {
        this.spec = spec;
        this.tableName = tableName;
        this.welfare = welfare;
        this.arm = arm;
        this.observedTakeUp = observedTakeUp;
        this.observedUsage = observedUsage;
        this.observedWelfare = observedWelfare;
        this.baseline = baseline;
        this.weights = weights;
        this.mean = mean;
        this.scale = scale;
        this.standardized = standardized;
        this.takeUpProbability = takeUpProbability;
        this.rowsByArm = rowsByArm;
        this.floored = floored;
    }

    static ArtificialTestData fit(WinnersBias spec, Table data, WelfareOutcome welfare, String armColumn,
                                  List<String> covariates) {
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(welfare, "welfare");
        java.util.Objects.requireNonNull(covariates, "covariates");
        WelfareColumns columns = welfare.columns();
        if (welfare.size() != data.rowCount()) {
            throw new DataException("The welfare outcome has " + Fmt.count(welfare.size()) + " rows but table \"" + data.name()
                    + "\" has " + Fmt.count(data.rowCount()) + ". Build it from this table: spec.construct(data, columns).");
        }
        ThreeArmData design = ThreeArmData.read(data, LateRoles.outcome(columns.usage()).arm(armColumn).takeUp(columns.takeUp()));
        int n = design.size();
        int[] arm = design.arm();
        double[] usage = design.outcome();
        double[] baseline = Columns.numeric(data, columns.baseline(), "baseline usage, kW");
        double[] weights = welfare.weights();
        double[] observed = welfare.outcomes();
        WelfareSpec welfareSpec = welfare.spec();
        for (int i = 0; i < n; i++) {
            double rebuilt = welfareSpec.outcome(usage[i], baseline[i], design.takeUp()[i], weights[i]);
            if (Math.abs(rebuilt - observed[i]) > 1e-9 * Math.max(1, Math.abs(observed[i]))) {
                throw new DataException("The welfare outcome of row " + i + " is " + observed[i] + " but table \"" + data.name()
                        + "\" gives " + rebuilt + " under the same spec; it was built from another table. Pass the table the"
                        + " welfare outcome was constructed from.");
            }
        }
        double[][] x = Regressor.rows(data, covariates);
        int[][] rowsByArm = new int[3][];
        int[] count = new int[3];
        for (int a : arm) {
            count[a]++;
        }
        for (int a = 0; a < 3; a++) {
            if (count[a] < 2) {
                throw new DataException("Arm " + ThreeArmData.ARM_NAMES.get(a) + " has " + count[a] + " households in table \""
                        + data.name() + "\"; artificial test data resample residuals within each arm and need at least 2"
                        + " (a forest needs about 20). Check the arm column \"" + armColumn + "\".");
            }
            rowsByArm[a] = new int[count[a]];
        }
        int[] next = new int[3];
        for (int i = 0; i < n; i++) {
            rowsByArm[arm[i]][next[arm[i]]++] = i;
        }
        Regressor regressor = spec.regressor();
        double[] mean = new double[n];
        double[] scale = new double[n];
        double[] standardized = new double[n];
        int[] floored = new int[3];
        for (int a = 0; a < 3; a++) {
            int[] rows = rowsByArm[a];
            double[][] xa = select(x, rows);
            double[] m = regressor.fit(xa, select(usage, rows)).outOfSample();
            double[] residual = new double[rows.length];
            double[] squared = new double[rows.length];
            double sum = 0;
            for (int t = 0; t < rows.length; t++) {
                residual[t] = usage[rows[t]] - m[t];
                squared[t] = residual[t] * residual[t];
                sum += residual[t];
            }
            double centre = sum / rows.length;
            double ss = 0;
            for (double r : residual) {
                ss += (r - centre) * (r - centre);
            }
            double floor = WinnersBias.VARIANCE_FLOOR * ss / (rows.length - 1);
            double[] variance = regressor.fit(xa, squared).outOfSample();
            for (int t = 0; t < rows.length; t++) {
                int i = rows[t];
                // A variance model can predict ≈ 0 (or below, for non-forest models); the floor keeps r_i finite.
                if (!(variance[t] >= floor)) {
                    floored[a]++;
                }
                mean[i] = m[t];
                scale[i] = Math.sqrt(Math.max(variance[t], floor));
                standardized[i] = residual[t] / scale[i];
                if (!Double.isFinite(standardized[i]) || !Double.isFinite(mean[i])) {
                    throw new DataException("The noise model of arm " + ThreeArmData.ARM_NAMES.get(a) + " gives a non-finite"
                            + " mean or standardized residual for row " + i + " (mean " + mean[i] + ", scale " + scale[i]
                            + "); all usage values in the arm may be equal. Check the usage column \"" + columns.usage() + "\".");
                }
            }
        }
        double[] takeUpProbability = new double[n];
        int[] sRows = rowsByArm[2];
        double[] d = new double[sRows.length];
        for (int t = 0; t < sRows.length; t++) {
            d[t] = design.takeUp()[sRows[t]];
        }
        double[] p = regressor.fit(select(x, sRows), d).outOfSample();
        for (int i = 0; i < n; i++) {
            takeUpProbability[i] = arm[i] == 1 ? 1 : 0;
        }
        for (int t = 0; t < sRows.length; t++) {
            takeUpProbability[sRows[t]] = Math.min(1 - WinnersBias.TAKE_UP_CLIP, Math.max(WinnersBias.TAKE_UP_CLIP, p[t]));
        }
        return new ArtificialTestData(spec, data.name(), welfareSpec, arm, design.takeUp(), usage, observed, baseline, weights,
                mean, scale, standardized, takeUpProbability, rowsByArm, floored);
    }

    private static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            out[t] = x[rows[t]];
        }
        return out;
    }

    private static double[] select(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            out[t] = y[rows[t]];
        }
        return out;
    }

    /** The spec these models were fitted under. */
    public WinnersBias spec() {
        return spec;
    }

    /** Number of households n. */
    public int size() {
        return arm.length;
    }

    /** The randomized arm of every household: 0 U, 1 T, 2 S. */
    public int[] arms() {
        return arm.clone();
    }

    /** m̂(X_i): each household's fitted mean usage within its own arm, predicted without its own usage (kW). */
    public double[] fittedMeans() {
        return mean.clone();
    }

    /** σ̂_i = √max(σ̂²(X_i), 10⁻³·Var(ε̂)) within the household's arm (kW). */
    public double[] scales() {
        return scale.clone();
    }

    /** r_i = (Y_i − m̂(X_i))/σ̂_i: the pool replicates draw from, within each arm. */
    public double[] standardizedResiduals() {
        return standardized.clone();
    }

    /** The probability each household's artificial take-up is drawn with: p̂(X_i) clipped to [0.01, 0.99] in S, 0 in U, 1 in T. */
    public double[] takeUpProbabilities() {
        return takeUpProbability.clone();
    }

    /** Households per arm whose variance prediction was raised to the floor 10⁻³·Var(ε̂), {U, T, S}. */
    public int[] flooredScales() {
        return floored.clone();
    }

    /**
     * One artificial test sample: usage Y*, take-up D* and welfare W̃* of every household, in row order.
     *
     * @param replicate b, the replicate index 0..B−1 (its draws depend only on the spec's seed and b)
     * @param usage     Y*_i = m̂(X_i) + r*_i·σ̂_i with r*_i drawn with replacement from the arm's standardized residuals
     * @param takeUp    D*_i: 0 in U, 1 in T, Bernoulli(p̂(X_i)) in S
     * @param welfare   W̃*_i built from (Y*_i, D*_i) with the welfare spec, the observed baseline and the Pareto weights
     */
    public record Draw(int replicate, double[] usage, int[] takeUp, double[] welfare) {

        public Draw {
            usage = usage.clone();
            takeUp = takeUp.clone();
            welfare = welfare.clone();
        }

        @Override
        public double[] usage() {
            return usage.clone();
        }

        @Override
        public int[] takeUp() {
            return takeUp.clone();
        }

        @Override
        public double[] welfare() {
            return welfare.clone();
        }
    }

    /** Replicate b's artificial test sample; any b ≥ 0 works, and {@link #evaluate} uses b = 0..B−1. */
    public Draw draw(int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("The replicate index must be ≥ 0, got " + replicate + ".");
        }
        SplittableRandom random = new SplittableRandom(replicateSeed(replicate));
        int n = arm.length;
        double[] usage = new double[n];
        int[] takeUp = new int[n];
        double[] w = new double[n];
        // Residuals first, arm by arm in row order, then take-up: a fixed order keeps every draw reproducible.
        for (int[] rows : rowsByArm) {
            for (int i : rows) {
                double r = standardized[rows[random.nextInt(rows.length)]];
                usage[i] = mean[i] + r * scale[i];
            }
        }
        for (int i = 0; i < n; i++) {
            takeUp[i] = arm[i] == 2 ? (random.nextDouble() < takeUpProbability[i] ? 1 : 0) : (int) takeUpProbability[i];
            w[i] = welfare.outcome(usage[i], baseline[i], takeUp[i], weights[i]);
        }
        return new Draw(replicate, usage, takeUp, w);
    }

    // A distinct, well-mixed seed per replicate, independent of how many replicates are drawn or in what order.
    private long replicateSeed(int replicate) {
        return new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (replicate + 1L))).nextLong();
    }

    /**
     * Evaluates fixed policies and comparisons on the observed sample (in-sample) and on each of the B artificial
     * test samples (corrected = mean over replicates, SE = √mean SE_b²), by the spec's estimator, gains against U.
     * All policies and comparisons use the same replicates.
     *
     * @param policies    policies to value, each with one arm per household (0 U, 1 T, 2 S) or constant
     * @param comparisons pairs {first, second}: V(first) − V(second), e.g. {@code {{gStar, gDagger}, {gStar, allT}}}
     */
    public WinnersBiasTable evaluate(Policy[] policies, Policy[][] comparisons) {
        for (int c = 0; c < comparisons.length; c++) {
            if (comparisons[c] == null || comparisons[c].length != 2) {
                throw new IllegalArgumentException("Comparison " + c + " has " + (comparisons[c] == null ? 0 : comparisons[c].length)
                        + " policies; give each as a pair {first, second}.");
            }
        }
        int k = policies.length;
        int m = comparisons.length;
        int b = spec.replicates();
        Set<String> notes = new LinkedHashSet<>();
        PolicyEvaluation observed = PolicyEvaluation.of(observedWelfare, arm, ARMS);
        Estimate[] naive = new Estimate[k];
        Estimate[] naivePairs = new Estimate[m];
        for (int p = 0; p < k; p++) {
            PolicyValue v = observed.value(policies[p], spec.estimator());
            naive[p] = new Estimate(v.gain(), v.gainStdError());
            notes.addAll(fallbacks(v.notes()));
        }
        for (int c = 0; c < m; c++) {
            PolicyComparison d = observed.compare(comparisons[c][0], comparisons[c][1], spec.estimator());
            naivePairs[c] = new Estimate(d.estimate(), d.stdError());
            notes.addAll(fallbacks(d.notes()));
        }
        double[][] gains = new double[k][b];
        double[][] variances = new double[k][b];
        double[][] differences = new double[m][b];
        double[][] pairVariances = new double[m][b];
        for (int r = 0; r < b; r++) {
            PolicyEvaluation test = PolicyEvaluation.of(draw(r).welfare, arm, ARMS);
            for (int p = 0; p < k; p++) {
                PolicyValue v = test.value(policies[p], spec.estimator());
                gains[p][r] = v.gain();
                variances[p][r] = v.gainStdError() * v.gainStdError();
                notes.addAll(fallbacks(v.notes()));
            }
            for (int c = 0; c < m; c++) {
                PolicyComparison d = test.compare(comparisons[c][0], comparisons[c][1], spec.estimator());
                differences[c][r] = d.estimate();
                pairVariances[c][r] = d.stdError() * d.stdError();
                notes.addAll(fallbacks(d.notes()));
            }
        }
        List<WinnersBiasTable.Row> values = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            values.add(new WinnersBiasTable.Row(policies[p].name(), naive[p], corrected(gains[p], variances[p]), gains[p]));
        }
        List<WinnersBiasTable.Row> pairs = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            pairs.add(new WinnersBiasTable.Row(comparisons[c][0].name() + " − " + comparisons[c][1].name(), naivePairs[c],
                    corrected(differences[c], pairVariances[c]), differences[c]));
        }
        String title = "Winner's bias — in-sample vs artificial test data (" + spec.describe() + "), table \"" + tableName
                + "\", n = " + Fmt.count(arm.length) + ", gains vs U";
        return new WinnersBiasTable(title, values, pairs, List.copyOf(notes));
    }

    private static Estimate corrected(double[] estimates, double[] variances) {
        double sum = 0;
        double var = 0;
        for (int r = 0; r < estimates.length; r++) {
            sum += estimates[r];
            var += variances[r];
        }
        return new Estimate(sum / estimates.length, Math.sqrt(var / estimates.length));
    }

    private static List<String> fallbacks(List<String> notes) {
        return notes.stream().filter(note -> !note.startsWith("Propensities:")).toList();
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        double[] p = takeUpProbability;
        for (int a = 0; a < 3; a++) {
            int[] r = rowsByArm[a];
            double y = 0;
            double fitted = 0;
            double s = 0;
            double taken = 0;
            double prob = 0;
            for (int i : r) {
                y += observedUsage[i];
                fitted += mean[i];
                s += scale[i];
                taken += observedTakeUp[i];
                prob += p[i];
            }
            double yBar = y / r.length;
            double total = 0;
            double residual = 0;
            for (int i : r) {
                total += (observedUsage[i] - yBar) * (observedUsage[i] - yBar);
                residual += (observedUsage[i] - mean[i]) * (observedUsage[i] - mean[i]);
            }
            rows.add(List.of(ThreeArmData.ARM_NAMES.get(a), Fmt.count(r.length), Fmt.fixed(yBar, 4), Fmt.fixed(fitted / r.length, 4),
                    Fmt.fixed(1 - residual / total, 3), Fmt.fixed(s / r.length, 4), Fmt.count(floored[a]),
                    Fmt.fixed(taken / r.length, 3), Fmt.fixed(prob / r.length, 3)));
        }
        List<String> notes = List.of("Models: " + spec.regressor().describe() + "; R² is out-of-sample; σ̂ floored at √(10⁻³·Var ε̂).",
                "Replicates: " + spec.describe() + ". Welfare: " + welfare + ".");
        return new Report("Artificial test data — noise models on table \"" + tableName + "\", n = " + Fmt.count(arm.length),
                List.of("arm", "n", "mean Y (kW)", "mean m̂", "R² of m̂", "mean σ̂", "floored σ̂", "take-up", "mean p̂"), rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per household: arm, observed usage and take-up, m̂, σ̂, r and the take-up probability of the draws. */
    @Override
    public Table table() {
        return Table.create("artificial test data models", IntColumn.create("arm", arm.clone()),
                DoubleColumn.create("usage", observedUsage.clone()), IntColumn.create("take_up", observedTakeUp.clone()),
                DoubleColumn.create("fitted_mean", mean.clone()), DoubleColumn.create("scale", scale.clone()),
                DoubleColumn.create("standardized_residual", standardized.clone()),
                DoubleColumn.create("take_up_probability", takeUpProbability.clone()));
    }
}
