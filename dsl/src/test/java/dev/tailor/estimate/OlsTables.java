package dev.tailor.estimate;

import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds small Tablesaw tables for the OLS tests: columns y, arm, stratum (if given) and x1, x2, ... */
final class OlsTables {

    private OlsTables() {
    }

    static Table of(double[] y, int[] arm, String[] stratum, double[]... covariates) {
        Table table = Table.create("test", DoubleColumn.create("y", y), IntColumn.create("arm", arm));
        if (stratum != null) {
            table.addColumns(StringColumn.create("stratum", stratum));
        }
        for (int j = 0; j < covariates.length; j++) {
            table.addColumns(DoubleColumn.create("x" + (j + 1), covariates[j]));
        }
        return table;
    }

    /** The design matrix [1, arm dummies 1..K, stratum dummies for levels 2..G, covariates] for {@link NaiveOls}. */
    static double[][] denseDesign(int arms, int[] arm, int strata, int[] stratum, double[]... covariates) {
        int n = arm.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[arms + strata - 1 + covariates.length];
            row[0] = 1;
            if (arm[i] > 0) {
                row[arm[i]] = 1;
            }
            if (stratum != null && stratum[i] > 0) {
                row[arms - 1 + stratum[i]] = 1;
            }
            for (int j = 0; j < covariates.length; j++) {
                row[arms + strata - 1 + j] = covariates[j][i];
            }
            x[i] = row;
        }
        return x;
    }

    /** Stratum labels "s0", "s1", ... from codes (they sort in code order for fewer than 10 strata). */
    static String[] labels(int[] codes) {
        String[] labels = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            labels[i] = "s" + codes[i];
        }
        return labels;
    }

    static double[] normals(SplittableRandom random, int n, double mean, double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * gaussian(random);
        }
        return values;
    }

    /** A standard normal draw by Box–Muller, so tests depend only on SplittableRandom's documented stream. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
