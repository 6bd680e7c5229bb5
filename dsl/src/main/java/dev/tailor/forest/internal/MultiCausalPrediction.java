package dev.tailor.forest.internal;

/**
 * Multi-arm causal forest: θ̂(x) = (E_α[W̃W̃']E_α[1] − E_α[W̃]E_α[W̃]')⁻¹ (E_α[W̃Ỹ]E_α[1] − E_α[W̃]E_α[Ỹ]), the K
 * contrasts against control. Statistics: [1, Ỹ, W̃ (K), W̃Ỹ (K), W̃W̃' (upper triangle, K(K+1)/2)].
 */
final class MultiCausalPrediction implements PredictionStrategy {

    private final int k;
    /** ww(a, b) for every a, b (row-major K × K), so that hot loops index without branches. */
    private final int[] wwIndex;

    MultiCausalPrediction(int arms) {
        this.k = arms;
        this.wwIndex = new int[arms * arms];
        for (int a = 0; a < arms; a++) {
            for (int b = 0; b < arms; b++) {
                wwIndex[a * arms + b] = ww(a, b);
            }
        }
    }

    private int w(int a) {
        return 2 + a;
    }

    private int wy(int a) {
        return 2 + k + a;
    }

    /** Index of W̃_aW̃_b; the matrix is symmetric, so only its upper triangle is stored (row by row). */
    private int ww(int a, int b) {
        if (a > b) {
            int swap = a;
            a = b;
            b = swap;
        }
        return 2 + 2 * k + a * (2 * k - a + 1) / 2 + (b - a);
    }

    @Override
    public int statisticsLength() {
        return 2 + 2 * k + k * (k + 1) / 2;
    }

    @Override
    public int estimateLength() {
        return k;
    }

    @Override
    public void statistics(ForestData data, int row, double[] out) {
        double y = data.outcome(0, row);
        out[0] = 1;
        out[1] = y;
        for (int a = 0; a < k; a++) {
            double wa = data.treatment(a, row);
            out[w(a)] = wa;
            out[wy(a)] = wa * y;
        }
        for (int a = 0; a < k; a++) {
            double wa = data.treatment(a, row);
            for (int b = a; b < k; b++) {
                out[ww(a, b)] = wa * data.treatment(b, row);
            }
        }
    }

    @Override
    public boolean estimate(double[] e, double[] out) {
        double[] matrix = new double[k * k];
        double[] rhs = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                matrix[a * k + b] = e[ww(a, b)] * e[0] - e[w(a)] * e[w(b)];
            }
            rhs[a] = e[wy(a)] * e[0] - e[w(a)] * e[1];
        }
        LinearSystem system = LinearSystem.factor(matrix, k, 1e-12);
        if (system == null) {
            java.util.Arrays.fill(out, Double.NaN);
            return false;
        }
        system.solveInto(rhs, out);
        return true;
    }

    @Override
    public Influence influence(double[] e, double[] theta) {
        // A = E[W̃W̃'], b = E[W̃], c = E[1], κ = c − b'A⁻¹b (block inverse of the local Hessian).
        double[] a = new double[k * k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = e[w(i)];
            for (int j = 0; j < k; j++) {
                a[i * k + j] = e[ww(i, j)];
            }
        }
        double c = e[0];
        LinearSystem system = LinearSystem.factor(a, k, 1e-14);
        if (system == null) {
            return null;
        }
        double[] inverse = system.inverse();
        double[] inverseB = system.solve(b);
        double kappa = c;
        for (int i = 0; i < k; i++) {
            kappa -= b[i] * inverseB[i];
        }
        if (!(Math.abs(kappa) > 1e-14)) {
            return null;
        }
        double[] m = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m[i * k + j] = inverse[i * k + j] + inverseB[i] * inverseB[j] / kappa;
            }
        }
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = inverseB[i] / kappa;
        }
        double thetaB = 0;
        for (int i = 0; i < k; i++) {
            thetaB += theta[i] * b[i];
        }
        double mu = (e[1] - thetaB) / c;
        double[] psi1 = new double[k];
        int[] index = wwIndex;
        return (leaf, at, out) -> {
            double psi2 = leaf[at + 1] - mu * leaf[at + 0];
            for (int i = 0; i < k; i++) {
                double fitted = 0;
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    fitted += leaf[at + index[row + j]] * theta[j];
                }
                psi1[i] = leaf[at + wy(i)] - fitted - mu * leaf[at + w(i)];
                psi2 -= leaf[at + w(i)] * theta[i];
            }
            for (int i = 0; i < k; i++) {
                double sum = -v[i] * psi2;
                for (int j = 0; j < k; j++) {
                    sum += m[i * k + j] * psi1[j];
                }
                out[i] = sum;
            }
        };
    }
}
