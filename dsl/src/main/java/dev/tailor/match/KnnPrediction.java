package dev.tailor.match;

import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.policy.Policy;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * kNN estimates for a set of rows: μ̂_a for every arm, the CATEs τ̂_a = μ̂_a − μ̂_0 of the treatments 1..K with
 * their variances V̂_a = s_a²/k + s_0²/k, and the best treatment per row. Immutable; arrays are copied on the way
 * out. Rows of the training table carry leave-one-out estimates; rows of new data do not need them.
 */
public final class KnnPrediction implements Rendered {

    private final String title;
    private final Arms arms;
    private final int k;
    private final double[][] mu;       // n × (K+1)
    private final double[][] variance; // s_a² / m_a, n × (K+1); NaN when m_a < 2
    private final List<String> notes;

    KnnPrediction(String title, Arms arms, int k, double[][] mu, double[][] variance, List<String> notes) {
        this.title = title;
        this.arms = arms;
        this.k = k;
        this.mu = mu;
        this.variance = variance;
        this.notes = List.copyOf(notes);
    }

    /** Rows predicted. */
    public int n() {
        return mu.length;
    }

    /** The arm catalog, control first. */
    public Arms arms() {
        return arms;
    }

    /** Neighbours per arm. */
    public int k() {
        return k;
    }

    /** μ̂_a(x_i), the mean outcome of the k nearest units of arm a: n × (K + 1), control in column 0. */
    public double[][] mu() {
        return copy(mu);
    }

    /** τ̂_a(x_i) = μ̂_a(x_i) − μ̂_0(x_i) for the treatments a = 1..K: n × K (column a − 1 is arm a). */
    public double[][] cate() {
        double[][] tau = new double[mu.length][arms.size() - 1];
        for (int i = 0; i < mu.length; i++) {
            for (int a = 1; a < arms.size(); a++) {
                tau[i][a - 1] = mu[i][a] - mu[i][0];
            }
        }
        return tau;
    }

    /**
     * V̂_a(x_i) = s_a²(x_i)/k + s_0²(x_i)/k, n × K, with s² the ddof = 1 variance of the neighbours' outcomes. It
     * treats the neighbour sets as independent samples and ignores matching bias. NaN when k = 1.
     */
    public double[][] variance() {
        double[][] v = new double[mu.length][arms.size() - 1];
        for (int i = 0; i < mu.length; i++) {
            for (int a = 1; a < arms.size(); a++) {
                v[i][a - 1] = variance[i][a] + variance[i][0];
            }
        }
        return v;
    }

    /** √V̂_a(x_i), n × K. */
    public double[][] stdErrors() {
        double[][] v = variance();
        for (double[] row : v) {
            for (int a = 0; a < row.length; a++) {
                row[a] = Math.sqrt(row[a]);
            }
        }
        return v;
    }

    /**
     * The treatment with the largest τ̂ for each row, as an arm index 1..K (ties to the lowest index): the
     * personalized rule π̂_NN among the treatments. It never picks control, as in Phase 2 where every treated unit
     * gets a message.
     */
    public int[] bestArms() {
        int[] best = new int[mu.length];
        for (int i = 0; i < mu.length; i++) {
            int arg = 1;
            for (int a = 2; a < arms.size(); a++) {
                if (mu[i][a] > mu[i][arg]) {
                    arg = a;
                }
            }
            best[i] = arg;
        }
        return best;
    }

    /** {@link #bestArms()} as a named {@link Policy} over these rows, for evaluation and comparison. */
    public Policy policy(String name) {
        return Policy.fromAssignments(bestArms(), name).withArms(arms);
    }

    /** Remarks about these estimates (dropped covariates, short arms), also printed under the summary. */
    public List<String> notes() {
        return notes;
    }

    /** One row per unit: the best arm, then μ̂ of every arm, τ̂ and its SE for every treatment. */
    @Override
    public Table table() {
        int n = mu.length;
        int[] best = bestArms();
        StringColumn bestName = StringColumn.create("best_arm");
        for (int i = 0; i < n; i++) {
            bestName.append(arms.get(best[i]).name());
        }
        Table table = Table.create(title, IntColumn.indexColumn("row", n, 0), bestName);
        double[][] tau = cate();
        double[][] se = stdErrors();
        for (int a = 0; a < arms.size(); a++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = mu[i][a];
            }
            table.addColumns(DoubleColumn.create("mu " + arms.get(a).name(), column));
        }
        for (int a = 1; a < arms.size(); a++) {
            double[] t = new double[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = tau[i][a - 1];
                s[i] = se[i][a - 1];
            }
            table.addColumns(DoubleColumn.create("tau " + arms.get(a).name(), t), DoubleColumn.create("se " + arms.get(a).name(), s));
        }
        return table;
    }

    /** Per treatment: mean, SD and range of τ̂ over the rows, mean SE, and the share of rows for which it is best. */
    public Table summary() {
        double[][] stats = summaryStats();
        StringColumn arm = StringColumn.create("arm");
        String[] names = {"mean_cate", "sd_cate", "min_cate", "max_cate", "mean_se", "share_best"};
        DoubleColumn[] columns = new DoubleColumn[names.length];
        for (int c = 0; c < names.length; c++) {
            columns[c] = DoubleColumn.create(names[c]);
        }
        for (Arm a : arms.treatments()) {
            arm.append(a.name());
            for (int c = 0; c < names.length; c++) {
                columns[c].append(stats[a.index() - 1][c]);
            }
        }
        Table table = Table.create(title, arm);
        table.addColumns(columns);
        return table;
    }

    // Per treatment: mean, sd, min, max of τ̂, mean SE, share best.
    private double[][] summaryStats() {
        double[][] tau = cate();
        double[][] se = stdErrors();
        int[] bestArm = bestArms();
        int n = mu.length;
        double[][] stats = new double[arms.size() - 1][];
        for (int c = 0; c < stats.length; c++) {
            double sum = 0;
            double sumSe = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int wins = 0;
            for (int i = 0; i < n; i++) {
                sum += tau[i][c];
                sumSe += se[i][c];
                lo = Math.min(lo, tau[i][c]);
                hi = Math.max(hi, tau[i][c]);
                wins += bestArm[i] == c + 1 ? 1 : 0;
            }
            double m = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (tau[i][c] - m) * (tau[i][c] - m);
            }
            stats[c] = new double[] {m, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, lo, hi, sumSe / n, (double) wins / n};
        }
        return stats;
    }

    String title() {
        return title;
    }

    List<List<String>> summaryRows() {
        double[][] stats = summaryStats();
        List<List<String>> rows = new ArrayList<>();
        for (Arm a : arms.treatments()) {
            double[] s = stats[a.index() - 1];
            rows.add(List.of(a.name(), sig(s[0]), sig(s[1]), sig(s[2]), sig(s[3]), sig(s[4]), Fmt.fixed(100 * s[5], 1) + "%"));
        }
        return rows;
    }

    static final List<String> SUMMARY_HEADER = List.of("arm", "mean τ̂", "sd τ̂", "min τ̂", "max τ̂", "mean SE", "best for");

    static String sig(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    static String text(List<String> header, List<List<String>> rows) {
        TextTable text = TextTable.withHeader(header.toArray(String[]::new));
        for (List<String> row : rows) {
            text.row(row.toArray(String[]::new));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(title).append('\n').append('\n');
        out.append(text(SUMMARY_HEADER, summaryRows()));
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        return Html.table(title, SUMMARY_HEADER, summaryRows(), notes);
    }

    private static double[][] copy(double[][] matrix) {
        double[][] out = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = matrix[i].clone();
        }
        return out;
    }
}
