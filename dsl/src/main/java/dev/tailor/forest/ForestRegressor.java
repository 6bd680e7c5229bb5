package dev.tailor.forest;

import dev.tailor.data.DataException;
import java.util.ArrayList;
import java.util.List;

/** {@link Regressor#forest}: a regression forest with out-of-bag predictions for its training rows. */
record ForestRegressor(RegressionForest spec) implements Regressor {

    @Override
    public Fitted fit(double[][] x, double[] y) {
        if (x.length != y.length) {
            throw new DataException("The regressor got " + x.length + " covariate rows and " + y.length + " outcomes; give one"
                    + " of each per row.");
        }
        int p = x.length == 0 ? 0 : x[0].length;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + (j + 1));
        }
        Inputs.requireRows(y.length, 5, "regression forest");
        RegressionForestFit fit = spec.fit(columnMajor(x, p), y.clone(), "regressor input", "y", names);
        return new Fitted() {
            @Override
            public double[] outOfSample() {
                return fit.outOfBag();
            }

            @Override
            public double[] predict(double[][] rows) {
                return fit.predict(columnMajor(rows, p));
            }
        };
    }

    private static double[][] columnMajor(double[][] rows, int p) {
        double[][] columns = new double[p][rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != p) {
                throw new DataException("Covariate row " + i + " has " + rows[i].length + " values; expected " + p + ".");
            }
            for (int j = 0; j < p; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        return columns;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    @Override
    public String toString() {
        return "Regressor: " + describe();
    }
}
