package dev.tailor.coarse;

import dev.tailor.data.DataException;
import java.util.List;
import java.util.Objects;

/**
 * The comparison policies of methods spec §2.16: full personalization, the best uniform treatment,
 * segmentation on covariates or on predicted values by k-means, and the best set of a prespecified grid.
 *
 * <pre>{@code
 * CoarsePolicy byCovariates = Baselines.covariateSegmentation(values, x, 5, 1L);
 * byCovariates.recovery()
 * }</pre>
 */
public final class Baselines {

    /** k-means restarts of the segmentation baselines (k-means++ seeding each time). */
    public static final int KMEANS_RESTARTS = 10;

    private Baselines() {
    }

    /** Every row its best of all M + 1 columns (recovery 1 by definition). */
    public static CoarsePolicy fullPersonalization(ValueMatrix values) {
        Objects.requireNonNull(values, "values");
        return CoarsePolicy.of("full personalization", 0, values.argmax(), values);
    }

    /**
     * The single column with the highest mean, given to every row; {@code allowNull} lets that column be the
     * null (then the value is never below V(null)).
     */
    public static CoarsePolicy bestUniform(ValueMatrix values, boolean allowNull) {
        Objects.requireNonNull(values, "values");
        int best = allowNull ? 0 : 1;
        for (int t = best + 1; t < values.columns(); t++) {
            if (values.mean(t) > values.mean(best)) {
                best = t;
            }
        }
        int[] assignment = new int[values.rows()];
        java.util.Arrays.fill(assignment, best);
        return CoarsePolicy.of(allowNull ? "best uniform" : "best uniform (no null)", 1, assignment, values);
    }

    /**
     * Covariate segmentation: k-means (k-means++, {@value #KMEANS_RESTARTS} restarts) on the standardized
     * covariates into K segments; each segment gets the column (null included) with the largest segment total.
     * Above 20,000 rows the centres are fitted on 20,000 rows drawn with the seed and every row takes its nearest
     * centre. Cost O(min(n, 20,000)·K·p) per iteration, at most 50 iterations per restart.
     *
     * @param covariates n × p, one row per row of {@code values}; constant columns are left centred, not scaled
     */
    public static CoarsePolicy covariateSegmentation(ValueMatrix values, double[][] covariates, int k, long seed) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(covariates, "covariates");
        if (covariates.length != values.rows()) {
            throw new DataException("Covariates have " + covariates.length + " rows but the value matrix has "
                    + values.rows() + ". Give one covariate row per value row, in the same order.");
        }
        checkK(values, k);
        double[][] standardized = standardize(covariates);
        int[] labels = KMeans.cluster(standardized, k, KMEANS_RESTARTS, seed);
        return CoarsePolicy.of("covariate k-means", k, segmentArgmax(values, labels, k), values);
    }

    /**
     * Preference segmentation: k-means on the rows of the value matrix itself into K segments, each given the
     * column with the largest segment total. Same cost as {@link #covariateSegmentation}, with p = M + 1.
     */
    public static CoarsePolicy preferenceSegmentation(ValueMatrix values, int k, long seed) {
        Objects.requireNonNull(values, "values");
        checkK(values, k);
        double[][] points = new double[values.rows()][values.columns()];
        for (int i = 0; i < points.length; i++) {
            for (int t = 0; t < values.columns(); t++) {
                points[i][t] = values.get(i, t);
            }
        }
        int[] labels = KMeans.cluster(points, k, KMEANS_RESTARTS, seed);
        return CoarsePolicy.of("preference k-means", k, segmentArgmax(values, labels, k), values);
    }

    /**
     * Grid search: the best set, with the null on top, among the sets of {@code family} with at most K columns;
     * each row takes its best offered column.
     */
    public static CoarsePolicy grid(ValueMatrix values, List<int[]> family, int k) {
        Objects.requireNonNull(family, "family");
        checkK(values, k);
        List<int[]> small = family.stream().filter(set -> set.length <= k).toList();
        if (small.isEmpty()) {
            throw new IllegalArgumentException("No set of the grid has at most K = " + k + " treatments; the smallest has "
                    + family.stream().mapToInt(set -> set.length).min().orElse(0) + ". Add smaller sets or raise K.");
        }
        CoarseFit fit = CoarsePersonalization.spec().treatments(k).fitAmong(values, small);
        return CoarsePolicy.of("grid", k, fit.assignment(), values);
    }

    private static int[] segmentArgmax(ValueMatrix values, int[] labels, int k) {
        double[][] totals = new double[k][values.columns()];
        for (int t = 0; t < values.columns(); t++) {
            double[] column = values.columnView(t);
            for (int i = 0; i < labels.length; i++) {
                totals[labels[i]][t] += column[i];
            }
        }
        int[] choice = new int[k];
        for (int c = 0; c < k; c++) {
            for (int t = 1; t < values.columns(); t++) {
                if (totals[c][t] > totals[c][choice[c]]) {
                    choice[c] = t;
                }
            }
        }
        int[] assignment = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            assignment[i] = choice[labels[i]];
        }
        return assignment;
    }

    private static double[][] standardize(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) {
                throw new DataException("Covariate row " + i + " has " + x[i].length + " values but row 0 has " + p
                        + ". Give every row the same covariates.");
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new DataException("Covariate " + j + " is " + x[i][j] + " in row " + i
                            + "; k-means needs finite covariates. Impute or drop that row.");
                }
                double s = Math.sqrt(sd[j]);
                out[i][j] = s > 0 ? (x[i][j] - mean[j]) / s : x[i][j] - mean[j];
            }
        }
        return out;
    }

    private static void checkK(ValueMatrix values, int k) {
        if (k < 1 || k > values.treatments()) {
            throw new IllegalArgumentException("K must be between 1 and M = " + values.treatments() + ", got " + k + ".");
        }
    }
}
