package dev.tailor.estimate;

/**
 * Cholesky factor of a small symmetric positive definite matrix (a cross-product matrix Z'Z), in pure Java.
 *
 * <p>The matrix is equilibrated first (Jacobi scaling to a unit diagonal), so the pivot of column j is
 * 1 − R²_j, where R²_j is the squared multiple correlation of column j with the columns before it. A pivot
 * below {@link #TOLERANCE} means column j is (numerically) a linear combination of earlier columns; the
 * factorization then stops with a {@link Singular} that names the column and the combination, so the caller
 * can write an error that names data columns. Cost: k³/6 for a k × k matrix; k is the number of coefficients
 * (tens), never the number of rows.
 */
final class CholeskyFactor {

    /**
     * Smallest accepted 1 − R² of a column on the columns before it. Exact duplicates give about 1e-15; the
     * threshold leaves a wide margin for rounding in the accumulated cross products while still accepting
     * any covariate that is not collinear for practical purposes (R² above 1 − 1e-10).
     */
    static final double TOLERANCE = 1e-10;

    private final int k;
    private final double[] scale; // D = diag(1/sqrt(a_jj)); the factor is of D A D
    private final double[][] lower; // L with D A D = L L'

    private CholeskyFactor(double[] scale, double[][] lower) {
        this.k = scale.length;
        this.scale = scale;
        this.lower = lower;
    }

    /**
     * Factors the symmetric matrix {@code a}, reading only its upper triangle (j ≥ i). Throws {@link Singular}
     * at the first column that is a zero column or a linear combination of earlier columns.
     */
    static CholeskyFactor factor(double[][] a) {
        int k = a.length;
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            double d = a[j][j];
            if (!(d > 0)) {
                throw new Singular(j, 0.0, new double[j]);
            }
            scale[j] = 1 / Math.sqrt(d);
        }
        double[][] l = new double[k][];
        for (int j = 0; j < k; j++) {
            l[j] = new double[j + 1];
            // Off-diagonal entries of row j: l_ji = (s_ij − Σ_{m<i} l_jm l_im) / l_ii, for i < j.
            for (int i = 0; i < j; i++) {
                double sum = a[i][j] * scale[i] * scale[j];
                double[] li = l[i];
                double[] lj = l[j];
                for (int m = 0; m < i; m++) {
                    sum -= lj[m] * li[m];
                }
                lj[i] = sum / li[i];
            }
            double pivot = 1.0; // scaled diagonal
            for (int m = 0; m < j; m++) {
                pivot -= l[j][m] * l[j][m];
            }
            if (!(pivot > TOLERANCE)) {
                throw new Singular(j, Math.max(pivot, 0.0), combination(l, scale, j));
            }
            l[j][j] = Math.sqrt(pivot);
        }
        return new CholeskyFactor(scale, l);
    }

    /**
     * The coefficients c of the earlier columns that best reproduce column j (in the original scale): with
     * the factor of the leading j × j block, c = A₁₁⁻¹ a₁ⱼ. Used only to name the culprits of a collinearity.
     */
    private static double[] combination(double[][] l, double[] scale, int j) {
        // Row j of L (entries 0..j-1) solves L₁₁ u = D₁ a₁ⱼ dⱼ; then D₁⁻¹... back-substitute L₁₁' v = u.
        double[] v = new double[j];
        for (int i = j - 1; i >= 0; i--) {
            double sum = l[j][i];
            for (int m = i + 1; m < j; m++) {
                sum -= l[m][i] * v[m];
            }
            v[i] = sum / l[i][i];
        }
        // v solves (D₁A₁₁D₁) v = D₁ a₁ⱼ dⱼ, so c = D₁ v / dⱼ.
        double[] c = new double[j];
        for (int i = 0; i < j; i++) {
            c[i] = scale[i] * v[i] / scale[j];
        }
        return c;
    }

    /** Solves A x = b. */
    double[] solve(double[] b) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = b[i] * scale[i];
            double[] li = lower[i];
            for (int m = 0; m < i; m++) {
                sum -= li[m] * x[m];
            }
            x[i] = sum / li[i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double sum = x[i];
            for (int m = i + 1; m < k; m++) {
                sum -= lower[m][i] * x[m];
            }
            x[i] = sum / lower[i][i];
        }
        for (int i = 0; i < k; i++) {
            x[i] *= scale[i];
        }
        return x;
    }

    /** A⁻¹ as a full symmetric matrix, column by column from {@link #solve(double[])}. */
    double[][] inverse() {
        double[][] inv = new double[k][k];
        double[] unit = new double[k];
        for (int j = 0; j < k; j++) {
            unit[j] = 1;
            double[] column = solve(unit);
            unit[j] = 0;
            for (int i = 0; i < k; i++) {
                inv[i][j] = column[i];
            }
        }
        // Symmetrize away the rounding of the two triangular solves.
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double mean = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = mean;
                inv[j][i] = mean;
            }
        }
        return inv;
    }

    /**
     * Column {@code column} is a linear combination of the columns before it (or a zero column).
     * {@code combination[m]} is its coefficient on earlier column m; {@code residualShare} is 1 − R².
     */
    static final class Singular extends RuntimeException {

        private final int column;
        private final double residualShare;
        private final double[] combination;

        Singular(int column, double residualShare, double[] combination) {
            super("Column " + column + " is a linear combination of earlier columns (1 - R^2 = " + residualShare + ").",
                    null, false, false);
            this.column = column;
            this.residualShare = residualShare;
            this.combination = combination;
        }

        int column() {
            return column;
        }

        double residualShare() {
            return residualShare;
        }

        double[] combination() {
            return combination.clone();
        }
    }
}
