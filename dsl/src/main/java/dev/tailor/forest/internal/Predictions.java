package dev.tailor.forest.internal;

/**
 * Estimates per target point, {@code estimates[point][component]}, and variances of the same shape (null when not
 * asked for). NaN marks a point without usable trees or with degenerate statistics.
 */
public record Predictions(double[][] estimates, double[][] variances) {

    public boolean hasVariances() {
        return variances != null;
    }

    /** Component {@code c} of every point. */
    public double[] column(int c) {
        double[] out = new double[estimates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = estimates[i][c];
        }
        return out;
    }
}
