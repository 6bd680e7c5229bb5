package dev.tailor.welfare;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A reference implementation of the full two-way fixed-effects regression y_it = β_T·T_i·Post_t + β_S·S_i·Post_t +
 * λ_i + θ_t + ε_it, by alternating projections (demean by unit, then by period, until nothing changes) and an OLS
 * of the demeaned y on the two demeaned regressors, with the unit-clustered CR0 covariance. Slow and simple on
 * purpose: it shares no code with the library's collapsed estimator.
 */
final class TwoWayFixedEffects {

    private TwoWayFixedEffects() {
    }

    /** {{β_T, β_S}, {V_TT, V_TS, V_ST, V_SS}}. */
    static double[][] fit(Table panel, String unit, String time, String post, String outcome, String arm, boolean log) {
        int n = panel.rowCount();
        int[] u = new int[n];
        int[] t = new int[n];
        Map<Integer, Integer> units = new HashMap<>();
        Map<Integer, Integer> times = new HashMap<>();
        double[][] columns = new double[3][n];   // y, T·Post, S·Post
        for (int r = 0; r < n; r++) {
            u[r] = units.computeIfAbsent((int) panel.numberColumn(unit).getDouble(r), key -> units.size());
            t[r] = times.computeIfAbsent((int) panel.numberColumn(time).getDouble(r), key -> times.size());
            double y = panel.numberColumn(outcome).getDouble(r);
            columns[0][r] = log ? Math.log(y) : y;
            int a = (int) panel.numberColumn(arm).getDouble(r);
            double p = panel.numberColumn(post).getDouble(r);
            columns[1][r] = a == 1 ? p : 0;
            columns[2][r] = a == 2 ? p : 0;
        }
        for (double[] column : columns) {
            for (int sweep = 0; sweep < 10_000; sweep++) {
                double change = demean(column, u, units.size()) + demean(column, t, times.size());
                if (change < 1e-15) {
                    break;
                }
            }
        }
        double a11 = 0;
        double a12 = 0;
        double a22 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int r = 0; r < n; r++) {
            a11 += columns[1][r] * columns[1][r];
            a12 += columns[1][r] * columns[2][r];
            a22 += columns[2][r] * columns[2][r];
            b1 += columns[1][r] * columns[0][r];
            b2 += columns[2][r] * columns[0][r];
        }
        double det = a11 * a22 - a12 * a12;
        double[][] inverse = {{a22 / det, -a12 / det}, {-a12 / det, a11 / det}};
        double beta1 = inverse[0][0] * b1 + inverse[0][1] * b2;
        double beta2 = inverse[1][0] * b1 + inverse[1][1] * b2;
        double[][] score = new double[units.size()][2];
        for (int r = 0; r < n; r++) {
            double e = columns[0][r] - beta1 * columns[1][r] - beta2 * columns[2][r];
            score[u[r]][0] += columns[1][r] * e;
            score[u[r]][1] += columns[2][r] * e;
        }
        double[][] meat = new double[2][2];
        for (double[] s : score) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    meat[j][k] += s[j] * s[k];
                }
            }
        }
        double[][] v = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    for (int l = 0; l < 2; l++) {
                        v[i][j] += inverse[i][k] * meat[k][l] * inverse[l][j];
                    }
                }
            }
        }
        return new double[][] {{beta1, beta2}, {v[0][0], v[0][1], v[1][0], v[1][1]}};
    }

    /** Subtracts group means in place; returns the largest absolute mean removed. */
    private static double demean(double[] column, int[] group, int groups) {
        double[] sum = new double[groups];
        double[] count = new double[groups];
        for (int r = 0; r < column.length; r++) {
            sum[group[r]] += column[r];
            count[group[r]]++;
        }
        double change = 0;
        for (int g = 0; g < groups; g++) {
            sum[g] /= count[g];
            change = Math.max(change, Math.abs(sum[g]));
        }
        for (int r = 0; r < column.length; r++) {
            column[r] -= sum[group[r]];
        }
        return change;
    }
}
