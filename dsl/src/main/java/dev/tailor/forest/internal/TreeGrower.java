package dev.tailor.forest.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Grows one tree from its subsample: honesty split (J1 chooses splits, J2 fills leaves), breadth-first growth by
 * relabel → split, then J2 is dropped down the tree and splits with an empty side are pruned.
 */
final class TreeGrower {

    private final ForestData data;
    private final ForestOptions options;
    private final Relabeler relabeler;
    private final SplitRule splitRule;

    TreeGrower(ForestData data, ForestOptions options, Relabeler relabeler, SplitRule splitRule) {
        this.data = data;
        this.options = options;
        this.relabeler = relabeler;
        this.splitRule = splitRule;
    }

    /** Grows a tree on {@code subsample} (rows, any order), drawing everything from {@code random}. */
    Tree grow(int[] subsample, SplittableRandom random) {
        int n = data.rows();
        int p = data.covariates();
        BitSet subsampleBits = new BitSet(n);
        for (int row : subsample) {
            subsampleBits.set(row);
        }
        int[] splitRows;
        int[] estimationRows;
        if (options.honesty()) {
            int[] shuffled = subsample.clone();
            Arrays.sort(shuffled);
            int splitCount = (int) Math.floor(options.honestyFraction() * shuffled.length);
            Streams.partialShuffle(random, shuffled, splitCount);
            splitRows = Arrays.copyOf(shuffled, splitCount);
            estimationRows = Arrays.copyOfRange(shuffled, splitCount, shuffled.length);
            Arrays.sort(splitRows);
            Arrays.sort(estimationRows);
        } else {
            splitRows = subsample.clone();
            Arrays.sort(splitRows);
            estimationRows = splitRows;
        }
        BitSet splitBits = new BitSet(n);
        for (int row : splitRows) {
            splitBits.set(row);
        }

        // Local copies of J1 and, per covariate, J1 sorted by value (filtered from the global order).
        LocalSample sample = new LocalSample(data, splitRows);
        int m = splitRows.length;
        int[] localOf = new int[n];
        Arrays.fill(localOf, -1);
        for (int l = 0; l < m; l++) {
            localOf[splitRows[l]] = l;
        }
        int[][] sorted = new int[p][m];
        for (int j = 0; j < p; j++) {
            int[] order = data.order(j);
            int[] target = sorted[j];
            int next = 0;
            for (int row : order) {
                int l = localOf[row];
                if (l >= 0) {
                    target[next++] = l;
                }
            }
        }

        Nodes nodes = new Nodes();
        nodes.add(0, m);
        int r = relabeler.responseLength();
        double[] rho = new double[Math.max(1, m) * r];
        boolean[] goesLeft = new boolean[m];
        int[] buffer = new int[m];
        int[] candidates = new int[p];
        int mtry = options.mtryFor(p);
        for (int node = 0; node < nodes.size; node++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TrainingInterrupted();
            }
            int start = nodes.start[node];
            int end = nodes.end[node];
            if (end - start <= options.minNodeSize()) {
                continue;
            }
            if (relabeler.relabel(sample, sorted[0], start, end, rho)) {
                continue;
            }
            int count = Math.clamp(Streams.poisson(random, mtry), 1, p);
            for (int j = 0; j < p; j++) {
                candidates[j] = j;
            }
            Streams.partialShuffle(random, candidates, count);
            SplitRule.Split split = splitRule.find(sample, sorted, start, end, candidates, count, rho, r);
            if (split == null) {
                continue;
            }
            int middle = start + split.leftCount();
            int[] chosen = sorted[split.variable()];
            for (int pos = start; pos < end; pos++) {
                goesLeft[chosen[pos]] = pos < middle;
            }
            for (int j = 0; j < p; j++) {
                if (j != split.variable()) {
                    partition(sorted[j], start, end, goesLeft, buffer);
                }
            }
            nodes.split(node, split.variable(), split.threshold(), middle);
        }
        return finish(nodes, estimationRows, subsampleBits, splitBits);
    }

    /** Stable partition of {@code order[start..end)}: left units first, each side in its original order. */
    private static void partition(int[] order, int start, int end, boolean[] goesLeft, int[] buffer) {
        int write = start;
        int spill = 0;
        for (int pos = start; pos < end; pos++) {
            int l = order[pos];
            if (goesLeft[l]) {
                order[write++] = l;
            } else {
                buffer[spill++] = l;
            }
        }
        System.arraycopy(buffer, 0, order, write, spill);
    }

    /** Drops J2 down the grown tree, prunes empty sides bottom-up and packs the result. */
    private Tree finish(Nodes nodes, int[] estimationRows, BitSet subsampleBits, BitSet splitBits) {
        int count = nodes.size;
        double[][] x = data.x();
        int[] leafOfRow = new int[estimationRows.length];
        int[] filled = new int[count];
        for (int e = 0; e < estimationRows.length; e++) {
            int row = estimationRows[e];
            int node = 0;
            while (nodes.variable[node] >= 0) {
                node = x[nodes.variable[node]][row] <= nodes.threshold[node] ? nodes.left[node] : nodes.right[node];
            }
            leafOfRow[e] = node;
            filled[node]++;
        }
        // Children always come after their parent, so a reverse sweep sees children first.
        int[] effective = new int[count];
        int[] left = nodes.left.clone();
        int[] right = nodes.right.clone();
        for (int node = count - 1; node >= 0; node--) {
            if (nodes.variable[node] < 0) {
                effective[node] = node;
                continue;
            }
            int l = effective[left[node]];
            int r = effective[right[node]];
            filled[node] = filled[l] + filled[r];
            if (options.pruneLeaves() && filled[l] == 0) {
                effective[node] = r;
            } else if (options.pruneLeaves() && filled[r] == 0) {
                effective[node] = l;
            } else {
                effective[node] = node;
                left[node] = l;
                right[node] = r;
            }
        }
        // Pack the surviving nodes breadth-first.
        int[] newId = new int[count];
        Arrays.fill(newId, -1);
        int[] queue = new int[count];
        int head = 0;
        int tail = 0;
        queue[tail++] = effective[0];
        newId[effective[0]] = 0;
        while (head < tail) {
            int node = queue[head++];
            if (nodes.variable[node] >= 0) {
                // Siblings get adjacent ids (right = left + 1), which Tree.leafOf relies on.
                newId[left[node]] = tail;
                queue[tail++] = left[node];
                newId[right[node]] = tail;
                queue[tail++] = right[node];
            }
        }
        int size = tail;
        int[] variable = new int[size];
        double[] threshold = new double[size];
        int[] newLeft = new int[size];
        int[] newRight = new int[size];
        int[] leafStart = new int[size];
        int[] leafEnd = new int[size];
        for (int id = 0; id < size; id++) {
            int node = queue[id];
            variable[id] = nodes.variable[node];
            threshold[id] = nodes.threshold[node];
            newLeft[id] = variable[id] >= 0 ? newId[left[node]] : -1;
            newRight[id] = variable[id] >= 0 ? newId[right[node]] : -1;
        }
        // Leaf rows, leaf by leaf, ascending within each leaf.
        int[] offset = new int[size + 1];
        for (int e = 0; e < estimationRows.length; e++) {
            int id = newId[leafOfRow[e]];
            if (id >= 0) {
                offset[id + 1]++;
            }
        }
        for (int id = 0; id < size; id++) {
            offset[id + 1] += offset[id];
        }
        int[] leafRows = new int[offset[size]];
        int[] cursor = Arrays.copyOf(offset, size);
        for (int e = 0; e < estimationRows.length; e++) {
            int id = newId[leafOfRow[e]];
            if (id >= 0) {
                leafRows[cursor[id]++] = estimationRows[e];
            }
        }
        for (int id = 0; id < size; id++) {
            leafStart[id] = offset[id];
            leafEnd[id] = offset[id + 1];
        }
        return new Tree(variable, threshold, newLeft, newRight, leafStart, leafEnd, leafRows, subsampleBits, splitBits,
                options.honesty());
    }

    /** The growing tree: parallel primitive arrays, appended breadth-first. */
    private static final class Nodes {
        int size;
        int[] start = new int[64];
        int[] end = new int[64];
        int[] variable = new int[64];
        double[] threshold = new double[64];
        int[] left = new int[64];
        int[] right = new int[64];

        void add(int from, int to) {
            if (size == start.length) {
                int capacity = size * 2;
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
                variable = Arrays.copyOf(variable, capacity);
                threshold = Arrays.copyOf(threshold, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
            }
            start[size] = from;
            end[size] = to;
            variable[size] = -1;
            threshold[size] = Double.NaN;
            left[size] = -1;
            right[size] = -1;
            size++;
        }

        void split(int node, int var, double value, int middle) {
            variable[node] = var;
            threshold[node] = value;
            left[node] = size;
            add(start[node], middle);
            right[node] = size;
            add(middle, end[node]);
        }
    }

    /** Thrown inside workers when their thread is interrupted; the trainer turns it into a user-facing error. */
    static final class TrainingInterrupted extends RuntimeException {
        TrainingInterrupted() {
            super("tree growing interrupted", null, false, false);
        }
    }
}
