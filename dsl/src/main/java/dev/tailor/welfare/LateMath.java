package dev.tailor.welfare;

import dev.tailor.data.DataException;
import dev.tailor.estimate.RobustSe;
import dev.tailor.render.Fmt;

/** The Wald ratios, delta-method and 2SLS variances of {@link Late}, on the rows of one group. */
final class LateMath {

    private LateMath() {
    }

    /** Per-arm sums of one group: counts, means and (n − 1) variances of W, and D̄_S and cov_S(W, D). */
    record Cells(int[] n, double[] mean, double[] variance, double takeUp, double covarianceS) {
    }

    static Cells cells(ThreeArmData data, boolean[] in, String groupName) {
        int[] n = new int[3];
        double[] sum = new double[3];
        double takers = 0;
        for (int i = 0; i < data.size(); i++) {
            if (in[i]) {
                int z = data.arm()[i];
                n[z]++;
                sum[z] += data.outcome()[i];
                if (z == 2) {
                    takers += data.takeUp()[i];
                }
            }
        }
        for (int z = 0; z < 3; z++) {
            if (n[z] < 2) {
                throw new DataException("Group \"" + groupName + "\" has " + n[z] + " household" + (n[z] == 1 ? "" : "s")
                        + " in arm " + ThreeArmData.ARM_NAMES.get(z) + " of table \"" + data.tableName() + "\"; the LATEs need "
                        + "at least 2 per arm and group for their variances (group sizes U/T/S: " + n[0] + "/" + n[1] + "/"
                        + n[2] + "). Merge groups or use more data.");
            }
        }
        double[] mean = new double[3];
        for (int z = 0; z < 3; z++) {
            mean[z] = sum[z] / n[z];
        }
        double p = takers / n[2];
        double[] squares = new double[3];
        double cross = 0;
        for (int i = 0; i < data.size(); i++) {
            if (in[i]) {
                int z = data.arm()[i];
                double dev = data.outcome()[i] - mean[z];
                squares[z] += dev * dev;
                if (z == 2) {
                    cross += dev * (data.takeUp()[i] - p);
                }
            }
        }
        double[] variance = new double[3];
        for (int z = 0; z < 3; z++) {
            variance[z] = squares[z] / (n[z] - 1);
        }
        return new Cells(n, mean, variance, p, cross / (n[2] - 1));
    }

    static LateGroup group(String name, ThreeArmData data, boolean[] in, RobustSe errors) {
        Cells c = cells(data, in, name);
        int[] n = c.n();
        double[] m = c.mean();
        double[] v = c.variance();
        double p = c.takeUp();
        double varP = p * (1 - p) / n[2];
        double cov = c.covarianceS() / n[2];
        Estimate takeUp = new Estimate(p, Math.sqrt(varP));
        Estimate ittT = new Estimate(m[1] - m[0], Math.sqrt(v[1] / n[1] + v[0] / n[0]));
        Estimate ittS = new Estimate(m[2] - m[0], Math.sqrt(v[2] / n[2] + v[0] / n[0]));
        Estimate takers = ratio(m[2] - m[0], p, v[2] / n[2] + v[0] / n[0], varP, cov);
        Estimate nonTakers = ratio(m[1] - m[2], 1 - p, v[1] / n[1] + v[2] / n[2], varP, cov);
        Estimate takersTsls = tsls(data, in, 0, 2, errors);
        Estimate nonTakersTsls = tsls(data, in, 1, 2, errors);
        return new LateGroup(name, n[0], n[1], n[2], takeUp, ittT, ittS, takers, nonTakers, takersTsls, nonTakersTsls);
    }

    /**
     * R = N/P with Var(R) ≈ [Var(N) − 2R·Cov(N, P) + R²·Var(P)]/P²; NaN when P = 0 (nobody, or everybody, took up).
     */
    static Estimate ratio(double numerator, double denominator, double varN, double varP, double cov) {
        if (denominator == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double r = numerator / denominator;
        double variance = (varN - 2 * r * cov + r * r * varP) / (denominator * denominator);
        return new Estimate(r, Math.sqrt(Math.max(variance, 0)));
    }

    /**
     * Just-identified 2SLS of W on [1, D] with instruments [1, 1{Z = instrumented}], on the group's units in arms
     * {@code other} and {@code instrumented}: β = (Z'X)⁻¹Z'y, V = (Z'X)⁻¹(Σ e²zz')(X'Z)⁻¹, times n/(n − 2) for
     * HC1. Returns the coefficient of D; NaN when take-up does not differ between the two arms.
     */
    static Estimate tsls(ThreeArmData data, boolean[] in, int first, int second, RobustSe errors) {
        // Instrument: 1 for the arm with the higher take-up (S against U, T against S).
        int instrumented = first == 0 ? second : first;
        double a00 = 0;
        double a01 = 0;
        double a10 = 0;
        double a11 = 0;
        double b0 = 0;
        double b1 = 0;
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            int z = data.arm()[i];
            if (!in[i] || (z != first && z != second)) {
                continue;
            }
            double zi = z == instrumented ? 1 : 0;
            double d = data.takeUp()[i];
            double y = data.outcome()[i];
            a00 += 1;
            a01 += d;
            a10 += zi;
            a11 += zi * d;
            b0 += y;
            b1 += zi * y;
            n++;
        }
        double det = a00 * a11 - a01 * a10;
        if (Math.abs(det) < 1e-12 * Math.max(1, a00 * a00)) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        // Inverse of A = Z'X (rows: instruments, columns: regressors).
        double i00 = a11 / det;
        double i01 = -a01 / det;
        double i10 = -a10 / det;
        double i11 = a00 / det;
        double alpha = i00 * b0 + i01 * b1;
        double beta = i10 * b0 + i11 * b1;
        double m00 = 0;
        double m01 = 0;
        double m11 = 0;
        for (int i = 0; i < data.size(); i++) {
            int z = data.arm()[i];
            if (!in[i] || (z != first && z != second)) {
                continue;
            }
            double zi = z == instrumented ? 1 : 0;
            double e = data.outcome()[i] - alpha - beta * data.takeUp()[i];
            double e2 = e * e;
            m00 += e2;
            m01 += e2 * zi;
            m11 += e2 * zi * zi;
        }
        // V = A⁻¹ M A⁻ᵀ; the slope's variance is row 1 of A⁻¹ times M times its transpose.
        double variance = i10 * i10 * m00 + 2 * i10 * i11 * m01 + i11 * i11 * m11;
        if (errors == RobustSe.HC1) {
            variance *= (double) n / (n - 2);
        }
        return new Estimate(beta, Math.sqrt(variance));
    }

    static String describe(int[] n) {
        return Fmt.count(n[0]) + "/" + Fmt.count(n[1]) + "/" + Fmt.count(n[2]);
    }
}
