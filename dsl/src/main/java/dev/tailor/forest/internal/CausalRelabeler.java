package dev.tailor.forest.internal;

/**
 * Binary causal forest: the gradient-based pseudo-outcome of the local treatment effect at the node,
 * ρ_i = (W̃_i − W̄)/A · [(Ỹ_i − Ȳ) − τ̂_P (W̃_i − W̄)] with A = Σ(W̃ − W̄)² and τ̂_P the node's effect.
 *
 * <p>The 1/A factor does not change which split wins (it scales every candidate's criterion alike). It is kept so
 * that the arithmetic is the same, operation for operation, as the multi-arm relabeler with one arm, whose
 * pseudo-outcome is A⁻¹·Wc_i·(Yc_i − Wc_i'β): the two forests then choose the same splits bit for bit.
 */
final class CausalRelabeler implements Relabeler {

    static final double DEGENERATE = 1e-10;

    @Override
    public int responseLength() {
        return 1;
    }

    @Override
    public boolean relabel(LocalSample sample, int[] locals, int start, int end, double[] rho) {
        double[] y = sample.outcomes[0];
        double[] w = sample.treatments[0];
        int size = end - start;
        // Prepare the relevant averages.
        double sumW = 0;
        double sumY = 0;
        for (int pos = start; pos < end; pos++) {
            int l = locals[pos];
            sumW += w[l];
            sumY += y[l];
        }
        double meanW = sumW / size;
        double meanY = sumY / size;
        double spread = 0;
        double cross = 0;
        for (int pos = start; pos < end; pos++) {
            int l = locals[pos];
            double wc = w[l] - meanW;
            double yc = y[l] - meanY;
            spread += wc * wc;
            cross += wc * yc;
        }
        if (Math.abs(spread) <= DEGENERATE) {
            return true;
        }
        // Calculate the treatment effect, then the new outcomes.
        double tau = cross / spread;
        for (int pos = start; pos < end; pos++) {
            int l = locals[pos];
            double wc = w[l] - meanW;
            double yc = y[l] - meanY;
            double residual = yc - wc * tau;
            rho[l] = (wc / spread) * residual;
        }
        return false;
    }
}
