package dev.tailor.welfare;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The checked arrays of a U/T/S encouragement design: outcome W, arm Z (0 U, 1 T, 2 S), take-up D and group codes.
 * Take-up must be 0 in U and 1 in T (one-sided compliance by design, which gives monotonicity D_T ≥ D_S ≥ D_U).
 */
record ThreeArmData(String tableName, String outcomeName, double[] outcome, int[] arm, int[] takeUp, int[] group,
                    List<String> groupLabels) {

    static final List<String> ARM_NAMES = List.of("U", "T", "S");

    static ThreeArmData read(Table data, LateRoles roles) {
        double[] w = Columns.numeric(data, roles.outcome(), "the outcome");
        double[] rawArm = Columns.numeric(data, roles.arm(), "the arm: 0 U, 1 T, 2 S");
        double[] rawTakeUp = Columns.numeric(data, roles.takeUp(), "take-up, 0/1");
        int n = w.length;
        int[] arm = new int[n];
        int[] takeUp = new int[n];
        for (int i = 0; i < n; i++) {
            double a = rawArm[i];
            if (a != 0 && a != 1 && a != 2) {
                throw new DataException("Arm column \"" + roles.arm() + "\" has value " + a + " in row " + i + " of table \""
                        + data.name() + "\"; expected 0 (U, untreated), 1 (T, enrolled) or 2 (S, asked to opt in).");
            }
            double d = rawTakeUp[i];
            if (d != 0 && d != 1) {
                throw new DataException("Take-up column \"" + roles.takeUp() + "\" has value " + d + " in row " + i
                        + " of table \"" + data.name() + "\"; expected 0 or 1.");
            }
            arm[i] = (int) a;
            takeUp[i] = (int) d;
        }
        checkCompliance(data.name(), roles.takeUp(), arm, takeUp, 0, 1);
        checkCompliance(data.name(), roles.takeUp(), arm, takeUp, 1, 0);
        int[] group = new int[n];
        List<String> labels = List.of();
        if (roles.groups().isPresent()) {
            Columns.Groups groups = Columns.groups(data, roles.groups().get(), "the groups");
            group = groups.codes();
            labels = groups.labels();
        }
        return new ThreeArmData(data.name(), roles.outcome(), w, arm, takeUp, group, labels);
    }

    private static void checkCompliance(String table, String column, int[] arm, int[] takeUp, int z, int forbidden) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < arm.length; i++) {
            if (arm[i] == z && takeUp[i] == forbidden) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (count > 0) {
            throw new DataException("Take-up column \"" + column + "\" is " + forbidden + " for " + Fmt.count(count)
                    + " households in arm " + ARM_NAMES.get(z) + " of table \"" + table + "\" (first row " + first + "); "
                    + "in this design take-up is 0 in U and 1 in T. Check that the arm is coded 0 U, 1 T, 2 S and that take-up "
                    + "is participation, not an outcome.");
        }
    }

    int size() {
        return outcome.length;
    }
}
