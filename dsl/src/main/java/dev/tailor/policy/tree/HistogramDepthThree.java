package dev.tailor.policy.tree;

import java.util.Arrays;

/**
 * Depth-3 search for nodes whose features have few bins. For a root feature j the left side grows unit by unit
 * in j's order; for every pair of features (k, l) it keeps the left side's reward sums per (bin of k, bin of l), so
 * the best depth-2 tree of either side is read off these histograms without touching the units again. Cost per
 * root feature: p²·m·d to update the histograms plus, per root candidate, two passes over Σ_k B_k·Σ_l B_l·d cells;
 * memory 2·Σ_k Σ_l B_k·B_l·d doubles (the right side is read as node minus left). Same candidates, admissibility and tie rules as {@link ExactSearch}.
 */
final class HistogramDepthThree {

    private final ExactSearch s;
    private final int p;
    private final int d;
    private final int mns;
    private final int[] bins;
    private final int[] rank; // unit-major compressed ranks, from ExactSearch's workspace
    private final double[][][] nodeH; // [k][l][(rk * Bl + rl) * d + a]
    private final int[][][] nodeC;
    private final double[][][] leftH;
    private final int[][][] leftC;
    private final double[][] node1; // [k][rk * d + a]
    private final int[][] node1C;
    private final double[][] left1;
    private final int[][] left1C;
    private final double[][] right1;
    private final int[][] right1C;
    private final double[][] rowA; // [l][rl * d + a], scratch for one k
    private final int[][] rowAC;
    private final double[] total;
    private final double[] totalLeft;
    private final double[] totalRight;
    private final double[] totalA; // scratch of depthTwo: the part of a side with k-bin ≤ u
    private final double[] totalB;
    private final TwoSideSplits.Best sides;

    /** Memory in doubles that the histograms of a node with these bin counts need. */
    static long cells(int[] bins, int d) {
        long sum = 0;
        for (int k : bins) {
            for (int l : bins) {
                sum += (long) k * l * d;
            }
        }
        return 2 * sum;
    }

    HistogramDepthThree(ExactSearch search, int[][] lists, int[] rank, int[] bins) {
        this.s = search;
        this.p = search.p;
        this.d = search.d;
        this.mns = search.minNodeSize;
        this.bins = bins.clone();
        this.rank = rank;
        nodeH = new double[p][p][];
        nodeC = new int[p][p][];
        leftH = new double[p][p][];
        leftC = new int[p][p][];
        node1 = new double[p][];
        node1C = new int[p][];
        left1 = new double[p][];
        left1C = new int[p][];
        right1 = new double[p][];
        right1C = new int[p][];
        rowA = new double[p][];
        rowAC = new int[p][];
        for (int k = 0; k < p; k++) {
            node1[k] = new double[bins[k] * d];
            node1C[k] = new int[bins[k]];
            left1[k] = new double[bins[k] * d];
            left1C[k] = new int[bins[k]];
            right1[k] = new double[bins[k] * d];
            right1C[k] = new int[bins[k]];
            rowA[k] = new double[bins[k] * d];
            rowAC[k] = new int[bins[k]];
            for (int l = 0; l < p; l++) {
                nodeH[k][l] = new double[bins[k] * bins[l] * d];
                nodeC[k][l] = new int[bins[k] * bins[l]];
                leftH[k][l] = new double[bins[k] * bins[l] * d];
                leftC[k][l] = new int[bins[k] * bins[l]];
            }
        }
        total = new double[d];
        totalLeft = new double[d];
        totalRight = new double[d];
        totalA = new double[d];
        totalB = new double[d];
        sides = new TwoSideSplits.Best(d);
        for (int u : lists[0]) {
            add(u, nodeH, nodeC, node1, node1C, total);
        }
    }

    private void add(int u, double[][][] h, int[][][] c, double[][] h1, int[][] c1, double[] t) {
        int base = u * d;
        double[] reward = s.reward;
        for (int a = 0; a < d; a++) {
            t[a] += reward[base + a];
        }
        int ranks = u * p;
        for (int k = 0; k < p; k++) {
            int rk = rank[ranks + k];
            double[] h1k = h1[k];
            for (int a = 0; a < d; a++) {
                h1k[rk * d + a] += reward[base + a];
            }
            c1[k][rk]++;
            double[][] hk = h[k];
            int[][] ck = c[k];
            for (int l = 0; l < p; l++) {
                int cell = rk * bins[l] + rank[ranks + l];
                double[] hkl = hk[l];
                int at = cell * d;
                for (int a = 0; a < d; a++) {
                    hkl[at + a] += reward[base + a];
                }
                ck[l][cell]++;
            }
        }
    }

    /** Best depth-3 split with root feature in [from, to) (and the leaf first when withLeaf). */
    ExactSearch.Choice search(int[][] lists, int from, int to, boolean withLeaf) {
        int m = lists[0].length;
        int leafAction = argmax(total);
        ExactSearch.Choice best = withLeaf ? new ExactSearch.Choice(total[leafAction], -1, -1, leafAction) : null;
        double bestValue = withLeaf ? best.value() : Double.NEGATIVE_INFINITY;
        double[] result = new double[3];
        for (int j = from; j < to; j++) {
            for (int k = 0; k < p; k++) {
                Arrays.fill(left1[k], 0);
                Arrays.fill(left1C[k], 0);
                for (int l = 0; l < p; l++) {
                    Arrays.fill(leftH[k][l], 0);
                    Arrays.fill(leftC[k][l], 0);
                }
            }
            Arrays.fill(totalLeft, 0);
            int[] list = lists[j];
            int[] bj = s.bin[j];
            int pos = 0;
            while (pos < m) {
                int b = bj[list[pos]];
                while (pos < m && bj[list[pos]] == b) {
                    add(list[pos], leftH, leftC, left1, left1C, totalLeft);
                    pos++;
                }
                if (pos == m) {
                    break;
                }
                if (pos < mns || m - pos < mns) {
                    continue;
                }
                depthTwo(leftH, leftC, null, null, left1, left1C, totalLeft, pos, result);
                double leftValue = result[0];
                double leftCode = result[1];
                subtractRight();
                depthTwo(nodeH, nodeC, leftH, leftC, right1, right1C, totalRight, m - pos, result);
                if (leftCode < 0 && result[1] < 0 && leftCode == result[1]) {
                    continue;
                }
                double v = leftValue + result[0];
                if (v > bestValue) {
                    bestValue = v;
                    best = new ExactSearch.Choice(v, j, b, -1);
                }
            }
        }
        return best;
    }

    private void subtractRight() {
        for (int a = 0; a < d; a++) {
            totalRight[a] = total[a] - totalLeft[a];
        }
        for (int k = 0; k < p; k++) {
            double[] n1 = node1[k];
            double[] l1 = left1[k];
            double[] r1 = right1[k];
            for (int i = 0; i < r1.length; i++) {
                r1[i] = n1[i] - l1[i];
            }
            int[] n1c = node1C[k];
            int[] l1c = left1C[k];
            int[] r1c = right1C[k];
            for (int i = 0; i < r1c.length; i++) {
                r1c[i] = n1c[i] - l1c[i];
            }
        }
    }

    /**
     * Best depth-≤2 value of the side described by the histograms; writes {value, code} into out, where code is
     * -(action + 1) for a leaf and 1 for a split.
     */
    private void depthTwo(double[][][] h, int[][][] c, double[][][] minusH, int[][][] minusC, double[][] h1, int[][] c1,
            double[] t, int size, double[] out) {
        int leafAction = argmax(t);
        double best = t[leafAction];
        double code = -(leafAction + 1);
        if (size >= 2 * mns) {
            for (int k = 0; k < p; k++) {
                int bk = bins[k];
                Arrays.fill(totalA, 0);
                for (int l = 0; l < p; l++) {
                    Arrays.fill(rowA[l], 0);
                    Arrays.fill(rowAC[l], 0);
                }
                int countA = 0;
                for (int u = 0; u < bk - 1; u++) {
                    double[] h1k = h1[k];
                    for (int a = 0; a < d; a++) {
                        totalA[a] += h1k[u * d + a];
                    }
                    countA += c1[k][u];
                    for (int l = 0; l < p; l++) {
                        int bl = bins[l];
                        double[] hkl = h[k][l];
                        int[] ckl = c[k][l];
                        double[] row = rowA[l];
                        int[] rowC = rowAC[l];
                        int from = u * bl;
                        int at = from * d;
                        if (minusH == null) {
                            for (int r = 0; r < bl; r++) {
                                rowC[r] += ckl[from + r];
                            }
                            for (int i = 0; i < bl * d; i++) {
                                row[i] += hkl[at + i];
                            }
                        } else {
                            // The right side's cells are the node's minus the left side's, read on the fly.
                            int[] mc = minusC[k][l];
                            double[] mh = minusH[k][l];
                            for (int r = 0; r < bl; r++) {
                                rowC[r] += ckl[from + r] - mc[from + r];
                            }
                            for (int i = 0; i < bl * d; i++) {
                                row[i] += hkl[at + i] - mh[at + i];
                            }
                        }
                    }
                    int countB = size - countA;
                    if (c1[k][u] == 0 || countA < mns || countB < mns) {
                        continue;
                    }
                    for (int a = 0; a < d; a++) {
                        totalB[a] = t[a] - totalA[a];
                    }
                    sides.reset(totalA, totalB);
                    for (int l = 0; l < p; l++) {
                        TwoSideSplits.refine(rowA[l], rowAC[l], h1[l], c1[l], bins[l], d, totalA, totalB, countA,
                                countB, mns, sides);
                    }
                    if (sides.leafA >= 0 && sides.leafA == sides.leafB) {
                        continue;
                    }
                    double v = sides.valueA + sides.valueB;
                    if (v > best) {
                        best = v;
                        code = 1;
                    }
                }
            }
        }
        out[0] = best;
        out[1] = code;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int a = 1; a < v.length; a++) {
            if (v[a] > v[best]) {
                best = a;
            }
        }
        return best;
    }
}
