package dev.tailor.coarse;

import java.util.SplittableRandom;

/** Seeded random value matrices for the property tests: low-rank "preference" structure plus noise, null = 0. */
final class RandomValues {

    private RandomValues() {
    }

    /**
     * n rows, M treatments: v_it = Σ_r u_ir·w_rt + 0.5·noise − 0.3 for t ≥ 1 (two latent traits), v_i0 = 0, so
     * that treatments compete, some rows prefer the null, and exact ties do not occur.
     */
    static ValueMatrix draw(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[2][m + 1];
        for (int r = 0; r < 2; r++) {
            for (int t = 1; t <= m; t++) {
                w[r][t] = gaussian(random);
            }
        }
        double[][] rows = new double[n][m + 1];
        for (int i = 0; i < n; i++) {
            double u0 = gaussian(random);
            double u1 = gaussian(random);
            for (int t = 1; t <= m; t++) {
                rows[i][t] = u0 * w[0][t] + u1 * w[1][t] + 0.5 * gaussian(random) - 0.3;
            }
        }
        return ValueMatrix.of(rows);
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
