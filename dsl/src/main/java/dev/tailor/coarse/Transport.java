package dev.tailor.coarse;

import java.util.Arrays;

/**
 * The capacitated assignment for a fixed set of offered columns ("atoms"): give each row one atom, at most
 * cap[a] rows to atom a, maximizing the total value. This is a transportation problem with n unit sources and m
 * sinks; because m is small (K + 1), it is solved exactly on the m-node graph of moves between atoms.
 *
 * <p>Method (successive shortest paths, primal–dual). Start from each row's best atom, which is optimal
 * without capacities. Moving row i from atom a to atom b costs v_ia − v_ib, so the residual graph compresses to
 * m nodes with edge a→b weighted by the cheapest such move, kept in a lazy min-heap per ordered pair. While an
 * atom is over capacity, Bellman–Ford finds the cheapest chain of moves from any overfull atom to an atom with
 * room, and one row moves along each of its edges. Each augmentation keeps the residual graph free of negative
 * cycles, so the final assignment is optimal.
 *
 * <p>Certificate. Dual prices λ ≥ 0 (one per atom) come from shortest distances to the atoms with room; with
 * them every row's atom maximizes v_ia − λ_a up to the reported gap, and the duality gap
 * Σ_i [max_a (v_ia − λ_a) − (v_i,a(i) − λ_a(i))] + Σ_a λ_a (cap_a − count_a) is ≥ 0, and 0 exactly at the optimum
 * (here: rounding error only).
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
     * first); {@code caps} are the atoms' capacities and must sum to at least n.
     */
    static Plan solve(ValueMatrix values, int[] atoms, int[] caps) {
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
            over |= counts[a] > caps[a];
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
            while (true) {
                boolean anyOver = false;
                for (int a = 0; a < m; a++) {
                    anyOver |= counts[a] > caps[a];
                }
                if (!anyOver) {
                    break;
                }
                weights(heaps, cur, w);
                // Bellman–Ford from every overfull atom at once.
                Arrays.fill(pred, -1);
                for (int a = 0; a < m; a++) {
                    dist[a] = counts[a] > caps[a] ? 0 : Double.POSITIVE_INFINITY;
                }
                relax(w, dist, pred, m);
                int target = -1;
                for (int b = 0; b < m; b++) {
                    if (counts[b] < caps[b] && dist[b] < Double.POSITIVE_INFINITY
                            && (target < 0 || dist[b] < dist[target])) {
                        target = b;
                    }
                }
                if (target < 0) {
                    throw new IllegalStateException("No atom with room is reachable from an overfull atom; capacities "
                            + Arrays.toString(caps) + " for counts " + Arrays.toString(counts) + ".");
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
            weights(heaps, cur, w);
            prices = prices(w, counts, caps);
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
            gap += prices[a] * (caps[a] - counts[a]);
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
                    if (b != a && w[a][b] < Double.POSITIVE_INFINITY && dist[a] + w[a][b] < dist[b]) {
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
     * Dual prices from the final move graph: λ_a = the cheapest chain of moves from a to an atom with room (0
     * for those atoms), so that λ_a ≤ λ_b + w_ab on every edge; atoms holding no row get the smallest price that
     * keeps every row away from them. With no atom having room, prices are shortest distances shifted to a
     * minimum of 0.
     */
    private static double[] prices(double[][] w, int[] counts, int[] caps) {
        int m = w.length;
        double[] lambda = new double[m];
        boolean anyRoom = false;
        for (int a = 0; a < m; a++) {
            anyRoom |= counts[a] < caps[a];
        }
        for (int a = 0; a < m; a++) {
            lambda[a] = anyRoom ? (counts[a] < caps[a] ? 0 : Double.POSITIVE_INFINITY) : (counts[a] > 0 ? 0 : Double.POSITIVE_INFINITY);
        }
        // Distances to the set above, along edges a→b: λ_a = min(λ_a, w_ab + λ_b).
        for (int round = 0; round < m; round++) {
            boolean changed = false;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a != b && w[a][b] < Double.POSITIVE_INFINITY && lambda[b] < Double.POSITIVE_INFINITY
                            && w[a][b] + lambda[b] < lambda[a]) {
                        lambda[a] = w[a][b] + lambda[b];
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        if (!anyRoom) {
            double min = Double.POSITIVE_INFINITY;
            for (int a = 0; a < m; a++) {
                if (counts[a] > 0) {
                    min = Math.min(min, lambda[a]);
                }
            }
            for (int a = 0; a < m; a++) {
                if (counts[a] > 0) {
                    lambda[a] -= min;
                }
            }
        }
        for (int a = 0; a < m; a++) {
            if (counts[a] > 0 || lambda[a] < Double.POSITIVE_INFINITY) {
                lambda[a] = Math.max(0, lambda[a]);
            }
        }
        // Atoms without rows: λ_a ≥ λ_b − w_ba for every atom b that holds rows.
        for (int a = 0; a < m; a++) {
            if (counts[a] == 0 && lambda[a] == Double.POSITIVE_INFINITY) {
                double bound = 0;
                for (int b = 0; b < m; b++) {
                    if (b != a && counts[b] > 0 && w[b][a] < Double.POSITIVE_INFINITY) {
                        bound = Math.max(bound, lambda[b] - w[b][a]);
                    }
                }
                lambda[a] = bound;
            }
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
