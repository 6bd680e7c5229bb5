package dev.tailor.welfare;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A balanced unit × period panel collapsed to one row per unit: Δ_i = mean over post periods of y_it − mean over
 * pre periods. In a balanced panel whose post periods are common to all units, OLS of Δ_i on [1, T_i, S_i]
 * reproduces the two-way fixed-effects coefficients of y_it on T_i·Post_t and S_i·Post_t exactly, and its HC0
 * covariance is the unit-clustered CR0 covariance.
 *
 * @param unitIds      the unit identifiers, in order of first appearance
 * @param arm          0 U, 1 T, 2 S per unit
 * @param takeUp       D per unit, or null without a take-up role
 * @param delta        Δ_i
 * @param periods      distinct periods T
 * @param postPeriods  periods with post = 1
 * @param observations panel rows N
 * @param rowUnit      per row: the unit's index 0..G−1
 * @param rowPeriod    per row: the period's index 0..T−1
 * @param rowPost      per row: post (0/1)
 * @param rowY         per row: the outcome on the fitted scale (logged for LOG)
 */
record PanelData(String tableName, double[] unitIds, int[] arm, int[] takeUp, double[] delta, int periods, int postPeriods,
                 int observations, int[] rowUnit, int[] rowPeriod, int[] rowPost, double[] rowY) {

    static PanelData read(Table panel, PanelRoles roles, OutcomeScale scale) {
        double[] unit = Columns.numeric(panel, roles.unit(), "the unit (cluster)");
        double[] time = Columns.numeric(panel, roles.time(), "the period");
        double[] post = Columns.numeric(panel, roles.post(), "the post indicator, 0/1");
        double[] y = Columns.numeric(panel, roles.outcome(), "the outcome");
        double[] arm = Columns.numeric(panel, roles.arm(), "the arm: 0 U, 1 T, 2 S");
        double[] takeUp = roles.takeUp().isPresent() ? Columns.numeric(panel, roles.takeUp().get(), "take-up, 0/1") : null;
        int rows = unit.length;
        String name = panel.name();
        Map<Double, Integer> units = new HashMap<>();
        Map<Double, Integer> times = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            units.putIfAbsent(unit[r], units.size());
            times.putIfAbsent(time[r], times.size());
        }
        int g = units.size();
        int t = times.size();
        if ((long) g * t != rows) {
            throw new DataException("Table \"" + name + "\" is not a balanced panel: " + Fmt.count(rows) + " rows for "
                    + Fmt.count(g) + " units × " + Fmt.count(t) + " periods = " + Fmt.count((long) g * t) + ". Keep every "
                    + "unit's full set of periods (or drop incomplete units) before fitting.");
        }
        int[] postOf = new int[t];
        java.util.Arrays.fill(postOf, -1);
        BitSet seen = new BitSet(rows);
        double[] unitIds = new double[g];
        int[] unitArm = new int[g];
        int[] unitTakeUp = takeUp == null ? null : new int[g];
        java.util.Arrays.fill(unitArm, -1);
        int[] rowUnit = new int[rows];
        int[] rowPeriod = new int[rows];
        int[] rowPost = new int[rows];
        double[] rowY = new double[rows];
        double[] preSum = new double[g];
        double[] postSum = new double[g];
        for (int r = 0; r < rows; r++) {
            int i = units.get(unit[r]);
            int s = times.get(time[r]);
            if (seen.get(i * t + s)) {
                throw new DataException("Unit " + Fmt.fixed(unit[r], 0) + " has period " + time[r] + " twice in table \"" + name
                        + "\" (row " + r + "); a panel has one row per unit and period. Aggregate or deduplicate first.");
            }
            seen.set(i * t + s);
            if (post[r] != 0 && post[r] != 1) {
                throw new DataException("Post column \"" + roles.post() + "\" has value " + post[r] + " in row " + r
                        + " of table \"" + name + "\"; expected 0 (before) or 1 (treatment period).");
            }
            int p = (int) post[r];
            if (postOf[s] == -1) {
                postOf[s] = p;
            } else if (postOf[s] != p) {
                throw new DataException("Period " + time[r] + " is post = " + p + " in row " + r + " but post = " + postOf[s]
                        + " for another unit of table \"" + name + "\"; the treatment period must be common to all units.");
            }
            double a = arm[r];
            if (a != 0 && a != 1 && a != 2) {
                throw new DataException("Arm column \"" + roles.arm() + "\" has value " + a + " in row " + r + " of table \""
                        + name + "\"; expected 0 (U), 1 (T) or 2 (S).");
            }
            if (unitArm[i] == -1) {
                unitIds[i] = unit[r];
                unitArm[i] = (int) a;
                if (unitTakeUp != null) {
                    unitTakeUp[i] = (int) takeUp[r];
                }
            } else if (unitArm[i] != (int) a) {
                throw new DataException("Unit " + Fmt.fixed(unit[r], 0) + " has arm " + unitArm[i] + " and arm " + (int) a
                        + " (row " + r + ") in table \"" + name + "\"; the arm must be constant within a unit.");
            }
            if (unitTakeUp != null && (takeUp[r] != unitTakeUp[i] || (takeUp[r] != 0 && takeUp[r] != 1))) {
                throw new DataException("Take-up of unit " + Fmt.fixed(unit[r], 0) + " is " + takeUp[r] + " in row " + r
                        + " of table \"" + name + "\"; take-up must be 0 or 1 and constant within a unit.");
            }
            double value = y[r];
            if (scale == OutcomeScale.LOG) {
                if (!(value > 0)) {
                    throw new DataException("Outcome \"" + roles.outcome() + "\" is " + value + " in row " + r + " of table \""
                            + name + "\"; its log is undefined. Use OutcomeScale.LEVEL, or add a small positive floor to "
                            + "zero usage first.");
                }
                value = Math.log(value);
            }
            rowUnit[r] = i;
            rowPeriod[r] = s;
            rowPost[r] = p;
            rowY[r] = value;
            if (p == 1) {
                postSum[i] += value;
            } else {
                preSum[i] += value;
            }
        }
        int postPeriods = 0;
        for (int p : postOf) {
            postPeriods += p;
        }
        if (postPeriods == 0 || postPeriods == t) {
            throw new DataException("Table \"" + name + "\" has " + (postPeriods == 0 ? "no" : "only") + " post periods ("
                    + postPeriods + " of " + t + "); the ITT compares the treatment period with the periods before it.");
        }
        double[] delta = new double[g];
        for (int i = 0; i < g; i++) {
            delta[i] = postSum[i] / postPeriods - preSum[i] / (t - postPeriods);
        }
        return new PanelData(name, unitIds, unitArm, unitTakeUp, delta, t, postPeriods, rows, rowUnit, rowPeriod, rowPost, rowY);
    }

    int units() {
        return delta.length;
    }
}
