package dev.tailor.coarse;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * An n × (M+1) matrix of predicted values, one row per unit and one column per treatment, column 0 being the
 * null treatment (no promotion, no message). Coarse personalization chooses a few columns and a column per row.
 *
 * <p>Column 0 is usually 0 (values are incremental over the null, e.g. estimated CATEs on profit) but any finite
 * values work: a constant added to a row changes no choice, so total predicted profit per treatment is fine too.
 * Immutable; stored column by column, so scanning a treatment's values is a contiguous pass.
 *
 * <pre>{@code
 * ValueMatrix values = ValueMatrix.of(oracle.incrementalProfits(), oracle.arms().names());
 * ValueMatrix fromTable = ValueMatrix.of(scores, "none", "5%/3d", "5%/7d");   // numeric columns, null first
 * }</pre>
 */
public final class ValueMatrix {

    private final double[][] columns;   // columns[t][i]
    private final List<String> names;

    private ValueMatrix(double[][] columns, List<String> names) {
        this.columns = columns;
        this.names = List.copyOf(names);
    }

    /**
     * Values given row by row (each row: null first, then treatments 1..M); columns are named "none",
     * "treatment 1", …, "treatment M". Rows must all have the same length, at least 2, and finite values.
     */
    public static ValueMatrix of(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int width = rows.length == 0 || rows[0] == null ? 0 : rows[0].length;
        List<String> names = new ArrayList<>();
        names.add("none");
        for (int t = 1; t < width; t++) {
            names.add("treatment " + t);
        }
        return of(rows, names);
    }

    /**
     * Incremental values from effect estimates: {@code effects[i][k-1]} is the effect of treatment k against the
     * null for row i (the shape of a causal forest's {@code cate()}); the null column is 0.
     */
    public static ValueMatrix ofEffects(double[][] effects, Arms arms) {
        Objects.requireNonNull(effects, "effects");
        double[][] rows = new double[effects.length][];
        for (int i = 0; i < effects.length; i++) {
            if (effects[i] == null || effects[i].length != arms.size() - 1) {
                throw new DataException("Row " + i + " of the effects has " + (effects[i] == null ? "no" : effects[i].length)
                        + " values but the arms have " + (arms.size() - 1) + " treatments besides " + arms.control().name() + ".");
            }
            rows[i] = new double[arms.size()];
            System.arraycopy(effects[i], 0, rows[i], 1, effects[i].length);
        }
        return of(rows, arms.names());
    }

    /** Values given row by row, with one name per column (the null treatment's name first). */
    public static ValueMatrix of(double[][] rows, List<String> names) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(names, "names");
        if (rows.length == 0) {
            throw new DataException("A value matrix needs at least 1 row, got none. Pass one row of predicted values "
                    + "per unit.");
        }
        int width = names.size();
        if (width < 2) {
            throw new DataException("A value matrix needs the null column and at least 1 treatment column, got "
                    + width + " column name(s): " + names + ".");
        }
        double[][] columns = new double[width][rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null || row.length != width) {
                throw new DataException("Row " + i + " of the value matrix has " + (row == null ? "no" : row.length)
                        + " values but there are " + width + " columns (" + names.get(0) + ", " + names.get(1)
                        + ", …). Every row needs one value per treatment, the null first.");
            }
            for (int t = 0; t < width; t++) {
                columns[t][i] = row[t];
            }
        }
        checkFinite(columns, names);
        return new ValueMatrix(columns, names);
    }

    /**
     * The named numeric columns of a table, the null treatment's column first; missing values and text columns
     * are reported by column name and row.
     */
    public static ValueMatrix of(Table table, String... columnNames) {
        Objects.requireNonNull(table, "table");
        if (columnNames.length < 2) {
            throw new DataException("Name the null column and at least 1 treatment column of table \"" + table.name()
                    + "\", got " + columnNames.length + ": " + List.of(columnNames) + ".");
        }
        double[][] columns = new double[columnNames.length][];
        for (int t = 0; t < columnNames.length; t++) {
            columns[t] = Columns.numeric(table, columnNames[t], t == 0 ? "the null treatment's value" : "a treatment value");
        }
        return new ValueMatrix(columns, List.of(columnNames));
    }

    private static void checkFinite(double[][] columns, List<String> names) {
        for (int t = 0; t < columns.length; t++) {
            double[] column = columns[t];
            for (int i = 0; i < column.length; i++) {
                if (!Double.isFinite(column[i])) {
                    int bad = 0;
                    for (double v : column) {
                        bad += Double.isFinite(v) ? 0 : 1;
                    }
                    throw new DataException("The value matrix has " + (Double.isNaN(column[i]) ? "NaN" : column[i])
                            + " at row " + i + ", column " + t + " (\"" + names.get(t) + "\"); that column has " + bad
                            + " non-finite value(s) in " + Fmt.count(column.length) + " rows. Predicted values must be "
                            + "finite: impute them or drop those rows before choosing treatments.");
                }
            }
        }
    }

    /** Number of rows (units) n. */
    public int rows() {
        return columns[0].length;
    }

    /** Number of treatments M, the null not counted. */
    public int treatments() {
        return columns.length - 1;
    }

    /** Number of columns M + 1. */
    public int columns() {
        return columns.length;
    }

    /** The value of treatment t (0 = null) for row i. */
    public double get(int i, int t) {
        return columns[t][i];
    }

    /** The column names, the null's first. */
    public List<String> names() {
        return names;
    }

    /** The name of column t. */
    public String name(int t) {
        return names.get(t);
    }

    /** Column t as a fresh array. */
    public double[] column(int t) {
        return columns[t].clone();
    }

    /** Column t without a copy, for the solvers of this package; never write to it. */
    double[] columnView(int t) {
        return columns[t];
    }

    /** The mean of column t: the value of giving every row treatment t. */
    public double mean(int t) {
        double sum = 0;
        for (double v : columns[t]) {
            sum += v;
        }
        return sum / rows();
    }

    /** The column with the largest value in each row, over all M+1 columns (ties to the lowest index). */
    public int[] argmax() {
        int n = rows();
        int[] best = new int[n];
        for (int t = 1; t < columns.length; t++) {
            double[] column = columns[t];
            for (int i = 0; i < n; i++) {
                if (column[i] > columns[best[i]][i]) {
                    best[i] = t;
                }
            }
        }
        return best;
    }

    /** The mean of each row's value under an assignment of one column per row. */
    public double value(int[] assignment) {
        if (assignment.length != rows()) {
            throw new IllegalArgumentException("An assignment needs one column per row (" + Fmt.count(rows()) + "), got "
                    + Fmt.count(assignment.length) + ".");
        }
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            int t = assignment[i];
            if (t < 0 || t >= columns.length) {
                throw new IllegalArgumentException("The assignment gives column " + t + " to row " + i + "; columns are 0.."
                        + treatments() + ".");
            }
            sum += columns[t][i];
        }
        return sum / rows();
    }

    @Override
    public String toString() {
        return "ValueMatrix[" + Fmt.count(rows()) + " rows × " + columns() + " columns: " + String.join(", ", names) + "]";
    }
}
