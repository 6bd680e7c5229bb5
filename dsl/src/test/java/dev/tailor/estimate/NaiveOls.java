package dev.tailor.estimate;

/**
 * A deliberately naive reference OLS for tests: a dense n × k design with raw (uncentered) columns, (X'X)⁻¹ by
 * Gauss–Jordan elimination with partial pivoting, the full n × n hat matrix for the leverages, and the sandwich
 * written out entry by entry. It shares no code with {@link OlsFitter}; use it on small n only.
 */
final class NaiveOls {

    final double[] beta;
    final double[][] vcov;
    final double[] leverage;

    NaiveOls(double[][] x, double[] y, RobustSe se) {
        int n = x.length;
        int k = x[0].length;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int i = 0; i < n; i++) {
                    xtx[a][b] += x[i][a] * x[i][b];
                }
            }
            for (int i = 0; i < n; i++) {
                xty[a] += x[i][a] * y[i];
            }
        }
        double[][] inv = invert(xtx);
        beta = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                beta[a] += inv[a][b] * xty[b];
            }
        }
        // Hat matrix H = X (X'X)⁻¹ X', all n × n of it.
        double[][] hat = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        hat[i][j] += x[i][a] * inv[a][b] * x[j][b];
                    }
                }
            }
        }
        leverage = new double[n];
        double[] omega = new double[n];
        for (int i = 0; i < n; i++) {
            leverage[i] = hat[i][i];
            double fitted = 0;
            for (int a = 0; a < k; a++) {
                fitted += x[i][a] * beta[a];
            }
            double e = y[i] - fitted;
            omega[i] = switch (se) {
                case HC0, HC1 -> e * e;
                case HC2 -> e * e / (1 - leverage[i]);
                case HC3 -> e * e / ((1 - leverage[i]) * (1 - leverage[i]));
            };
        }
        double[][] meat = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int i = 0; i < n; i++) {
                    meat[a][b] += x[i][a] * omega[i] * x[i][b];
                }
            }
        }
        vcov = new double[k][k];
        double scale = se == RobustSe.HC1 ? (double) n / (n - k) : 1.0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    for (int d = 0; d < k; d++) {
                        sum += inv[a][c] * meat[c][d] * inv[d][b];
                    }
                }
                vcov[a][b] = scale * sum;
            }
        }
    }

    double se(int j) {
        return Math.sqrt(vcov[j][j]);
    }

    private static double[][] invert(double[][] matrix) {
        int k = matrix.length;
        double[][] a = new double[k][2 * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double p = a[col][col];
            for (int c = 0; c < 2 * k; c++) {
                a[col][c] /= p;
            }
            for (int r = 0; r < k; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int c = 0; c < 2 * k; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], k, inv[i], 0, k);
        }
        return inv;
    }
}
