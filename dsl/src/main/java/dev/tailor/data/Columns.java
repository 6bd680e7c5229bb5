package dev.tailor.data;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one boundary where Tablesaw columns become arrays for the estimators. Every check that a researcher can
 * trip (missing column, wrong type, missing value, an arm with no units) happens here, with a message that
 * names the column, the role it plays and what to do.
 */
public final class Columns {

    private Columns() {
    }

    /** The column, or an error that suggests the nearest name and lists the columns that exist. */
    public static Column<?> require(Table table, String name, String role) {
        if (table.containsColumn(name)) {
            return table.column(name);
        }
        List<String> names = table.columnNames();
        String nearest = names.stream()
                .min(Comparator.comparingInt(candidate -> editDistance(candidate.toLowerCase(), name.toLowerCase())))
                .orElse(null);
        String suggestion = nearest != null && editDistance(nearest.toLowerCase(), name.toLowerCase()) <= Math.max(2, name.length() / 3)
                ? " Did you mean \"" + nearest + "\"?" : "";
        throw new DataException("Column \"" + name + "\" (" + role + ") not found in table \"" + table.name() + "\" ("
                + names.size() + " columns)." + suggestion + " Available: " + String.join(", ", names) + ".");
    }

    /**
     * The column as doubles; booleans become 0/1. Fails on a text column and on any missing value, giving the
     * count and the first row, because estimators never impute silently.
     */
    public static double[] numeric(Table table, String name, String role) {
        Column<?> column = require(table, name, role);
        double[] values = new double[column.size()];
        if (column instanceof BooleanColumn bools) {
            for (int i = 0; i < values.length; i++) {
                if (bools.isMissing(i)) {
                    throw missing(table, name, role, countMissing(column), i);
                }
                values[i] = bools.get(i) ? 1.0 : 0.0;
            }
            return values;
        }
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw new DataException("Column \"" + name + "\" (" + role + ") is a " + column.type().name()
                    + " column, not a number column. Convert it explicitly (for example with parseDouble into a "
                    + "DoubleColumn); Tailor does not read text as numbers.");
        }
        for (int i = 0; i < values.length; i++) {
            double value = numbers.getDouble(i);
            if (Double.isNaN(value) || numbers.isMissing(i)) {
                throw missing(table, name, role, countMissing(column), i);
            }
            if (Double.isInfinite(value)) {
                throw new DataException("Column \"" + name + "\" (" + role + ") has an infinite value in row " + i
                        + ". Remove or cap it before estimating.");
            }
            values[i] = value;
        }
        return values;
    }

    /**
     * The treatment column as arm indices 0..K, checked against the arms: integer values only, inside the
     * catalog, and every arm with at least one unit.
     */
    public static int[] treatment(Table table, String name, Arms arms) {
        double[] raw = numeric(table, name, "the treatment");
        int[] arm = new int[raw.length];
        long[] counts = new long[arms.size()];
        for (int i = 0; i < raw.length; i++) {
            double value = raw[i];
            if (value != Math.rint(value) || value < 0 || value >= arms.size()) {
                throw new DataException("Treatment column \"" + name + "\" has value " + value + " in row " + i
                        + "; expected an arm index 0.." + (arms.size() - 1) + " (0 = " + arms.control().name()
                        + "). Code arms as integers, with 0 for control.");
            }
            arm[i] = (int) value;
            counts[arm[i]]++;
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new DataException("Arm \"" + arms.get(k).name() + "\" (index " + k + ") has no units in column \""
                        + name + "\" of table \"" + table.name() + "\" (" + Fmt.count(raw.length)
                        + " rows). Drop the arm from the catalog or check the assignment.");
            }
        }
        return arm;
    }

    /**
     * Group codes 0..G-1 for a categorical column (strata, clusters), in the sorted order of its distinct values,
     * with the value each code stands for.
     */
    public static Groups groups(Table table, String name, String role) {
        Column<?> column = require(table, name, role);
        if (column.countMissing() > 0) {
            int first = 0;
            while (!column.isMissing(first)) {
                first++;
            }
            throw missing(table, name, role, column.countMissing(), first);
        }
        TreeMap<String, Integer> codes = new TreeMap<>();
        String[] values = new String[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.getString(i);
            codes.putIfAbsent(values[i], 0);
        }
        List<String> labels = new ArrayList<>(codes.keySet());
        for (int g = 0; g < labels.size(); g++) {
            codes.put(labels.get(g), g);
        }
        int[] code = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            code[i] = codes.get(values[i]);
        }
        return new Groups(name, code, labels);
    }

    /** Categorical codes of a column: {@code codes[i]} indexes {@code labels}. */
    public record Groups(String column, int[] codes, List<String> labels) {

        public Groups {
            codes = codes.clone();
            labels = List.copyOf(labels);
        }

        @Override
        public int[] codes() {
            return codes.clone();
        }

        public int count() {
            return labels.size();
        }
    }


    private static int countMissing(Column<?> column) {
        int count = column.countMissing();
        // Tablesaw counts NaN as missing in double columns; keep at least the row we found.
        return Math.max(count, 1);
    }

    private static DataException missing(Table table, String name, String role, int count, int firstRow) {
        return new DataException("Column \"" + name + "\" (" + role + ") has " + Fmt.count(count)
                + " missing values (NaN) in " + Fmt.count(table.rowCount()) + " rows; the first is row " + firstRow
                + ". Tailor does not impute: drop those rows or fill them first, e.g. table.dropWhere(table.numberColumn(\""
                + name + "\").isMissing()).");
    }

    // Levenshtein distance, for "did you mean" suggestions on short column names.
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
