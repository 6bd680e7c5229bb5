package dev.tailor.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference matcher of methods spec §2.5, written as plainly as possible: z-score the covariates with the
 * training mean and SD (ddof = 1), then for every query and arm sort all candidate units by (squared distance,
 * row index) and average the outcomes of the first k. O(n²); for tests only.
 */
final class BruteForceKnn {

    final double[][] z;   // standardized training covariates, n × p
    final double[] mean;
    final double[] sd;
    final double[] y;
    final int[] w;
    final int arms;
    final int k;

    BruteForceKnn(double[][] x, double[] y, int[] w, int arms, int k) {
        int n = x.length;
        int p = x[0].length;
        mean = new double[p];
        sd = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i][j];
            }
            mean[j] = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
            }
            sd[j] = Math.sqrt(ss / (n - 1));
        }
        z = standardize(x);
        this.y = y;
        this.w = w;
        this.arms = arms;
        this.k = k;
    }

    double[][] standardize(double[][] x) {
        double[][] out = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        return out;
    }

    /** The k nearest units of {@code arm} to point q, nearest first, ties to the lower row, skipping {@code exclude}. */
    int[] neighbours(double[] q, int arm, int exclude) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            if (w[i] == arm && i != exclude) {
                double d = 0;
                for (int j = 0; j < q.length; j++) {
                    d += (z[i][j] - q[j]) * (z[i][j] - q[j]);
                }
                candidates.add(new double[] {d, i});
            }
        }
        candidates.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int m = Math.min(k, candidates.size());
        int[] out = new int[m];
        for (int t = 0; t < m; t++) {
            out[t] = (int) candidates.get(t)[1];
        }
        return out;
    }

    /** μ̂ (n × (K+1)) at the given standardized points; leave-one-out when the points are the training rows. */
    double[][] mu(double[][] points, boolean leaveOneOut) {
        double[][] mu = new double[points.length][arms];
        for (int i = 0; i < points.length; i++) {
            for (int a = 0; a < arms; a++) {
                int[] nb = neighbours(points[i], a, leaveOneOut ? i : -1);
                double sum = 0;
                for (int r : nb) {
                    sum += y[r];
                }
                mu[i][a] = sum / nb.length;
            }
        }
        return mu;
    }

    /** s_a²/k + s_0²/k at the training rows, leave-one-out, n × K. */
    double[][] variance() {
        double[][] v = new double[z.length][arms - 1];
        for (int i = 0; i < z.length; i++) {
            double[] s2 = new double[arms];
            for (int a = 0; a < arms; a++) {
                int[] nb = neighbours(z[i], a, i);
                double sum = 0;
                for (int r : nb) {
                    sum += y[r];
                }
                double m = sum / nb.length;
                double ss = 0;
                for (int r : nb) {
                    ss += (y[r] - m) * (y[r] - m);
                }
                s2[a] = ss / (nb.length - 1) / nb.length;
            }
            for (int a = 1; a < arms; a++) {
                v[i][a - 1] = s2[a] + s2[0];
            }
        }
        return v;
    }
}
