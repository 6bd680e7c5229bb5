package dev.tailor.design;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Covariate balance across the arms of an experiment: is the randomization believable?
 *
 * <p>One row per covariate, readable with 17 arms:
 * <ul>
 *   <li>the mean in control and in all treated arms pooled;</li>
 *   <li>the pooled standardized difference (treated − control) / √((s²_treated + s²_control)/2);</li>
 *   <li>the largest |standardized difference| of any single arm against control, and which arm;</li>
 *   <li>the F statistic and p-value of the joint test that all K + 1 arm means are equal (one-way ANOVA, the
 *       usual "joint orthogonality" check of a multi-arm trial).</li>
 * </ul>
 * A covariate is flagged when an |standardized difference| exceeds {@value #THRESHOLD}, the common rule of thumb
 * (Austin 2009). With small arms a flag can be chance: the standard error of one arm's standardized difference
 * against control is about √(1/n_arm + 1/n_control). Per-arm means and differences are in {@link #byArm()}.
 *
 * <pre>{@code
 * BalanceTable balance = assignment.balance("grade", "female", "math_z");
 * BalanceTable same = BalanceTable.of(table, "arm", arms, "grade", "female", "math_z");
 * }</pre>
 *
 * @see <a href="https://doi.org/10.1002/sim.3697">Austin (2009), Balance diagnostics for comparing the
 *     distribution of baseline covariates between treatment groups in propensity-score matched samples</a>
 */
public final class BalanceTable implements Rendered {

    /** |Standardized difference| above which a covariate is flagged. */
    public static final double THRESHOLD = 0.1;

    /**
     * Balance of one covariate.
     *
     * @param covariate       the column
     * @param armMeans        mean in each arm, control first
     * @param armSizes        units in each arm
     * @param controlMean     mean in control
     * @param treatedMean     mean in all treatment arms pooled
     * @param pooledStdDiff   standardized difference treated − control
     * @param stdDiffs        standardized difference of each arm against control; 0 for control itself
     * @param worstArm        the treatment arm with the largest |standardized difference|
     * @param fStatistic      one-way ANOVA F for equal means in all arms
     * @param pValue          its p-value, with K and N − K − 1 degrees of freedom
     */
    public record CovariateBalance(String covariate, double[] armMeans, long[] armSizes, double controlMean,
                                   double treatedMean, double pooledStdDiff, double[] stdDiffs, Arm worstArm,
                                   double fStatistic, double pValue) {

        public CovariateBalance {
            armMeans = armMeans.clone();
            armSizes = armSizes.clone();
            stdDiffs = stdDiffs.clone();
        }

        @Override
        public double[] armMeans() {
            return armMeans.clone();
        }

        @Override
        public long[] armSizes() {
            return armSizes.clone();
        }

        @Override
        public double[] stdDiffs() {
            return stdDiffs.clone();
        }

        /** The largest |standardized difference| of a single arm against control. */
        public double maxAbsStdDiff() {
            return Math.abs(stdDiffs[worstArm.index()]);
        }

        /** True when the pooled or any single arm's |standardized difference| exceeds {@link #THRESHOLD}. */
        public boolean flagged() {
            return maxAbsStdDiff() > THRESHOLD || Math.abs(pooledStdDiff) > THRESHOLD;
        }
    }

    private final String armColumn;
    private final Arms arms;
    private final long n;
    private final List<CovariateBalance> rows;

    private BalanceTable(String armColumn, Arms arms, long n, List<CovariateBalance> rows) {
        this.armColumn = armColumn;
        this.arms = arms;
        this.n = n;
        this.rows = List.copyOf(rows);
    }

    /**
     * Balance of {@code covariates} across the arms coded 0..K in {@code armColumn}. Covariates must be number or
     * boolean columns without missing values; the errors name the column.
     */
    public static BalanceTable of(Table data, String armColumn, Arms arms, String... covariates) {
        if (covariates == null || covariates.length == 0) {
            throw new IllegalArgumentException("A balance table needs at least one covariate, got none. Name baseline"
                    + " columns, e.g. balance(\"grade\", \"female\"). Columns: " + String.join(", ", data.columnNames()) + ".");
        }
        int[] arm = Columns.treatment(data, armColumn, arms);
        int size = arms.size();
        if (arm.length <= size) {
            throw new DataException("Table \"" + data.name() + "\" has " + arm.length + " rows for " + size
                    + " arms; the balance F test needs more rows than arms.");
        }
        List<CovariateBalance> rows = new ArrayList<>();
        for (String covariate : covariates) {
            double[] x = Columns.numeric(data, covariate, "a balance covariate");
            rows.add(balance(covariate, x, arm, arms));
        }
        return new BalanceTable(armColumn, arms, arm.length, rows);
    }

    private static CovariateBalance balance(String covariate, double[] x, int[] arm, Arms arms) {
        int size = arms.size();
        long[] count = new long[size];
        double[] mean = new double[size];
        double grand = 0;
        for (int i = 0; i < x.length; i++) {
            count[arm[i]]++;
            mean[arm[i]] += x[i];
            grand += x[i];
        }
        grand /= x.length;
        long treatedCount = x.length - count[0];
        double treatedMean = 0;
        for (int k = 0; k < size; k++) {
            if (k > 0) {
                treatedMean += mean[k];
            }
            mean[k] /= count[k];
        }
        treatedMean /= treatedCount;

        // Centered sums of squares, a second pass for accuracy.
        double[] ss = new double[size];
        double treatedSs = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[arm[i]];
            ss[arm[i]] += d * d;
            if (arm[i] > 0) {
                double t = x[i] - treatedMean;
                treatedSs += t * t;
            }
        }
        double controlVar = variance(ss[0], count[0]);
        double[] stdDiffs = new double[size];
        int worst = 1;
        for (int k = 1; k < size; k++) {
            stdDiffs[k] = standardized(mean[k] - mean[0], variance(ss[k], count[k]), controlVar);
            if (Math.abs(stdDiffs[k]) > Math.abs(stdDiffs[worst])) {
                worst = k;
            }
        }
        double pooled = standardized(treatedMean - mean[0], variance(treatedSs, treatedCount), controlVar);

        // One-way ANOVA: between-arm over within-arm mean squares.
        double between = 0;
        double within = 0;
        for (int k = 0; k < size; k++) {
            between += count[k] * (mean[k] - grand) * (mean[k] - grand);
            within += ss[k];
        }
        double df1 = size - 1;
        double df2 = x.length - size;
        double f;
        double p;
        if (within <= 0) {
            // Constant within every arm: no evidence of imbalance if the means agree, certain imbalance if not.
            f = between <= 0 ? 0 : Double.POSITIVE_INFINITY;
            p = between <= 0 ? 1 : 0;
        } else {
            f = (between / df1) / (within / df2);
            p = 1 - new FDistribution(null, df1, df2).cumulativeProbability(f);
        }
        return new CovariateBalance(covariate, mean, count, mean[0], treatedMean, pooled, stdDiffs, arms.get(worst), f, p);
    }

    private static double variance(double ss, long count) {
        return count > 1 ? ss / (count - 1) : 0;
    }

    private static double standardized(double difference, double var1, double var0) {
        double scale = Math.sqrt((var1 + var0) / 2);
        if (scale == 0) {
            // A covariate constant within both groups: equal means are balanced, unequal means infinitely not.
            return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / scale;
    }

    /** One entry per covariate, in the order asked for. */
    public List<CovariateBalance> covariates() {
        return rows;
    }

    /** The balance of one covariate; the error lists the covariates in the table. */
    public CovariateBalance covariate(String name) {
        for (CovariateBalance row : rows) {
            if (row.covariate().equals(name)) {
                return row;
            }
        }
        throw new IllegalArgumentException("Covariate \"" + name + "\" is not in this balance table. Covariates: "
                + String.join(", ", rows.stream().map(CovariateBalance::covariate).toList()) + ".");
    }

    /** The covariates whose pooled or single-arm |standardized difference| exceeds {@link #THRESHOLD}. */
    public List<String> flagged() {
        return rows.stream().filter(CovariateBalance::flagged).map(CovariateBalance::covariate).toList();
    }

    public Arms arms() {
        return arms;
    }

    /** Units in the table. */
    public long n() {
        return n;
    }

    private String title() {
        return "Balance across " + arms.size() + " arms (column \"" + armColumn + "\", control = "
                + arms.control().name() + "), n = " + Fmt.count(n);
    }

    private static final List<String> HEADER = List.of("covariate", "control mean", "treated mean", "std diff",
            "max |std diff|", "worst arm", "F", "p (all equal)", "flag");

    private List<List<String>> rowCells() {
        List<List<String>> cells = new ArrayList<>();
        for (CovariateBalance row : rows) {
            cells.add(List.of(row.covariate(), Fmt.fixed(row.controlMean(), 3), Fmt.fixed(row.treatedMean(), 3),
                    Fmt.fixed(row.pooledStdDiff(), 3), Fmt.fixed(row.maxAbsStdDiff(), 3), row.worstArm().name(),
                    Fmt.fixed(row.fStatistic(), 2), Fmt.pValue(row.pValue()), row.flagged() ? "!" : ""));
        }
        return cells;
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("std diff = (treated − control) / √((s²_treated + s²_control)/2); max |std diff| is over single arms"
                + " vs control; p tests that all " + arms.size() + " arm means are equal (one-way ANOVA F).");
        List<String> flagged = flagged();
        notes.add(flagged.isEmpty()
                ? "No covariate has |std diff| > " + THRESHOLD + "."
                : "! |std diff| > " + THRESHOLD + " for " + String.join(", ", flagged)
                        + ": check the randomization, or adjust for these covariates in the analysis.");
        return notes;
    }

    private Report report() {
        return new Report(title(), HEADER, rowCells(), notes());
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per covariate: the columns of the printed table, with numbers as doubles. */
    @Override
    public Table table() {
        StringColumn covariate = StringColumn.create("covariate");
        DoubleColumn control = DoubleColumn.create("control_mean");
        DoubleColumn treated = DoubleColumn.create("treated_mean");
        DoubleColumn pooled = DoubleColumn.create("std_diff");
        DoubleColumn max = DoubleColumn.create("max_abs_std_diff");
        StringColumn worst = StringColumn.create("worst_arm");
        DoubleColumn f = DoubleColumn.create("f_statistic");
        DoubleColumn p = DoubleColumn.create("p_value");
        for (CovariateBalance row : rows) {
            covariate.append(row.covariate());
            control.append(row.controlMean());
            treated.append(row.treatedMean());
            pooled.append(row.pooledStdDiff());
            max.append(row.maxAbsStdDiff());
            worst.append(row.worstArm().name());
            f.append(row.fStatistic());
            p.append(row.pValue());
        }
        return Table.create("balance", covariate, control, treated, pooled, max, worst, f, p);
    }

    /** One row per covariate and arm: n, mean and standardized difference against control (0 for control). */
    public Table byArm() {
        StringColumn covariate = StringColumn.create("covariate");
        IntColumn index = IntColumn.create("arm_index");
        StringColumn armName = StringColumn.create("arm");
        LongColumn size = LongColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std_diff");
        for (CovariateBalance row : rows) {
            for (Arm arm : arms.all()) {
                covariate.append(row.covariate());
                index.append(arm.index());
                armName.append(arm.name());
                size.append(row.armSizes[arm.index()]);
                mean.append(row.armMeans[arm.index()]);
                std.append(row.stdDiffs[arm.index()]);
            }
        }
        return Table.create("balance by arm", covariate, index, armName, size, mean, std);
    }
}
