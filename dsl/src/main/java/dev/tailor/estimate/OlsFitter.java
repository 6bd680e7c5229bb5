package dev.tailor.estimate;

import dev.tailor.data.Roles;
import tech.tablesaw.api.Table;

/**
 * The numerics behind {@link OlsSpec#fit}: normal equations on the centered working design Z, solved by an
 * equilibrated Cholesky factorization with one step of iterative refinement, then the sandwich variance.
 *
 * <p>Every cross product Z'ΩZ is built from sufficient statistics: per arm × stratum cell the total weight and
 * the weighted covariate sums, plus the weighted covariate cross products. A row therefore costs about p²/2
 * multiply-adds (p covariates) whatever the number of arms and strata, and nothing of size n × k or n × n is
 * ever formed. Phases:
 * <ol>
 *   <li>Z'Z and Z'y; factor Z'Z (a collinear column stops here, named); solve; refine once with Z'e;</li>
 *   <li>the meat Σ ω_i z_i z_i' with ω_i from the residual and, for HC2/HC3, the leverage
 *       h_ii = z_i'(Z'Z)⁻¹z_i computed row by row;</li>
 *   <li>(Z'Z)⁻¹ meat (Z'Z)⁻¹, HC1's n/(n − k), and the intercept mapped back to raw covariates.</li>
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

        // Solve the normal equations, naming any collinear column, and refine once with the residuals.
        CholeskyFactor factor;
        try {
            factor = CholeskyFactor.factor(crossProducts(design, null));
        } catch (CholeskyFactor.Singular singular) {
            throw design.collinear(singular);
        }
        double[] beta = factor.solve(transposeTimes(design, design.y));
        double[] residual = residuals(design, beta);
        double[] correction = factor.solve(transposeTimes(design, residual));
        for (int j = 0; j < k; j++) {
            beta[j] += correction[j];
        }
        residual = residuals(design, beta);

        // The sandwich: weights ω_i, the meat Z'ΩZ, and the bread (Z'Z)⁻¹ on both sides.
        double[][] bread = factor.inverse();
        RobustSe se = spec.standardErrors();
        double[] omega = new double[n];
        double[] leverage = se.needsLeverage() ? leverages(design, bread) : null;
        for (int i = 0; i < n; i++) {
            omega[i] = residual[i] * residual[i];
            if (leverage != null) {
                if (1 - leverage[i] < LEVERAGE_ONE) {
                    throw design.leverageOne(i, leverage[i], se);
                }
                omega[i] *= se.weight(leverage[i]);
            }
        }
        double[][] meat = crossProducts(design, omega);
        mirrorUpper(meat);
        double[][] vcov = multiply(multiply(bread, meat), bread);
        if (se == RobustSe.HC1) {
            double scale = (double) n / (n - k);
            for (double[] row : vcov) {
                for (int j = 0; j < k; j++) {
                    row[j] *= scale;
                }
            }
        }
        symmetrize(vcov);
        uncenter(design, beta, vcov);
        return new OlsFit(spec, roles, design, beta, vcov);
    }

    /**
     * The upper triangle of Z'ΩZ with Ω = diag(weight), or of Z'Z when {@code weight} is null. Accumulates per
     * cell the total weight and weighted covariate sums, and overall the weighted covariate cross products, then
     * places them: a cell's weight goes to every pair of its dummy columns, its covariate sums to the rows of
     * its dummy columns.
     */
    private static double[][] crossProducts(OlsDesign design, double[] weight) {
        int n = design.n();
        int p = design.p;
        int cells = design.cells();
        int[] cell = design.cell;
        double[] x = design.centered;
        double[] cellWeight = new double[cells];
        double[] cellSums = new double[cells * p];
        double[] xx = new double[p * p];
        for (int i = 0; i < n; i++) {
            double w = weight == null ? 1.0 : weight[i];
            int c = cell[i];
            cellWeight[c] += w;
            int row = i * p;
            int sums = c * p;
            for (int j = 0; j < p; j++) {
                double wx = w * x[row + j];
                cellSums[sums + j] += wx;
                int block = j * p;
                for (int l = j; l < p; l++) {
                    xx[block + l] += wx * x[row + l];
                }
            }
        }
        int k = design.k();
        int start = design.covariateStart();
        double[][] product = new double[k][k];
        for (int c = 0; c < cells; c++) {
            int[] dummies = design.dummies(c);
            for (int a = 0; a < dummies.length; a++) {
                double[] target = product[dummies[a]];
                for (int b = a; b < dummies.length; b++) {
                    target[dummies[b]] += cellWeight[c];
                }
                for (int j = 0; j < p; j++) {
                    target[start + j] += cellSums[c * p + j];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int l = j; l < p; l++) {
                product[start + j][start + l] = xx[j * p + l];
            }
        }
        return product;
    }

    /** Z'v for a vector v over the rows (the outcome, or the residuals). */
    private static double[] transposeTimes(OlsDesign design, double[] v) {
        int p = design.p;
        int[] cell = design.cell;
        double[] x = design.centered;
        double[] cellSum = new double[design.cells()];
        double[] product = new double[design.k()];
        int start = design.covariateStart();
        for (int i = 0; i < v.length; i++) {
            cellSum[cell[i]] += v[i];
            int row = i * p;
            for (int j = 0; j < p; j++) {
                product[start + j] += x[row + j] * v[i];
            }
        }
        for (int c = 0; c < cellSum.length; c++) {
            for (int column : design.dummies(c)) {
                product[column] += cellSum[c];
            }
        }
        return product;
    }

    /** y − Zβ. */
    private static double[] residuals(OlsDesign design, double[] beta) {
        int p = design.p;
        int start = design.covariateStart();
        double[] cellFit = new double[design.cells()];
        for (int c = 0; c < cellFit.length; c++) {
            for (int column : design.dummies(c)) {
                cellFit[c] += beta[column];
            }
        }
        double[] residual = new double[design.n()];
        double[] x = design.centered;
        for (int i = 0; i < residual.length; i++) {
            double fitted = cellFit[design.cell[i]];
            int row = i * p;
            for (int j = 0; j < p; j++) {
                fitted += x[row + j] * beta[start + j];
            }
            residual[i] = design.y[i] - fitted;
        }
        return residual;
    }

    /**
     * h_ii = z_i' B z_i with B = (Z'Z)⁻¹, row by row. Writing z_i = d_c + x_i (dummy part of cell c, covariate
     * part), h_ii = d_c'B d_c + 2 u_c·x_i + x_i'B_xx x_i, where the cell terms d_c'B d_c and u_c = B_{x,d} d_c are
     * computed once per cell.
     */
    private static double[] leverages(OlsDesign design, double[][] bread) {
        int p = design.p;
        int cells = design.cells();
        int start = design.covariateStart();
        double[] quadratic = new double[cells];
        double[] linear = new double[cells * p];
        for (int c = 0; c < cells; c++) {
            int[] dummies = design.dummies(c);
            for (int a : dummies) {
                for (int b : dummies) {
                    quadratic[c] += bread[a][b];
                }
                for (int j = 0; j < p; j++) {
                    linear[c * p + j] += 2 * bread[a][start + j];
                }
            }
        }
        // B_xx with the off-diagonal doubled, upper triangle only: x'B_xx x = Σ_j Σ_{l≥j} b_jl x_j x_l.
        double[] bxx = new double[p * p];
        for (int j = 0; j < p; j++) {
            bxx[j * p + j] = bread[start + j][start + j];
            for (int l = j + 1; l < p; l++) {
                bxx[j * p + l] = 2 * bread[start + j][start + l];
            }
        }
        double[] x = design.centered;
        double[] h = new double[design.n()];
        for (int i = 0; i < h.length; i++) {
            int c = design.cell[i];
            double value = quadratic[c];
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double xj = x[row + j];
                double inner = linear[c * p + j];
                int block = j * p;
                for (int l = j; l < p; l++) {
                    inner += bxx[block + l] * x[row + l];
                }
                value += xj * inner;
            }
            h[i] = value;
        }
        return h;
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
