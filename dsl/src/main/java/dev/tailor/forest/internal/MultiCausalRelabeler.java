package dev.tailor.forest.internal;

/**
 * Multi-arm causal forest: with node-centered Wc (n_P × K) and Yc, A = Wc'Wc and β = A⁻¹Wc'Yc, the K-vector
 * pseudo-outcome is ρ_i = A⁻¹Wc_i · (Yc_i − Wc_i'β). Nodes with n_P ≤ K, or with a (near) singular A, are leaves.
 */
final class MultiCausalRelabeler implements Relabeler {

    private final int arms;

    MultiCausalRelabeler(int arms) {
        this.arms = arms;
    }

    @Override
    public int responseLength() {
        return arms;
    }

    @Override
    public boolean relabel(LocalSample sample, int[] locals, int start, int end, double[] rho) {
        int size = end - start;
        if (size <= arms) {
            return true;
        }
        double[] y = sample.outcomes[0];
        int k = arms;
        // Prepare the relevant averages.
        // Treatments are read row-major (all components of a unit together); each component's sum still runs
        // in position order.
        double[] rows = sample.treatmentRows;
        double[] meanW = new double[k];
        double sumY = 0;
        for (int pos = start; pos < end; pos++) {
            int unit = locals[pos] * k;
            for (int a = 0; a < k; a++) {
                meanW[a] += rows[unit + a];
            }
        }
        for (int a = 0; a < k; a++) {
            meanW[a] = meanW[a] / size;
        }
        for (int pos = start; pos < end; pos++) {
            sumY += y[locals[pos]];
        }
        double meanY = sumY / size;
        double[] matrix = new double[k * k];
        double[] cross = new double[k];
        double[] wc = new double[k];
        for (int pos = start; pos < end; pos++) {
            int l = locals[pos];
            double yc = y[l] - meanY;
            for (int a = 0; a < k; a++) {
                wc[a] = rows[l * k + a] - meanW[a];
            }
            for (int a = 0; a < k; a++) {
                cross[a] += wc[a] * yc;
                for (int b = a; b < k; b++) {
                    matrix[a * k + b] += wc[a] * wc[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                matrix[a * k + b] = matrix[b * k + a];
            }
        }
        LinearSystem system = LinearSystem.factor(matrix, k, CausalRelabeler.DEGENERATE);
        if (system == null) {
            return true;
        }
        // Calculate the treatment effects, then the new outcomes.
        double[] beta = system.solve(cross);
        double[] direction = new double[k];
        // With one arm, A⁻¹Wc_i is a division, exactly as in the binary relabeler; with several, A⁻¹ is formed once
        // per node and applied to each unit (independent dot products instead of a triangular solve per unit).
        double[] inverse = k == 1 ? null : system.inverse();
        for (int pos = start; pos < end; pos++) {
            int l = locals[pos];
            double yc = y[l] - meanY;
            double fitted = 0;
            for (int a = 0; a < k; a++) {
                wc[a] = rows[l * k + a] - meanW[a];
                fitted += wc[a] * beta[a];
            }
            double residual = yc - fitted;
            if (inverse == null) {
                system.solveInto(wc, direction);
            } else {
                for (int a = 0; a < k; a++) {
                    double sum = 0;
                    int row = a * k;
                    for (int b = 0; b < k; b++) {
                        sum += inverse[row + b] * wc[b];
                    }
                    direction[a] = sum;
                }
            }
            for (int a = 0; a < k; a++) {
                rho[l * k + a] = direction[a] * residual;
            }
        }
        return false;
    }
}
