package dev.tailor.forest;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.List;
import tech.tablesaw.api.Table;

/** Reads forest inputs through the {@link Columns} boundary, so every data error names its column. */
final class Inputs {

    private Inputs() {
    }

    /** Covariates column-major, {@code x[j][i]}. */
    static double[][] covariates(Table table, List<String> names, String estimator) {
        if (names.isEmpty()) {
            throw new DataException("The " + estimator + " needs at least one covariate to split on, got none. Name them "
                    + "with roles.covariates(\"age\", \"tenure\", ...).");
        }
        double[][] x = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            x[j] = Columns.numeric(table, names.get(j), "covariate");
        }
        return x;
    }

    /** The arm catalog: the roles' arms if named, else "control, arm 1..K" from the largest value in the column. */
    static Arms arms(Table table, Roles roles) {
        if (roles.arms().isPresent()) {
            return roles.arms().get();
        }
        double[] raw = Columns.numeric(table, roles.treatment(), "the treatment");
        double max = 0;
        for (int i = 0; i < raw.length; i++) {
            double value = raw[i];
            if (value != Math.rint(value) || value < 0) {
                throw new DataException("Treatment column \"" + roles.treatment() + "\" has value " + value + " in row " + i
                        + "; expected an arm index 0..K (0 = control). Code arms as integers, with 0 for control.");
            }
            max = Math.max(max, value);
        }
        if (max == 0) {
            throw new DataException("Treatment column \"" + roles.treatment() + "\" is 0 (control) in all "
                    + Fmt.count(raw.length) + " rows; a causal forest needs treated and control units. Check that the "
                    + "column holds the assigned arm, or name the arms with roles.arms(...).");
        }
        return Arms.numbered((int) max);
    }

    static void requireRows(int n, int minNodeSize, String estimator) {
        int needed = Math.max(20, 4 * minNodeSize);
        if (n < needed) {
            throw new DataException("The " + estimator + " needs at least " + needed + " rows with minNodeSize " + minNodeSize
                    + ", got " + n + ". Use more data or a smaller minNodeSize.");
        }
    }
}
