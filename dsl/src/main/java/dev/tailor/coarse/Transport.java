package dev.tailor.coarse;

import java.util.Arrays;

/**
 * The capacitated assignment for a fixed set of offered columns ("atoms"): give each row one atom, between
 * min[a] and cap[a] rows to atom a, maximizing the total value. This is a transportation problem with n unit sources and m
 * sinks; because m is small (K + 1), it is solved exactly on the m-node graph of moves between atoms.
 *
 * <p>Method (successive shortest paths, primal–dual). Start from each row's best atom, which is optimal
 * without capacities. Moving row i from atom a to atom b costs v_ia − v_ib, so the residual graph compresses to
 * m nodes with edge a→b weighted by the cheapest such move, kept in a lazy min-heap per ordered pair. While an
 * atom is over capacity, Bellman–Ford finds the cheapest chain of moves from any overfull atom to an atom with
 * room, and one row moves along each of its edges. Each augmentation keeps the residual graph free of negative
 * cycles, so the final assignment is optimal. Minimums are then met the same way: while an atom is short, the
 * cheapest chain from any atom above its minimum to a short atom moves one row along each edge.
 *
 * <p>Certificate. Dual prices λ (one per atom; positive only at a full atom, negative only at an atom held at
 * its minimum) are minus the shortest distances from a sink node T in the residual graph (arcs a→T where an atom
 * has room, T→a where it is above its minimum). With them every row's atom maximizes v_ia − λ_a, and the duality
 * gap Σ_i [max_a (v_ia − λ_a) − (v_i,a(i) − λ_a(i))] + Σ_a [λ_a⁺ (cap_a − count_a) + λ_a⁻ (count_a − min_a)] is
 * ≥ 0, and 0 exactly at the optimum (here: rounding error only).
 *
 * <p>Cost: O(n·m) when the best atoms fit the capacities; otherwise O(n·m·log n) to build the heaps plus, per
 * row moved, O(m³) for Bellman–Ford and O(m·log n) heap work.
 */
final class Transport {

    /** The solution: for each row its column (not atom index), the total value, prices per atom, and the gap. */
    record Plan(int[] columnOf, double total, double[] prices, double gap, int moves) {
    }

    private Transport() {
    }

    /**
     * Solves the assignment. {@code atoms} are column indices in ascending order (ties in value go to the
     * first); {@code mins} and {@code caps} are the atoms' bounds: caps must sum to at least n, mins to at most n.
     */
    static Plan solve(ValueMatrix values, int[] atoms, int[] mins, int[] caps) {
        int n = values.rows();
        int m = atoms.length;
        double[][] v = new double[m][];
        for (int a = 0; a < m; a++) {
            v[a] = values.columnView(atoms[a]);
        }
        int[] cur = new int[n];
        int[] counts = new int[m];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int a = 1; a < m; a++) {
                if (v[a][i] > v[best][i]) {
                    best = a;
                }
            }
            cur[i] = best;
            counts[best]++;
        }
        boolean over = false;
        for (int a = 0; a < m; a++) {
            over |= counts[a] > caps[a] || counts[a] < mins[a];
        }
        double[] prices = new double[m];
        int moves = 0;
        if (over) {
            Heap[][] heaps = buildHeaps(v, cur, counts);
            double[][] w = new double[m][m];
            double[] dist = new double[m];
            int[] pred = new int[m];
            int[] pathRows = new int[m];
            int[] pathFrom = new int[m];
            int[] pathTo = new int[m];
            // Phase 1: empty overfull atoms into atoms with room. Phase 2: fill short atoms from atoms above their
            // minimum. Each step moves one row along every edge of a cheapest chain.
            for (int phase = 1; phase <= 2; phase++) {
                while (true) {
                    boolean pending = false;
                    for (int a = 0; a < m; a++) {
                        pending |= phase == 1 ? counts[a] > caps[a] : counts[a] < mins[a];
                    }
                    if (!pending) {
                        break;
                    }
                    weights(heaps, cur, w);
                    Arrays.fill(pred, -1);
                    for (int a = 0; a < m; a++) {
                        boolean source = phase == 1 ? counts[a] > caps[a] : counts[a] > mins[a];
                        dist[a] = source ? 0 : Double.POSITIVE_INFINITY;
                    }
                    relax(w, dist, pred, m);
                    int target = -1;
                    for (int b = 0; b < m; b++) {
                        boolean sink = phase == 1 ? counts[b] < caps[b] : counts[b] < mins[b];
                        if (sink && dist[b] < Double.POSITIVE_INFINITY && (target < 0 || dist[b] < dist[target])) {
                            target = b;
                        }
                    }
                    if (target < 0) {
                        throw new IllegalStateException("No chain of moves reaches an atom that needs rows; bounds "
                                + Arrays.toString(mins) + ".." + Arrays.toString(caps) + " for counts "
                                + Arrays.toString(counts) + ".");
                    }
                    // Collect the rows of the path first, then move them, so no row moves twice.
                    int length = 0;
                    for (int b = target; pred[b] >= 0; b = pred[b]) {
                        if (length >= m) {
                            throw new IllegalStateException("A negative cycle among atoms: the assignment was not optimal.");
                        }
                        int a = pred[b];
                        pathFrom[length] = a;
                        pathTo[length] = b;
                        pathRows[length] = heaps[a][b].topRow();
                        length++;
                    }
                    for (int e = 0; e < length; e++) {
                        int row = pathRows[e];
                        int to = pathTo[e];
                        cur[row] = to;
                        counts[pathFrom[e]]--;
                        counts[to]++;
                        for (int c = 0; c < m; c++) {
                            if (c != to) {
                                heaps[to][c].push(row, v[to][row] - v[c][row]);
                            }
                        }
                        moves++;
                    }
                }
            }
            weights(heaps, cur, w);
            prices = prices(w, counts, mins, caps);
        }
        // The total and the duality gap.
        double total = 0;
        double gap = 0;
        for (int i = 0; i < n; i++) {
            double own = v[cur[i]][i];
            total += own;
            double bestReduced = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                bestReduced = Math.max(bestReduced, v[a][i] - prices[a]);
            }
            gap += bestReduced - (own - prices[cur[i]]);
        }
        for (int a = 0; a < m; a++) {
            gap += prices[a] > 0 ? prices[a] * (caps[a] - counts[a]) : -prices[a] * (counts[a] - mins[a]);
        }
        int[] columnOf = new int[n];
        for (int i = 0; i < n; i++) {
            columnOf[i] = atoms[cur[i]];
        }
        return new Plan(columnOf, total, prices, gap, moves);
    }

    private static Heap[][] buildHeaps(double[][] v, int[] cur, int[] counts) {
        int m = v.length;
        Heap[][] heaps = new Heap[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a != b) {
                    heaps[a][b] = new Heap(counts[a] + 16);
                }
            }
        }
        for (int i = 0; i < cur.length; i++) {
            int a = cur[i];
            for (int b = 0; b < m; b++) {
                if (b != a) {
                    heaps[a][b].append(i, v[a][i] - v[b][i]);
                }
            }
        }
        for (Heap[] row : heaps) {
            for (Heap heap : row) {
                if (heap != null) {
                    heap.heapify();
                }
            }
        }
        return heaps;
    }

    /** w[a][b] = the cheapest move of a row now at a to b; +∞ when a holds no row. Drops stale heap entries. */
    private static void weights(Heap[][] heaps, int[] cur, double[][] w) {
        int m = w.length;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a == b) {
                    w[a][b] = 0;
                    continue;
                }
                Heap heap = heaps[a][b];
                while (heap.size() > 0 && cur[heap.topRow()] != a) {
                    heap.pop();
                }
                w[a][b] = heap.size() > 0 ? heap.topKey() : Double.POSITIVE_INFINITY;
            }
        }
    }

    private static void relax(double[][] w, double[] dist, int[] pred, int m) {
        for (int round = 0; round < m; round++) {
            boolean changed = false;
            for (int a = 0; a < m; a++) {
                if (dist[a] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int b = 0; b < m; b++) {
                    // The small relative margin keeps rounding in tied data from creating a pseudo-negative cycle.
                    if (b != a && w[a][b] < Double.POSITIVE_INFINITY
                            && (dist[b] == Double.POSITIVE_INFINITY
                                    || dist[a] + w[a][b] < dist[b] - 1e-12 * (1 + Math.abs(dist[b])))) {
                        dist[b] = dist[a] + w[a][b];
                        pred[b] = a;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /**
     * Dual prices from the final residual graph: nodes are the atoms and a sink T, with the move edges w, a→T
     * (cost 0) where atom a has room and T→a (cost 0) where a is above its minimum. With d the shortest distances
     * from T (nodes T cannot reach start at a large finite distance, which only adds harmless constraints),
     * λ_a = −d(a) satisfies v_ib − λ_b ≤ v_ia − λ_a for every row at a, λ_a ≤ 0 where a has room and λ_a ≥ 0
     * where a is above its minimum: complementary slackness.
     */
    private static double[] prices(double[][] w, int[] counts, int[] mins, int[] caps) {
        int m = w.length;
        double far = 1;
        for (double[] row : w) {
            for (double x : row) {
                if (x < Double.POSITIVE_INFINITY) {
                    far += Math.abs(x);
                }
            }
        }
        double[] d = new double[m];
        for (int a = 0; a < m; a++) {
            d[a] = counts[a] > mins[a] ? 0 : far;   // T→a, or the large stand-in distance
        }
        for (int round = 0; round <= m + 1; round++) {
            boolean changed = false;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a != b && w[a][b] < Double.POSITIVE_INFINITY && d[a] + w[a][b] < d[b]) {
                        d[b] = d[a] + w[a][b];
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        double[] lambda = new double[m];
        for (int a = 0; a < m; a++) {
            lambda[a] = 0.0 - d[a];   // not −d, which would print −0 for d = 0
        }
        return lambda;
    }

    /** A binary min-heap of (row, key) pairs in parallel primitive arrays. */
    private static final class Heap {

        private int[] rows;
        private double[] keys;
        private int size;

        Heap(int capacity) {
            rows = new int[capacity];
            keys = new double[capacity];
        }

        int size() {
            return size;
        }

        int topRow() {
            return rows[0];
        }

        double topKey() {
            return keys[0];
        }

        void append(int row, double key) {
            grow();
            rows[size] = row;
            keys[size] = key;
            size++;
        }

        void heapify() {
            for (int i = size / 2 - 1; i >= 0; i--) {
                down(i);
            }
        }

        void push(int row, double key) {
            append(row, key);
            int i = size - 1;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!less(i, parent)) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        void pop() {
            size--;
            rows[0] = rows[size];
            keys[0] = keys[size];
            down(0);
        }

        private void down(int i) {
            while (true) {
                int left = 2 * i + 1;
                if (left >= size) {
                    return;
                }
                int smallest = left + 1 < size && less(left + 1, left) ? left + 1 : left;
                if (!less(smallest, i)) {
                    return;
                }
                swap(i, smallest);
                i = smallest;
            }
        }

        /** Orders by key, then by row, so that the same input always gives the same moves. */
        private boolean less(int i, int j) {
            return keys[i] < keys[j] || (keys[i] == keys[j] && rows[i] < rows[j]);
        }

        private void swap(int i, int j) {
            int r = rows[i];
            rows[i] = rows[j];
            rows[j] = r;
            double k = keys[i];
            keys[i] = keys[j];
            keys[j] = k;
        }

        private void grow() {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, Math.max(16, 2 * size));
                keys = Arrays.copyOf(keys, Math.max(16, 2 * size));
            }
        }
    }
}
