package dev.tailor.forest;

import dev.tailor.data.DataException;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A way to estimate a conditional mean E[y | x] for nuisance functions (outcome models, variance functions, take-up
 * probabilities). The contract: {@link #fit} returns predictions for the training rows that do not use each row's
 * own y (out-of-bag, leave-one-out or cross-fitted), and predictions for new rows. Implementations are immutable and
 * deterministic: the same inputs give the same predictions on any number of threads.
 *
 * <pre>{@code
 * Regressor forest = Regressor.forest(RegressionForest.spec().trees(500).seed(7));   // the usual choice
 * Regressor cheap = Regressor.mean();                                                // no covariates: a baseline, or for tests
 * double[][] muHat = forest.armMeans(x, y, arm, 3);                                  // μ̂_k(X_i), n × 3
 * }</pre>
 *
 * <p>Covariates are row-major here, {@code x[i][j]} for row i and covariate j.
 */
public interface Regressor {

    /** Fits E[y | x] on rows {@code x[i]} with outcomes {@code y[i]}. */
    Fitted fit(double[][] x, double[] y);

    /** A short description for reports, e.g. "regression forest (500 trees, honest 0.50, min node 5, seed 7)". */
    String describe();

    /** A fitted conditional mean. */
    interface Fitted {

        /** Predictions for the training rows, each made without that row's own outcome. */
        double[] outOfSample();

        /** Predictions for new rows {@code x[i]} with the training covariates in the same order. */
        double[] predict(double[][] x);
    }

    /**
     * A regression forest (honest, subsampled, grf semantics) whose training-row predictions are out-of-bag.
     * Costs one forest fit; {@code RegressionForest.spec()} has grf's 2,000 trees, and a few hundred usually do for
     * nuisance functions.
     */
    static Regressor forest(RegressionForest spec) {
        return new ForestRegressor(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * The sample mean of y, ignoring x; training rows get the leave-one-out mean. Right when y does not depend on
     * x, and a cheap stand-in in tests.
     */
    static Regressor mean() {
        return new MeanRegressor();
    }

    /**
     * Arm-specific conditional means μ̂_k(X_i) for every row and arm k = 0..arms−1, n × arms: one fit per arm on
     * that arm's rows; a row's own arm gets the out-of-sample prediction (its outcome is never used for itself)
     * and the other arms get predictions from fits that never saw the row. These are the outcome models of
     * doubly robust (AIPW) rewards.
     *
     * @param x    covariates, row-major
     * @param y    outcomes
     * @param arm  each row's arm, 0..arms−1
     * @param arms number of arms; each needs at least one row
     */
    default double[][] armMeans(double[][] x, double[] y, int[] arm, int arms) {
        int n = y.length;
        if (x.length != n || arm.length != n) {
            throw new DataException("Covariates, outcomes and arms must have one entry per row; got " + x.length + ", " + n
                    + " and " + arm.length + ".");
        }
        int[] count = new int[arms];
        for (int i = 0; i < n; i++) {
            if (arm[i] < 0 || arm[i] >= arms) {
                throw new DataException("Row " + i + " has arm " + arm[i] + "; expected 0.." + (arms - 1) + ".");
            }
            count[arm[i]]++;
        }
        double[][] mu = new double[n][arms];
        for (int k = 0; k < arms; k++) {
            if (count[k] == 0) {
                throw new DataException("Arm " + k + " has no rows, so its outcome model cannot be fitted. Drop the arm or"
                        + " check the assignment.");
            }
            int[] rows = new int[count[k]];
            int[] others = new int[n - count[k]];
            int r = 0;
            int o = 0;
            for (int i = 0; i < n; i++) {
                if (arm[i] == k) {
                    rows[r++] = i;
                } else {
                    others[o++] = i;
                }
            }
            Fitted fit = fit(select(x, rows), select(y, rows));
            double[] own = fit.outOfSample();
            for (int t = 0; t < rows.length; t++) {
                mu[rows[t]][k] = own[t];
            }
            if (others.length > 0) {
                double[] rest = fit.predict(select(x, others));
                for (int t = 0; t < others.length; t++) {
                    mu[others[t]][k] = rest[t];
                }
            }
        }
        return mu;
    }

    /**
     * {@link #armMeans(double[][], double[], int[], int)} with the covariates read from number columns of
     * {@code data} (missing values and text columns fail with the column named).
     */
    default double[][] armMeans(Table data, List<String> covariates, double[] y, int[] arm, int arms) {
        return armMeans(rows(data, covariates), y, arm, arms);
    }

    /** The named number columns of {@code data} as a row-major array, {@code x[i][j]}. */
    static double[][] rows(Table data, List<String> covariates) {
        double[][] columns = Inputs.covariates(data, covariates, "regressor");
        double[][] x = new double[data.rowCount()][columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < x.length; i++) {
                x[i][j] = columns[j][i];
            }
        }
        return x;
    }

    /** Rows {@code rows} of a row-major array. */
    private static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            out[t] = x[rows[t]];
        }
        return out;
    }

    /** Entries {@code rows} of a vector. */
    private static double[] select(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            out[t] = y[rows[t]];
        }
        return out;
    }
}
