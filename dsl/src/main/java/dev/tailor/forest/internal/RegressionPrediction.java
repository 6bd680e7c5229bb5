package dev.tailor.forest.internal;

/** Regression (and probability) forests: the forest-weighted mean of each outcome component. Statistics: [1, y_1..y_r]. */
final class RegressionPrediction implements PredictionStrategy {

    private final int components;

    RegressionPrediction(int components) {
        this.components = components;
    }

    @Override
    public int statisticsLength() {
        return components + 1;
    }

    @Override
    public int estimateLength() {
        return components;
    }

    @Override
    public void statistics(ForestData data, int row, double[] out) {
        out[0] = 1;
        for (int c = 0; c < components; c++) {
            out[c + 1] = data.outcome(c, row);
        }
    }

    @Override
    public boolean estimate(double[] means, double[] out) {
        for (int c = 0; c < components; c++) {
            out[c] = means[c + 1] / means[0];
        }
        return true;
    }

    @Override
    public Influence influence(double[] means, double[] estimate) {
        double weight = means[0];
        return (leaf, at, out) -> {
            for (int c = 0; c < components; c++) {
                out[c] = (leaf[at + c + 1] - estimate[c] * leaf[at + 0]) / weight;
            }
        };
    }
}
