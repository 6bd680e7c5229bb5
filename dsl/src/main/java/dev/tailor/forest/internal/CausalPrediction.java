package dev.tailor.forest.internal;

/**
 * Binary causal forest: τ̂(x) = (E_α[W̃Ỹ]E_α[1] − E_α[W̃]E_α[Ỹ]) / (E_α[W̃²]E_α[1] − E_α[W̃]²), the forest-weighted
 * regression of Ỹ on W̃. Statistics: [1, W̃, Ỹ, W̃Ỹ, W̃²].
 */
final class CausalPrediction implements PredictionStrategy {

    static final int ONE = 0;
    static final int W = 1;
    static final int Y = 2;
    static final int WY = 3;
    static final int WW = 4;

    @Override
    public int statisticsLength() {
        return 5;
    }

    @Override
    public int estimateLength() {
        return 1;
    }

    @Override
    public void statistics(ForestData data, int row, double[] out) {
        double w = data.treatment(0, row);
        double y = data.outcome(0, row);
        out[ONE] = 1;
        out[W] = w;
        out[Y] = y;
        out[WY] = w * y;
        out[WW] = w * w;
    }

    @Override
    public boolean estimate(double[] e, double[] out) {
        double denominator = e[WW] * e[ONE] - e[W] * e[W];
        double numerator = e[WY] * e[ONE] - e[W] * e[Y];
        if (!(Math.abs(denominator) > 1e-12)) {
            out[0] = Double.NaN;
            return false;
        }
        out[0] = numerator / denominator;
        return true;
    }

    @Override
    public Influence influence(double[] e, double[] estimate) {
        double tau = estimate[0];
        double denominator = e[WW] * e[ONE] - e[W] * e[W];
        double mu = (e[Y] - tau * e[W]) / e[ONE];
        return (leaf, at, out) -> {
            double psi1 = leaf[at + WY] - tau * leaf[at + WW] - mu * leaf[at + W];
            double psi2 = leaf[at + Y] - tau * leaf[at + W] - mu * leaf[at + ONE];
            out[0] = (e[ONE] * psi1 - e[W] * psi2) / denominator;
        };
    }
}
