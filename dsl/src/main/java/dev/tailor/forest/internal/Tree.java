package dev.tailor.forest.internal;

import java.util.BitSet;

/**
 * One trained tree, immutable: axis-aligned splits (x ≤ threshold goes left) and, in each leaf, the estimation
 * rows (J2) that populate it. It remembers its subsample (for out-of-bag prediction) and its split sample J1
 * (so that honesty can be checked).
 */
public final class Tree {

    private final int[] variable;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final int[] leafStart;
    private final int[] leafEnd;
    private final int[] leafRows;
    private final BitSet subsample;
    private final BitSet splitSample;
    private final boolean honest;
    private final double[] leafMeans;
    private final int[] leafSlot;

    Tree(int[] variable, double[] threshold, int[] left, int[] right, int[] leafStart, int[] leafEnd, int[] leafRows,
         BitSet subsample, BitSet splitSample, boolean honest) {
        this(variable, threshold, left, right, leafStart, leafEnd, leafRows, subsample, splitSample, honest, null, null);
    }

    private Tree(int[] variable, double[] threshold, int[] left, int[] right, int[] leafStart, int[] leafEnd,
                 int[] leafRows, BitSet subsample, BitSet splitSample, boolean honest, double[] leafMeans, int[] leafSlot) {
        this.variable = variable;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.leafStart = leafStart;
        this.leafEnd = leafEnd;
        this.leafRows = leafRows;
        this.subsample = subsample;
        this.splitSample = splitSample;
        this.honest = honest;
        this.leafMeans = leafMeans;
        this.leafSlot = leafSlot;
        for (int node = 0; node < variable.length; node++) {
            if (variable[node] >= 0 && right[node] != left[node] + 1) {
                throw new IllegalStateException("children of node " + node + " are not adjacent");
            }
        }
    }

    /**
     * The same tree with the mean statistics of every non-empty leaf stored (leaves × statistics doubles),
     * so that predictions read a leaf in O(statistics) instead of O(leaf size × statistics).
     * Worth it when statistics are long and leaves large (multi-arm forests).
     */
    Tree withLeafMeans(ForestData data, PredictionStrategy strategy) {
        int s = strategy.statisticsLength();
        int[] slot = new int[variable.length];
        int leaves = 0;
        for (int node = 0; node < variable.length; node++) {
            slot[node] = variable[node] < 0 && leafSize(node) > 0 ? leaves++ : -1;
        }
        double[] means = new double[leaves * s];
        double[] row = new double[s];
        for (int node = 0; node < variable.length; node++) {
            if (slot[node] < 0) {
                continue;
            }
            int size = leafSize(node);
            int offset = slot[node] * s;
            for (int i = leafStart[node]; i < leafEnd[node]; i++) {
                strategy.statistics(data, leafRows[i], row);
                for (int c = 0; c < s; c++) {
                    means[offset + c] += row[c];
                }
            }
            for (int c = 0; c < s; c++) {
                means[offset + c] /= size;
            }
        }
        return new Tree(variable, threshold, left, right, leafStart, leafEnd, leafRows, subsample, splitSample, honest,
                means, slot);
    }

    /** Writes the leaf's mean statistics into {@code out[offset..]}, from the store or from the leaf's rows. */
    void leafMeans(int node, ForestData data, PredictionStrategy strategy, double[] scratch, double[] out, int offset) {
        int s = strategy.statisticsLength();
        if (leafMeans != null) {
            System.arraycopy(leafMeans, leafSlot[node] * s, out, offset, s);
            return;
        }
        java.util.Arrays.fill(out, offset, offset + s, 0);
        int size = leafSize(node);
        for (int i = leafStart[node]; i < leafEnd[node]; i++) {
            strategy.statistics(data, leafRows[i], scratch);
            for (int c = 0; c < s; c++) {
                out[offset + c] += scratch[c];
            }
        }
        for (int c = 0; c < s; c++) {
            out[offset + c] /= size;
        }
    }

    /** Stored mean statistics of the non-empty leaves (see {@link #withLeafMeans}), or null. */
    double[] storedLeafMeans() {
        return leafMeans;
    }

    /** Index of a non-empty leaf in {@link #storedLeafMeans()} (in units of the statistics length). */
    int leafSlot(int node) {
        return leafSlot[node];
    }

    /** The leaf that column {@code col} of the column-major matrix {@code x} falls into. */
    int leafOf(double[][] x, int col) {
        // Nodes are packed breadth-first with siblings adjacent (right = left + 1), so the step is a select rather
        // than a hard-to-predict branch.
        int node = 0;
        int v;
        while ((v = variable[node]) >= 0) {
            node = left[node] + (x[v][col] <= threshold[node] ? 0 : 1);
        }
        return node;
    }

    int leafSize(int node) {
        return leafEnd[node] - leafStart[node];
    }

    int leafStart(int node) {
        return leafStart[node];
    }

    int[] leafRowsArray() {
        return leafRows;
    }

    boolean inSubsample(int row) {
        return subsample.get(row);
    }

    public int nodeCount() {
        return variable.length;
    }

    public int leafCount() {
        int count = 0;
        for (int v : variable) {
            if (v < 0) {
                count++;
            }
        }
        return count;
    }

    /** Adds 1 to {@code counts[d - 1][j]} for each split on covariate j at depth d ≤ counts.length (root = 1). */
    void countSplits(int[][] counts) {
        int[] depth = new int[variable.length];
        depth[0] = 1;
        for (int node = 0; node < variable.length; node++) {
            if (variable[node] < 0) {
                continue;
            }
            if (depth[node] <= counts.length) {
                counts[depth[node] - 1][variable[node]]++;
            }
            depth[left[node]] = depth[node] + 1;
            depth[right[node]] = depth[node] + 1;
        }
    }

    /** Split variable of each node, −1 for leaves (nodes in breadth-first order, root first). */
    public int[] splitVariables() {
        return variable.clone();
    }

    /** Rows that chose this tree's splits (J1), ascending. */
    public int[] splitRows() {
        return splitSample.stream().toArray();
    }

    /** Rows that populate the leaves (J2; the whole subsample when the tree is not honest), ascending. */
    public int[] estimationRows() {
        if (!honest) {
            return subsample.stream().toArray();
        }
        BitSet estimation = (BitSet) subsample.clone();
        estimation.andNot(splitSample);
        return estimation.stream().toArray();
    }

    /** Rows found in any leaf, in leaf order; with pruning these are exactly {@link #estimationRows()}. */
    public int[] leafRows() {
        return leafRows.clone();
    }

    /** Rows this tree saw (J1 ∪ J2), ascending. */
    public int[] subsampleRows() {
        return subsample.stream().toArray();
    }
}
