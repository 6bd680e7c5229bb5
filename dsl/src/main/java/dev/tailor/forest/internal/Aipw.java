package dev.tailor.forest.internal;

/**
 * Doubly robust (AIPW) scores for arm-vs-control contrasts from forest nuisances, and their mean with its
 * standard error. With μ̂_0 = m̂ − Σ_k ê_k τ̂_k and μ̂_k = μ̂_0 + τ̂_k:
 * Γ_ik = τ̂_k(X_i) + IPW_ik·(Y_i − μ̂_{W_i}(X_i)), IPW_ik = 1/ê_k if W_i = k, −1/ê_0 if W_i = 0, else 0.
 * For one arm this is grf's Γ_i = τ̂ + (W − ê)/(ê(1 − ê))·(Y − m̂ − (W − ê)τ̂).
 */
public final class Aipw {

    private Aipw() {
    }

    /**
     * @param floor  propensities below it are raised to it in the inverse weights (they stay as they are
     *               elsewhere), so that no score is infinite
     * @return Γ as {@code scores[i][k-1]} for arms k = 1..K
     */
    public static double[][] scores(double[] y, int[] w, double[] outcomeHat, double[][] propensities, double[][] tau,
                                    double floor) {
        int n = y.length;
        int arms = tau[0].length;
        double[][] scores = new double[n][arms];
        for (int i = 0; i < n; i++) {
            double[] e = propensities[i];
            double base = outcomeHat[i];
            for (int k = 1; k <= arms; k++) {
                base -= e[k] * tau[i][k - 1];
            }
            double fitted = w[i] == 0 ? base : base + tau[i][w[i] - 1];
            double residual = y[i] - fitted;
            for (int k = 1; k <= arms; k++) {
                double weight = 0;
                if (w[i] == k) {
                    weight = 1 / Math.max(e[k], floor);
                } else if (w[i] == 0) {
                    weight = -1 / Math.max(e[0], floor);
                }
                scores[i][k - 1] = tau[i][k - 1] + weight * residual;
            }
        }
        return scores;
    }

    /**
     * Per-action doubly robust rewards (policytree's double_robust_scores) for arms k = 0..K:
     * Γ^R_ik = μ̂_k(X_i) + 1{W_i = k}(Y_i − μ̂_k(X_i))/ê_k(X_i), with μ̂_0 = m̂ − Σ_k ê_k τ̂_k and μ̂_k = μ̂_0 + τ̂_k.
     * In exact arithmetic Γ^R_ik − Γ^R_i0 equals the contrast score of {@link #scores}.
     *
     * @return {@code rewards[i][k]} for arms k = 0..K
     */
    public static double[][] rewards(double[] y, int[] w, double[] outcomeHat, double[][] propensities, double[][] tau,
                                     double floor) {
        int n = y.length;
        int arms = tau[0].length;
        double[][] rewards = new double[n][arms + 1];
        for (int i = 0; i < n; i++) {
            double[] e = propensities[i];
            double base = outcomeHat[i];
            for (int k = 1; k <= arms; k++) {
                base -= e[k] * tau[i][k - 1];
            }
            for (int k = 0; k <= arms; k++) {
                double mu = k == 0 ? base : base + tau[i][k - 1];
                rewards[i][k] = w[i] == k ? mu + (y[i] - mu) / Math.max(e[k], floor) : mu;
            }
        }
        return rewards;
    }

    /**
     * Mean of column k over rows with a finite score and its standard error, √(Σ(Γ − Γ̄)² / (n(n − 1))), as
     * {mean, se, rows used}. Rows without an out-of-bag estimate (NaN τ̂) have no score and are left out.
     */
    public static double[] meanAndStdError(double[][] scores, int column) {
        int n = 0;
        double sum = 0;
        for (double[] row : scores) {
            if (Double.isFinite(row[column])) {
                sum += row[column];
                n++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] row : scores) {
            if (Double.isFinite(row[column])) {
                double d = row[column] - mean;
                squares += d * d;
            }
        }
        return new double[] {mean, Math.sqrt(squares / ((double) n * (n - 1))), n};
    }
}
