package dev.tailor.forest.internal;

import java.util.Arrays;

/** Variance-reduction splits for regression and probability forests; each child keeps ≥ max(1, ⌈α·n⌉) units. */
final class RegressionSplitRule implements SplitRule {

    private final double alpha;

    RegressionSplitRule(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Split find(LocalSample sample, int[][] sorted, int start, int end, int[] candidates, int candidateCount,
                      double[] rho, int r) {
        int size = end - start;
        int minChild = (int) Math.max(1, Math.ceil(alpha * size));
        double[] total = new double[r];
        int[] any = sorted[0];
        for (int pos = start; pos < end; pos++) {
            int base = any[pos] * r;
            for (int c = 0; c < r; c++) {
                total[c] += rho[base + c];
            }
        }
        double[] left = new double[r];
        double best = 0;
        int bestVariable = -1;
        int bestLeft = 0;
        double bestThreshold = Double.NaN;
        for (int v = 0; v < candidateCount; v++) {
            int j = candidates[v];
            int[] order = sorted[j];
            double[] x = sample.x[j];
            Arrays.fill(left, 0);
            for (int pos = start; pos < end - 1; pos++) {
                int l = order[pos];
                int base = l * r;
                for (int c = 0; c < r; c++) {
                    left[c] += rho[base + c];
                }
                int nLeft = pos - start + 1;
                int nRight = size - nLeft;
                if (nRight < minChild) {
                    break;
                }
                if (nLeft < minChild) {
                    continue;
                }
                double value = x[l];
                if (value == x[order[pos + 1]]) {
                    continue;
                }
                double inverseLeft = 1.0 / nLeft;
                double inverseRight = 1.0 / nRight;
                double criterion = 0;
                for (int c = 0; c < r; c++) {
                    double right = total[c] - left[c];
                    criterion += left[c] * left[c] * inverseLeft + right * right * inverseRight;
                }
                if (SplitRule.beats(criterion, best)) {
                    best = criterion;
                    bestVariable = j;
                    bestLeft = nLeft;
                    bestThreshold = value;
                }
            }
        }
        return bestVariable < 0 ? null : new Split(bestVariable, bestLeft, bestThreshold, best);
    }
}
