package dev.tailor.forest;

import dev.tailor.data.DataException;
import java.util.Arrays;

/** {@link Regressor#mean}: the sample mean, leave-one-out for the training rows. */
record MeanRegressor() implements Regressor {

    @Override
    public Fitted fit(double[][] x, double[] y) {
        if (y.length < 2) {
            throw new DataException("The mean regressor needs at least 2 rows for leave-one-out predictions, got " + y.length + ".");
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double total = sum;
        int n = y.length;
        double[] own = new double[n];
        for (int i = 0; i < n; i++) {
            own[i] = (total - y[i]) / (n - 1);
        }
        return new Fitted() {
            @Override
            public double[] outOfSample() {
                return own.clone();
            }

            @Override
            public double[] predict(double[][] rows) {
                double[] out = new double[rows.length];
                Arrays.fill(out, total / n);
                return out;
            }
        };
    }

    @Override
    public String describe() {
        return "sample mean (leave-one-out for training rows)";
    }

    @Override
    public String toString() {
        return "Regressor: " + describe();
    }
}
