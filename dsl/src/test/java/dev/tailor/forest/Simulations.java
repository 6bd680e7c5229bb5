package dev.tailor.forest;

import dev.tailor.data.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seeded data-generating processes with known effects, for the forest tests.
 *
 * <p>All share X ~ U(0,1)^p (columns x1..xp), a treatment column "w" of arm indices and an outcome "y" =
 * m(X) + Σ_k 1{W = k}·τ_k(X) + N(0, σ²), randomized with equal arm probabilities 1/(K+1).
 */
final class Simulations {

    private Simulations() {
    }

    /** A simulated table, the true τ_k(X_i) ({@code truth[i][k - 1]}) and the roles naming its columns. */
    record Sim(Table table, double[][] truth, Roles roles) {
    }

    /** τ(x) for the binary DGP: 1 + 1/(1 + exp(−20(x1 − 1/3))), Wager and Athey's smooth step (range 1–2). */
    static double smoothStep(double x1) {
        return 1 + 1 / (1 + Math.exp(-20 * (x1 - 1.0 / 3)));
    }

    /** Prognostic part used by the binary DGP: m(x) = 2·x2 + sin(π·x3). */
    static double mainEffect(double[] x) {
        return 2 * x[1] + Math.sin(Math.PI * x[2]);
    }

    /** Binary treatment with P(W = 1) = 0.5, τ(x) = smoothStep(x1), m(x) = mainEffect, σ = 1. */
    static Sim binary(int n, int p, long seed) {
        return generate(n, p, seed, 1, 1.0, 1.0, (x, k) -> smoothStep(x[0]));
    }

    /** Like {@link #binary} with the prognostic part multiplied by {@code prognosticScale}. */
    static Sim binary(int n, int p, long seed, double prognosticScale) {
        return generate(n, p, seed, 1, prognosticScale, 1.0, (x, k) -> smoothStep(x[0]));
    }

    /** Two arms vs control: τ_1(x) = x1, τ_2(x) = 1 − 2·x2. */
    static Sim threeArms(int n, int p, long seed) {
        return generate(n, p, seed, 2, 1.0, 1.0, (x, k) -> k == 1 ? x[0] : 1 - 2 * x[1]);
    }

    interface Effect {
        double of(double[] x, int arm);
    }

    static Sim generate(int n, int p, long seed, int arms, double prognosticScale, double sigma, Effect effect) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[p][n];
        int[] w = new int[n];
        double[] y = new double[n];
        double[][] truth = new double[n][arms];
        double[] x = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j] = random.nextDouble();
                columns[j][i] = x[j];
            }
            w[i] = random.nextInt(arms + 1);
            for (int k = 1; k <= arms; k++) {
                truth[i][k - 1] = effect.of(x, k);
            }
            y[i] = prognosticScale * mainEffect(x) + (w[i] == 0 ? 0 : truth[i][w[i] - 1]) + sigma * gaussian(random);
        }
        List<Column<?>> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + (j + 1));
            list.add(DoubleColumn.create("x" + (j + 1), columns[j]));
        }
        list.add(IntColumn.create("w", w));
        list.add(DoubleColumn.create("y", y));
        Table table = Table.create("simulated", list.toArray(Column<?>[]::new));
        return new Sim(table, truth, Roles.outcome("y").treatment("w").covariates(names));
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Equal design propensities for K arms plus control. */
    static double[] equalPropensities(int arms) {
        double[] e = new double[arms + 1];
        java.util.Arrays.fill(e, 1.0 / (arms + 1));
        return e;
    }

    /** Root mean squared error of column {@code c} of {@code estimates} against the truth. */
    static double rmse(double[][] estimates, double[][] truth, int c) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = estimates[i][c] - truth[i][c];
            sum += d * d;
        }
        return Math.sqrt(sum / truth.length);
    }
}
