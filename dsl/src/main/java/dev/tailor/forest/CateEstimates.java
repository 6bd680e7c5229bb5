package dev.tailor.forest;

import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conditional effects τ̂_k(x) of each arm k = 1..K against control, per row, with variances for confidence
 * intervals τ̂ ± z·√V̂. Arrays are copied in and out.
 *
 * @param source    where the estimates come from, e.g. "out-of-bag, causal forest (2,000 trees, ...)"
 * @param arms      the arm catalog, control first
 * @param estimates {@code estimates[row][k - 1]} for arm k
 * @param variances same shape; NaN when the forest has no little bags (ciGroupSize 1)
 */
public record CateEstimates(String source, Arms arms, double[][] estimates, double[][] variances) implements Rendered {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    public CateEstimates {
        estimates = deepCopy(estimates);
        variances = deepCopy(variances);
        if (estimates.length != variances.length) {
            throw new IllegalArgumentException("estimates and variances need the same rows, got " + estimates.length
                    + " and " + variances.length + ".");
        }
    }

    @Override
    public double[][] estimates() {
        return deepCopy(estimates);
    }

    @Override
    public double[][] variances() {
        return deepCopy(variances);
    }

    public int rows() {
        return estimates.length;
    }

    /** τ̂_k at a row, for arm index k in 1..K. */
    public double estimate(int row, int arm) {
        return estimates[row][column(arm)];
    }

    public double variance(int row, int arm) {
        return variances[row][column(arm)];
    }

    public double stdError(int row, int arm) {
        return Math.sqrt(variance(row, arm));
    }

    /** Two-sided normal confidence interval at {@code level}, e.g. 0.95. */
    public double[] confInt(int row, int arm, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level + ".");
        }
        double z = NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        double se = stdError(row, arm);
        double center = estimate(row, arm);
        return new double[] {center - z * se, center + z * se};
    }

    /** τ̂ of one arm for every row. */
    public double[] column(Arm arm) {
        int c = column(arm.index());
        double[] out = new double[estimates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimates[i][c];
        }
        return out;
    }

    /**
     * The arm with the largest estimated effect at a row (ties to the lowest index); with {@code allowControl},
     * control (effect 0) competes too, so rows where every effect is negative get control.
     */
    public Arm bestArm(int row, boolean allowControl) {
        int best = allowControl ? 0 : 1;
        double value = allowControl ? 0 : estimates[row][0];
        for (int k = 1; k <= estimates[row].length; k++) {
            if (estimates[row][k - 1] > value) {
                best = k;
                value = estimates[row][k - 1];
            }
        }
        return arms.get(best);
    }

    private int column(int arm) {
        if (arm < 1 || arm >= arms.size()) {
            throw new IllegalArgumentException("Arm index must be in 1.." + (arms.size() - 1) + " (0 is the control \""
                    + arms.control().name() + "\", the baseline), got " + arm + ".");
        }
        return arm - 1;
    }

    private static double[][] deepCopy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    private static final List<String> HEADER = List.of("arm", "mean", "sd", "p10", "median", "p90", "mean se",
            "CI excludes 0");

    private List<List<String>> summaryRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Arm arm : arms.treatments()) {
            int c = arm.index() - 1;
            double[] values = new double[estimates.length];
            double seSum = 0;
            int excluding = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = estimates[i][c];
                double se = Math.sqrt(variances[i][c]);
                seSum += se;
                if (Math.abs(values[i]) > 1.959964 * se) {
                    excluding++;
                }
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(values).average().orElse(Double.NaN);
            double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1));
            rows.add(List.of(arm.name(), Fmt.fixed(mean, 4), Fmt.fixed(sd, 4), Fmt.fixed(quantile(sorted, 0.1), 4),
                    Fmt.fixed(quantile(sorted, 0.5), 4), Fmt.fixed(quantile(sorted, 0.9), 4),
                    Fmt.fixed(seSum / values.length, 4), Fmt.pp((double) excluding / values.length, 1) + "%"));
        }
        return rows;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private String title() {
        return "Conditional effects vs " + arms.control().name() + " for " + Fmt.count(estimates.length) + " rows — " + source;
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader(HEADER.toArray(String[]::new));
        summaryRows().forEach(row -> text.row(row.toArray(String[]::new)));
        return title() + "\n" + text + "CI: 95% normal intervals τ̂ ± 1.96·√V̂ (little-bag variance).\n";
    }

    @Override
    public String toHtml() {
        return Html.table(title(), HEADER, summaryRows(), List.of("CI: 95% normal intervals τ̂ ± 1.96·√V̂ (little-bag variance)."));
    }

    /** One row per input row: the row index, then estimate and standard error for each arm. */
    @Override
    public Table table() {
        List<Column<?>> columns = new ArrayList<>();
        IntColumn row = IntColumn.create("row");
        for (int i = 0; i < estimates.length; i++) {
            row.append(i);
        }
        columns.add(row);
        for (Arm arm : arms.treatments()) {
            int c = arm.index() - 1;
            double[] estimate = new double[estimates.length];
            double[] se = new double[estimates.length];
            for (int i = 0; i < estimate.length; i++) {
                estimate[i] = estimates[i][c];
                se[i] = Math.sqrt(variances[i][c]);
            }
            columns.add(DoubleColumn.create("cate: " + arm.name(), estimate));
            columns.add(DoubleColumn.create("se: " + arm.name(), se));
        }
        return Table.create("conditional effects", columns.toArray(Column<?>[]::new));
    }
}
