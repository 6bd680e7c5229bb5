package dev.tailor.match;

import dev.tailor.data.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Small tables for the kNN tests: columns y, arm and x1..xp. */
final class KnnData {

    final double[][] x;
    final double[] y;
    final int[] w;

    KnnData(double[][] x, double[] y, int[] w) {
        this.x = x;
        this.y = y;
        this.w = w;
    }

    Table table() {
        return table("train");
    }

    Table table(String name) {
        Table table = Table.create(name, DoubleColumn.create("y", y), IntColumn.create("arm", w));
        for (int j = 0; j < x[0].length; j++) {
            double[] column = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                column[i] = x[i][j];
            }
            table.addColumns(DoubleColumn.create("x" + (j + 1), column));
        }
        return table;
    }

    static Table covariatesOnly(double[][] x) {
        return new KnnData(x, new double[x.length], new int[x.length]).table("new");
    }

    Roles roles() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            names.add("x" + (j + 1));
        }
        return Roles.outcome("y").treatment("arm").covariates(names);
    }

    /**
     * n units, arms 0..arms−1 cycled (so every arm has n/arms units), covariates on a coarse grid {0, 1, 2} so that
     * distances tie often, every fifth row a copy of an earlier row's covariates, and a noisy outcome.
     */
    static KnnData tied(int n, int p, int arms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % 5 == 0) {
                x[i] = x[random.nextInt(i)].clone();
            } else {
                for (int j = 0; j < p; j++) {
                    x[i][j] = random.nextInt(3) * (j + 1.5);
                }
            }
            w[i] = i % arms;
            y[i] = x[i][0] + 0.5 * w[i] * x[i][p - 1] + random.nextDouble();
        }
        return new KnnData(x, y, w);
    }

    /** Continuous covariates: distances almost surely distinct. */
    static KnnData continuous(int n, int p, int arms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextDouble() * (j + 1) + 3 * j;
            }
            w[i] = random.nextInt(arms);
            y[i] = Math.sin(x[i][0]) + 0.3 * w[i] * x[i][1] + random.nextDouble();
        }
        // Make sure every arm has units.
        for (int a = 0; a < arms; a++) {
            w[a] = a;
        }
        return new KnnData(x, y, w);
    }
}
