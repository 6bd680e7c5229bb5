package dev.tailor.forest.internal;

import java.util.Arrays;

/**
 * Splits for causal forests with grf's split stabilization: in every treatment component, each child keeps at
 * least minNodeSize units whose centered treatment is below the parent's mean and minNodeSize above it, and keeps
 * at least a share α of the parent's treatment spread Σ(w̃ − mean)².
 */
final class CausalSplitRule implements SplitRule {

    private final int minNodeSize;
    private final double alpha;
    // Per-node scratch indexed [local * K + k]: centered treatment, its square, 1 if below the node mean.
    // One instance serves one worker at a time (the trainer makes one per little bag).
    private double[] centered = new double[0];
    private double[] squares = new double[0];
    private int[] belowFlags = new int[0];

    CausalSplitRule(int minNodeSize, double alpha) {
        this.minNodeSize = minNodeSize;
        this.alpha = alpha;
    }

    @Override
    public Split find(LocalSample sample, int[][] sorted, int start, int end, int[] candidates, int candidateCount,
                      double[] rho, int r) {
        int size = end - start;
        double[][] w = sample.treatments;
        double[] wRows = sample.treatmentRows;
        int k = w.length;
        int[] any = sorted[0];
        // Parent summaries: ρ totals, treatment means, spread and the counts below/above the mean.
        double[] total = new double[r];
        double[] mean = new double[k];
        for (int pos = start; pos < end; pos++) {
            int l = any[pos];
            for (int c = 0; c < r; c++) {
                total[c] += rho[l * r + c];
            }
            for (int a = 0; a < k; a++) {
                mean[a] += w[a][l];
            }
        }
        for (int a = 0; a < k; a++) {
            mean[a] /= size;
        }
        if (centered.length < sample.size() * k) {
            centered = new double[sample.size() * k];
            squares = new double[sample.size() * k];
            belowFlags = new int[sample.size() * k];
        }
        double[] spread = new double[k];
        double[] centeredTotal = new double[k];
        int[] below = new int[k];
        for (int pos = start; pos < end; pos++) {
            int l = any[pos];
            int unit = l * k;
            for (int a = 0; a < k; a++) {
                double value = wRows[unit + a];
                double c = value - mean[a];
                double square = c * c;
                int flag = value < mean[a] ? 1 : 0;
                centered[unit + a] = c;
                squares[unit + a] = square;
                belowFlags[unit + a] = flag;
                spread[a] += square;
                centeredTotal[a] += c;
                below[a] += flag;
            }
        }
        for (int a = 0; a < k; a++) {
            int above = size - below[a];
            if (below[a] < 2 * minNodeSize || above < 2 * minNodeSize) {
                return null;
            }
        }
        double[] left = new double[r];
        int[] belowLeft = new int[k];
        double[] sumLeft = new double[k];
        double[] squaresLeft = new double[k];
        double[] squaresTotal = spread;
        double best = 0;
        int bestVariable = -1;
        int bestLeft = 0;
        double bestThreshold = Double.NaN;
        for (int v = 0; v < candidateCount; v++) {
            int j = candidates[v];
            int[] order = sorted[j];
            double[] x = sample.x[j];
            Arrays.fill(left, 0);
            Arrays.fill(belowLeft, 0);
            Arrays.fill(sumLeft, 0);
            Arrays.fill(squaresLeft, 0);
            boolean leftReady = false;
            for (int pos = start; pos < end - 1; pos++) {
                int l = order[pos];
                int base = l * r;
                for (int c = 0; c < r; c++) {
                    left[c] += rho[base + c];
                }
                // Separate loops over components, so that the JIT can vectorize them.
                int unit = l * k;
                for (int a = 0; a < k; a++) {
                    sumLeft[a] += centered[unit + a];
                }
                for (int a = 0; a < k; a++) {
                    squaresLeft[a] += squares[unit + a];
                }
                for (int a = 0; a < k; a++) {
                    belowLeft[a] += belowFlags[unit + a];
                }
                int nLeft = pos - start + 1;
                int nRight = size - nLeft;
                // Count constraints are monotone along the scan: once the left child has enough units on both sides
                // of the mean in every component it keeps them, and once the right child lacks them it stays short.
                if (!leftReady) {
                    leftReady = true;
                    for (int a = 0; a < k; a++) {
                        if (belowLeft[a] < minNodeSize || nLeft - belowLeft[a] < minNodeSize) {
                            leftReady = false;
                            break;
                        }
                    }
                    if (!leftReady) {
                        continue;
                    }
                }
                boolean rightShort = false;
                for (int a = 0; a < k; a++) {
                    int belowRight = below[a] - belowLeft[a];
                    if (belowRight < minNodeSize || nRight - belowRight < minNodeSize) {
                        rightShort = true;
                        break;
                    }
                }
                if (rightShort) {
                    break;
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
                if (SplitRule.beats(criterion, best) && spreadsSuffice(nLeft, nRight, sumLeft, squaresLeft, centeredTotal,
                        squaresTotal)) {
                    best = criterion;
                    bestVariable = j;
                    bestLeft = nLeft;
                    bestThreshold = value;
                }
            }
        }
        return bestVariable < 0 ? null : new Split(bestVariable, bestLeft, bestThreshold, best);
    }

    /** Each child keeps at least a share α of the parent's treatment spread, in every component. */
    private boolean spreadsSuffice(int nLeft, int nRight, double[] sumLeft, double[] squaresLeft, double[] centeredTotal,
                                   double[] squaresTotal) {
        for (int a = 0; a < sumLeft.length; a++) {
            // Spread around each child's own mean, from sums of values centered at the parent mean.
            double spreadLeft = squaresLeft[a] - sumLeft[a] * sumLeft[a] / nLeft;
            double sumRight = centeredTotal[a] - sumLeft[a];
            double spreadRight = (squaresTotal[a] - squaresLeft[a]) - sumRight * sumRight / nRight;
            double floor = alpha * squaresTotal[a];
            if (spreadLeft < floor || spreadRight < floor) {
                return false;
            }
        }
        return true;
    }
}
