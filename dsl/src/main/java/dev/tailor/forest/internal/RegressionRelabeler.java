package dev.tailor.forest.internal;

/** Regression and probability forests: the pseudo-outcomes are the outcomes themselves (one-hot classes for a probability forest). */
final class RegressionRelabeler implements Relabeler {

    private final int components;

    RegressionRelabeler(int components) {
        this.components = components;
    }

    @Override
    public int responseLength() {
        return components;
    }

    @Override
    public boolean relabel(LocalSample sample, int[] locals, int start, int end, double[] rho) {
        for (int pos = start; pos < end; pos++) {
            int l = locals[pos];
            for (int c = 0; c < components; c++) {
                rho[l * components + c] = sample.outcomes[c][l];
            }
        }
        return false;
    }
}
