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
    // Per-node state and scratch; one instance serves one worker at a time (the trainer makes one per little bag).
    // Treatments of the node's units, row-major [local * K + k], and their means at the node.
    private double[] treatmentRows;
    private double[] mean;
    private double[] left = new double[0];
    private int[] belowLeft = new int[0];
    private int[] belowRight = new int[0];
    private double[] sumLeft = new double[0];
    private double[] squaresLeft = new double[0];
    private boolean[] ready = new boolean[0];
    /** inverse[n] = 1.0 / n, so that the scan multiplies instead of dividing. */
    private double[] inverse = new double[0];

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
        treatmentRows = wRows;
        this.mean = mean;
        double[] spread = new double[k];
        int[] below = new int[k];
        for (int pos = start; pos < end; pos++) {
            int l = any[pos];
            int unit = l * k;
            for (int a = 0; a < k; a++) {
                double value = wRows[unit + a];
                double c = value - mean[a];
                double square = c * c;
                int flag = value < mean[a] ? 1 : 0;
                spread[a] += square;
                below[a] += flag;
            }
        }
        for (int a = 0; a < k; a++) {
            int above = size - below[a];
            if (below[a] < 2 * minNodeSize || above < 2 * minNodeSize) {
                return null;
            }
        }
        if (left.length < r) {
            left = new double[r];
        }
        if (belowLeft.length < k) {
            belowLeft = new int[k];
            belowRight = new int[k];
            sumLeft = new double[k];
            squaresLeft = new double[k];
        }
        if (inverse.length <= size) {
            inverse = new double[Math.max(size + 1, sample.size() + 1)];
            for (int i = 1; i < inverse.length; i++) {
                inverse[i] = 1.0 / i;
            }
        }
        double best = 0;
        int bestVariable = -1;
        int bestLeft = 0;
        double bestThreshold = Double.NaN;
        for (int v = 0; v < candidateCount; v++) {
            int j = candidates[v];
            int[] order = sorted[j];
            double[] x = sample.x[j];
            // Count constraints are monotone along the scan: once the left child has enough units on both sides of
            // the mean in every component it keeps them, and once the right child lacks them it stays short. So the
            // admissible positions form one interval [first, last], found by a short scan from each end.
            int first = Math.max(firstReady(order, start, end, k), firstSpread(order, start, end, k, spread));
            int last = Math.min(lastReady(order, start, end, k), lastSpread(order, start, end, k, spread));
            if (first > last) {
                continue;
            }
            if (r == 1) {
                double leftSum = 0;
                double totalSum = total[0];
                for (int pos = start; pos < first; pos++) {
                    leftSum += rho[order[pos]];
                }
                double next = x[order[first]];
                for (int pos = first; pos <= last; pos++) {
                    leftSum += rho[order[pos]];
                    double value = next;
                    next = x[order[pos + 1]];
                    if (value == next) {
                        continue;
                    }
                    int nLeft = pos - start + 1;
                    double right = totalSum - leftSum;
                    double criterion = leftSum * leftSum * inverse[nLeft] + right * right * inverse[size - nLeft];
                    if (SplitRule.beats(criterion, best)) {
                        best = criterion;
                        bestVariable = j;
                        bestLeft = nLeft;
                        bestThreshold = value;
                    }
                }
                continue;
            }
            java.util.Arrays.fill(left, 0, r, 0);
            for (int pos = start; pos < first; pos++) {
                int base = order[pos] * r;
                for (int c = 0; c < r; c++) {
                    left[c] += rho[base + c];
                }
            }
            double next = x[order[first]];
            for (int pos = first; pos <= last; pos++) {
                int base = order[pos] * r;
                for (int c = 0; c < r; c++) {
                    left[c] += rho[base + c];
                }
                double value = next;
                next = x[order[pos + 1]];
                if (value == next) {
                    continue;
                }
                int nLeft = pos - start + 1;
                // Σ_c left_c² and Σ_c right_c² in four interleaved partial sums, which the CPU can run in parallel.
                double left0 = 0;
                double left1 = 0;
                double left2 = 0;
                double left3 = 0;
                double right0 = 0;
                double right1 = 0;
                double right2 = 0;
                double right3 = 0;
                int c = 0;
                for (; c + 3 < r; c += 4) {
                    double l0 = left[c];
                    double l1 = left[c + 1];
                    double l2 = left[c + 2];
                    double l3 = left[c + 3];
                    double r0 = total[c] - l0;
                    double r1 = total[c + 1] - l1;
                    double r2 = total[c + 2] - l2;
                    double r3 = total[c + 3] - l3;
                    left0 += l0 * l0;
                    left1 += l1 * l1;
                    left2 += l2 * l2;
                    left3 += l3 * l3;
                    right0 += r0 * r0;
                    right1 += r1 * r1;
                    right2 += r2 * r2;
                    right3 += r3 * r3;
                }
                for (; c < r; c++) {
                    double l0 = left[c];
                    double r0 = total[c] - l0;
                    left0 += l0 * l0;
                    right0 += r0 * r0;
                }
                double criterion = ((left0 + left1) + (left2 + left3)) * inverse[nLeft]
                        + ((right0 + right1) + (right2 + right3)) * inverse[size - nLeft];
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

    /**
     * The first position (at most end − 2) whose left child [start, pos] has at least minNodeSize units below and
     * above the mean in every component, or end − 1 if none has.
     */
    private int firstReady(int[] order, int start, int end, int k) {
        java.util.Arrays.fill(belowLeft, 0, k, 0);
        int missing = k;
        boolean[] done = readyFlags(k);
        for (int pos = start; pos < end - 1; pos++) {
            int unit = order[pos] * k;
            int nLeft = pos - start + 1;
            for (int a = 0; a < k; a++) {
                belowLeft[a] += treatmentRows[unit + a] < mean[a] ? 1 : 0;
                if (!done[a] && belowLeft[a] >= minNodeSize && nLeft - belowLeft[a] >= minNodeSize) {
                    done[a] = true;
                    missing--;
                }
            }
            if (missing == 0) {
                return pos;
            }
        }
        return end - 1;
    }

    /**
     * The last position pos (at most end − 2) whose right child (pos, end) has at least minNodeSize units below and
     * above the mean in every component, or start − 1 if none has.
     */
    private int lastReady(int[] order, int start, int end, int k) {
        java.util.Arrays.fill(belowRight, 0, k, 0);
        int missing = k;
        boolean[] done = readyFlags(k);
        for (int pos = end - 1; pos > start; pos--) {
            int unit = order[pos] * k;
            int nRight = end - pos;
            for (int a = 0; a < k; a++) {
                belowRight[a] += treatmentRows[unit + a] < mean[a] ? 1 : 0;
                if (!done[a] && belowRight[a] >= minNodeSize && nRight - belowRight[a] >= minNodeSize) {
                    done[a] = true;
                    missing--;
                }
            }
            if (missing == 0) {
                return pos - 1;
            }
        }
        return start - 1;
    }

    private boolean[] readyFlags(int k) {
        if (ready.length < k) {
            ready = new boolean[k];
        }
        java.util.Arrays.fill(ready, 0, k, false);
        return ready;
    }

    /**
     * The first position (at most end − 2) whose left child [start, pos] keeps at least a share α of the parent's
     * treatment spread in every component, or end − 1 if none does. A child's spread (sum of squares around its own
     * mean) can only grow as units join it, so the positions that satisfy the constraint on both sides form the
     * interval [{@link #firstSpread}, {@link #lastSpread}].
     */
    private int firstSpread(int[] order, int start, int end, int k, double[] parentSpread) {
        java.util.Arrays.fill(sumLeft, 0, k, 0);
        java.util.Arrays.fill(squaresLeft, 0, k, 0);
        int missing = k;
        boolean[] done = readyFlags(k);
        for (int pos = start; pos < end - 1; pos++) {
            int unit = order[pos] * k;
            int n = pos - start + 1;
            for (int a = 0; a < k; a++) {
                double centered = treatmentRows[unit + a] - mean[a];
                sumLeft[a] += centered;
                squaresLeft[a] += centered * centered;
                if (!done[a] && squaresLeft[a] - sumLeft[a] * sumLeft[a] / n >= alpha * parentSpread[a]) {
                    done[a] = true;
                    missing--;
                }
            }
            if (missing == 0) {
                return pos;
            }
        }
        return end - 1;
    }

    /** The last position pos (at most end − 2) whose right child (pos, end) keeps a share α of every spread. */
    private int lastSpread(int[] order, int start, int end, int k, double[] parentSpread) {
        java.util.Arrays.fill(sumLeft, 0, k, 0);
        java.util.Arrays.fill(squaresLeft, 0, k, 0);
        int missing = k;
        boolean[] done = readyFlags(k);
        for (int pos = end - 1; pos > start; pos--) {
            int unit = order[pos] * k;
            int n = end - pos;
            for (int a = 0; a < k; a++) {
                double centered = treatmentRows[unit + a] - mean[a];
                sumLeft[a] += centered;
                squaresLeft[a] += centered * centered;
                if (!done[a] && squaresLeft[a] - sumLeft[a] * sumLeft[a] / n >= alpha * parentSpread[a]) {
                    done[a] = true;
                    missing--;
                }
            }
            if (missing == 0) {
                return pos - 1;
            }
        }
        return start - 1;
    }
}
