package dev.tailor.forest.internal;

/**
 * Ordinary least squares with HC3 standard errors, in plain Java: the normal equations X'X β = X'y are solved by
 * LU with partial pivoting (fine for the handful of well-scaled regressors used here), and the sandwich
 * (X'X)⁻¹ [Σ x_i x_i' e_i² / (1 − h_ii)²] (X'X)⁻¹ uses the leverages h_ii = x_i'(X'X)⁻¹x_i.
 */
public final class Ols {

    private Ols() {
    }

    /**
     * @param coefficients β̂
     * @param stdErrors    HC3 standard errors
     * @param rows         n
     */
    public record Fit(double[] coefficients, double[] stdErrors, int rows) {
    }

    /**
     * @param x design, row-major: {@code x[i]} holds the regressors of row i (include a column of ones for an
     *          intercept)
     * @param y responses
     * @throws IllegalArgumentException when X'X is singular or some row has leverage 1
     */
    public static Fit hc3(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length;
        if (n <= p) {
            throw new IllegalArgumentException("Least squares needs more rows than regressors, got " + n + " rows and "
                    + p + " regressors.");
        }
        double[] gram = new double[p * p];
        double[] cross = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int a = 0; a < p; a++) {
                cross[a] += row[a] * y[i];
                for (int b = a; b < p; b++) {
                    gram[a * p + b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * p + b] = gram[b * p + a];
            }
        }
        double scale = 0;
        for (int a = 0; a < p; a++) {
            scale = Math.max(scale, Math.abs(gram[a * p + a]));
        }
        LinearSystem system = LinearSystem.factor(gram, p, 1e-12 * Math.max(scale, 1e-300));
        if (system == null) {
            throw new IllegalArgumentException("The regressors are collinear (X'X is singular); drop a redundant one.");
        }
        double[] beta = system.solve(cross);
        double[] inverse = system.inverse();
        double[] meat = new double[p * p];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            double fitted = 0;
            for (int a = 0; a < p; a++) {
                fitted += row[a] * beta[a];
            }
            double residual = y[i] - fitted;
            double leverage = 0;
            for (int a = 0; a < p; a++) {
                double sum = 0;
                for (int b = 0; b < p; b++) {
                    sum += inverse[a * p + b] * row[b];
                }
                leverage += row[a] * sum;
            }
            if (!(leverage < 1 - 1e-12)) {
                throw new IllegalArgumentException("Row " + i + " has leverage 1, so HC3 standard errors are undefined.");
            }
            double weight = residual * residual / ((1 - leverage) * (1 - leverage));
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a * p + b] += weight * row[a] * row[b];
                }
            }
        }
        double[] se = new double[p];
        for (int a = 0; a < p; a++) {
            double variance = 0;
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    variance += inverse[a * p + b] * meat[b * p + c] * inverse[c * p + a];
                }
            }
            se[a] = Math.sqrt(Math.max(0, variance));
        }
        return new Fit(beta, se, n);
    }
}
