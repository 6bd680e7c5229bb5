package dev.tailor.estimate;

import dev.tailor.data.Roles;
import tech.tablesaw.api.Table;

/**
 * The numerics behind {@link OlsSpec#fit}: normal equations on the centered working design, solved by an
 * equilibrated Cholesky factorization with one step of iterative refinement, then the sandwich variance.
 *
 * <p>Phases, each one pass over the rows with (3 + p)² work per row at most (p covariates):
 * <ol>
 *   <li>accumulate Z'Z and Z'y over the sparse rows of Z;</li>
 *   <li>factor Z'Z (a collinear column stops here, named); solve; refine with the residuals' Z'e;</li>
 *   <li>accumulate the meat Σ ω_i z_i z_i' with ω_i from the residual and, for HC2/HC3, the leverage
 *       h_ii = z_i'(Z'Z)⁻¹z_i, computed row by row (never an n × n hat matrix);</li>
 *   <li>form (Z'Z)⁻¹ meat (Z'Z)⁻¹ and map the intercept back from centered to raw covariates.</li>
 * </ol>
 */
final class OlsFitter {

    /** Rows with 1 − h_ii below this are treated as fitted exactly; HC2/HC3 are undefined for them. */
    private static final double LEVERAGE_ONE = 1e-10;

    private OlsFitter() {
    }

    static OlsFit fit(OlsSpec spec, Table table, Roles roles) {
        OlsDesign design = OlsDesign.read(table, roles);
        int n = design.n();
        int k = design.k();
        double[] y = design.y;
        int[] index = new int[design.maxNonzeros()];
        double[] value = new double[design.maxNonzeros()];

        // Accumulate the upper triangle of Z'Z and Z'y.
        double[][] gram = new double[k][k];
        double[] zy = new double[k];
        for (int i = 0; i < n; i++) {
            int m = design.row(i, index, value);
            for (int a = 0; a < m; a++) {
                double va = value[a];
                double[] gramRow = gram[index[a]];
                zy[index[a]] += va * y[i];
                for (int b = a; b < m; b++) {
                    gramRow[index[b]] += va * value[b];
                }
            }
        }

        // Factor (naming any collinear column), solve, and refine once with the residuals.
        CholeskyFactor factor;
        try {
            factor = CholeskyFactor.factor(gram);
        } catch (CholeskyFactor.Singular singular) {
            throw design.collinear(singular);
        }
        double[] beta = factor.solve(zy);
        double[] residual = new double[n];
        double[] correction = factor.solve(residualsAndScore(design, beta, residual, index, value));
        for (int j = 0; j < k; j++) {
            beta[j] += correction[j];
        }
        residualsAndScore(design, beta, residual, index, value);

        // The meat of the sandwich, with leverages where the estimator needs them.
        double[][] bread = factor.inverse();
        RobustSe se = spec.standardErrors();
        double[][] meat = new double[k][k];
        for (int i = 0; i < n; i++) {
            int m = design.row(i, index, value);
            double weight = residual[i] * residual[i];
            if (se.needsLeverage()) {
                double h = 0;
                for (int a = 0; a < m; a++) {
                    double[] breadRow = bread[index[a]];
                    double sum = 0;
                    for (int b = 0; b < m; b++) {
                        sum += breadRow[index[b]] * value[b];
                    }
                    h += value[a] * sum;
                }
                if (1 - h < LEVERAGE_ONE) {
                    throw design.leverageOne(i, h, se);
                }
                weight *= se.weight(h);
            }
            for (int a = 0; a < m; a++) {
                double wa = weight * value[a];
                double[] meatRow = meat[index[a]];
                for (int b = a; b < m; b++) {
                    meatRow[index[b]] += wa * value[b];
                }
            }
        }
        mirrorUpper(meat);
        double[][] vcov = multiply(multiply(bread, meat), bread);
        if (se == RobustSe.HC1) {
            double factorHc1 = (double) n / (n - k);
            for (double[] row : vcov) {
                for (int j = 0; j < k; j++) {
                    row[j] *= factorHc1;
                }
            }
        }
        symmetrize(vcov);
        uncenter(design, beta, vcov);
        return new OlsFit(spec, roles, design, beta, vcov);
    }

    /**
     * Writes y − Zβ into {@code residual} and returns Z'e, which is zero up to rounding at the exact solution;
     * solving (Z'Z) δ = Z'e gives the refinement step.
     */
    private static double[] residualsAndScore(OlsDesign design, double[] beta, double[] residual, int[] index, double[] value) {
        double[] score = new double[beta.length];
        for (int i = 0; i < residual.length; i++) {
            int m = design.row(i, index, value);
            double fitted = 0;
            for (int a = 0; a < m; a++) {
                fitted += value[a] * beta[index[a]];
            }
            double e = design.y[i] - fitted;
            residual[i] = e;
            for (int a = 0; a < m; a++) {
                score[index[a]] += value[a] * e;
            }
        }
        return score;
    }

    /**
     * Maps the coefficients and their covariance from centered covariates back to raw ones. Only the intercept
     * changes: with T the identity except T[0][c] = −x̄_c for covariate columns c, β = T β_Z and V = T V_Z T'.
     */
    private static void uncenter(OlsDesign design, double[] beta, double[][] vcov) {
        int start = design.covariateStart();
        int k = beta.length;
        double[] means = design.covariateMeans;
        if (means.length == 0) {
            return;
        }
        for (int j = 0; j < means.length; j++) {
            beta[0] -= means[j] * beta[start + j];
        }
        // Row 0 of T V_Z: v_0m − Σ_c x̄_c v_cm; then the same on the right for the (0, 0) entry.
        double[] row0 = new double[k];
        for (int m = 0; m < k; m++) {
            double sum = vcov[0][m];
            for (int j = 0; j < means.length; j++) {
                sum -= means[j] * vcov[start + j][m];
            }
            row0[m] = sum;
        }
        double corner = row0[0];
        for (int j = 0; j < means.length; j++) {
            corner -= means[j] * row0[start + j];
        }
        for (int m = 1; m < k; m++) {
            vcov[0][m] = row0[m];
            vcov[m][0] = row0[m];
        }
        vcov[0][0] = corner;
    }

    /** Copies the accumulated upper triangle into the lower one. */
    private static void mirrorUpper(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                a[j][i] = a[i][j];
            }
        }
    }

    /** Averages a full matrix with its transpose, removing the rounding asymmetry of a product of matrices. */
    private static void symmetrize(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                double mean = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = mean;
                a[j][i] = mean;
            }
        }
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int k = a.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            double[] ci = c[i];
            for (int m = 0; m < k; m++) {
                double aim = a[i][m];
                double[] bm = b[m];
                for (int j = 0; j < k; j++) {
                    ci[j] += aim * bm[j];
                }
            }
        }
        return c;
    }
}
