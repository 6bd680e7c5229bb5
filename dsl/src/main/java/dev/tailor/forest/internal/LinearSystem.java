package dev.tailor.forest.internal;

/**
 * A small dense system A x = b solved by Gaussian elimination with partial pivoting (an LU factorization).
 * For a 1×1 system the solution is exactly b / a, which keeps the one-arm multi-arm forest bit-identical to the
 * binary forest.
 */
final class LinearSystem {

    private final double[] lu;
    private final int[] pivot;
    private final int size;

    private LinearSystem(double[] lu, int[] pivot, int size) {
        this.lu = lu;
        this.pivot = pivot;
        this.size = size;
    }

    /** Factors the row-major k×k matrix (not modified), or returns null when a pivot is at most {@code tolerance}. */
    static LinearSystem factor(double[] matrix, int k, double tolerance) {
        double[] lu = matrix.clone();
        int[] pivot = new int[k];
        for (int i = 0; i < k; i++) {
            pivot[i] = i;
        }
        for (int col = 0; col < k; col++) {
            int best = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(lu[row * k + col]) > Math.abs(lu[best * k + col])) {
                    best = row;
                }
            }
            if (!(Math.abs(lu[best * k + col]) > tolerance)) {
                return null;
            }
            if (best != col) {
                for (int c = 0; c < k; c++) {
                    double swap = lu[best * k + c];
                    lu[best * k + c] = lu[col * k + c];
                    lu[col * k + c] = swap;
                }
                int swap = pivot[best];
                pivot[best] = pivot[col];
                pivot[col] = swap;
            }
            double diagonal = lu[col * k + col];
            for (int row = col + 1; row < k; row++) {
                double factor = lu[row * k + col] / diagonal;
                lu[row * k + col] = factor;
                for (int c = col + 1; c < k; c++) {
                    lu[row * k + c] -= factor * lu[col * k + c];
                }
            }
        }
        return new LinearSystem(lu, pivot, k);
    }

    double[] solve(double[] rhs) {
        double[] out = new double[size];
        solveInto(rhs, out);
        return out;
    }

    /** Solves into {@code out}; {@code rhs} and {@code out} must be different arrays. */
    void solveInto(double[] rhs, double[] out) {
        int k = size;
        for (int i = 0; i < k; i++) {
            double sum = rhs[pivot[i]];
            for (int j = 0; j < i; j++) {
                sum -= lu[i * k + j] * out[j];
            }
            out[i] = sum;
        }
        for (int i = k - 1; i >= 0; i--) {
            double sum = out[i];
            for (int j = i + 1; j < k; j++) {
                sum -= lu[i * k + j] * out[j];
            }
            out[i] = sum / lu[i * k + i];
        }
    }

    /** The inverse, row-major. */
    double[] inverse() {
        int k = size;
        double[] inverse = new double[k * k];
        double[] unit = new double[k];
        double[] column = new double[k];
        for (int c = 0; c < k; c++) {
            java.util.Arrays.fill(unit, 0);
            unit[c] = 1;
            solveInto(unit, column);
            for (int r = 0; r < k; r++) {
                inverse[r * k + c] = column[r];
            }
        }
        return inverse;
    }
}
