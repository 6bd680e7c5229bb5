package dev.tailor.match;

/**
 * An exact k-nearest-neighbour index over the rows of one arm, ordered by (squared Euclidean distance, row index):
 * ties in distance go to the lower row index, so a search returns exactly what a brute-force scan sorted by
 * (distance, row) returns.
 *
 * <p>Why this is exact in floating point: squared distances are always summed over the coordinates in the same
 * order (0..p−1), and a cell is skipped only when a lower bound on its distances is <em>strictly</em> larger than
 * the current k-th distance. The bound is the squared distance from the query to the cell's bounding box, summed in
 * the same order; since rounding is monotone, each term and each partial sum is at most the corresponding term of
 * any point's distance. A point at exactly the k-th distance is therefore never pruned, and the row index decides.
 *
 * <p>Cost: building is O(n log n). A query opens only the cells whose box lies within the k-th distance; in few
 * dimensions that is a handful, but in a dozen standardized dimensions with k = 50 it is most of them (61% of the
 * points of a 5,000-unit arm on Conecta-like covariates), which is why {@link ScanIndex} is used there. Immutable
 * after construction and safe to search from many threads.
 */
final class KdTree implements NeighbourIndex {

    private static final int LEAF_SIZE = 12;

    private final int p;
    private final double[] points; // the arm's rows in tree order, row-major: point t at t * p
    private final int[] rows;      // training row index of point t
    // Nodes in arrays: a leaf has dim = -1 and covers points [start, end).
    private int[] dim;
    private double[] cut;
    private int[] left;
    private int[] right;
    private int[] start;
    private int[] end;
    private double[] low;   // node cell: the smallest coordinate of its points, node * p + j
    private double[] high;  // and the largest
    private int nodes;

    /**
     * Indexes the given rows of the standardized covariates {@code x} (row-major, n × p).
     *
     * @param x      all training covariates, row-major
     * @param p      columns of {@code x}
     * @param subset training rows to index (one arm), in increasing order
     */
    KdTree(double[] x, int p, int[] subset) {
        this.p = p;
        int m = subset.length;
        int[] order = subset.clone();
        int capacity = Math.max(1, 2 * (m / LEAF_SIZE + 1) + 1);
        dim = new int[capacity];
        cut = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        start = new int[capacity];
        end = new int[capacity];
        low = new double[capacity * p];
        high = new double[capacity * p];
        build(x, order, 0, m);
        this.rows = order;
        this.points = new double[m * p];
        for (int t = 0; t < m; t++) {
            System.arraycopy(x, order[t] * p, points, t * p, p);
        }
    }

    @Override
    public int size() {
        return rows.length;
    }

    private int build(double[] x, int[] order, int from, int to) {
        int node = newNode();
        start[node] = from;
        end[node] = to;
        dim[node] = -1;
        // The cell is the bounding box of the node's points; split the widest coordinate at its median.
        int best = -1;
        double widest = 0;
        for (int j = 0; j < p; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t = from; t < to; t++) {
                double v = x[order[t] * p + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            low[node * p + j] = lo;
            high[node * p + j] = hi;
            if (hi - lo > widest) {
                widest = hi - lo;
                best = j;
            }
        }
        if (best < 0 || to - from <= LEAF_SIZE) {
            return node; // small, or every point identical
        }
        int middle = (from + to) >>> 1;
        select(x, order, from, to - 1, middle, best);
        // Points before middle are <= cut and points from middle on are >= cut.
        dim[node] = best;
        cut[node] = x[order[middle] * p + best];
        int l = build(x, order, from, middle);
        int r = build(x, order, middle, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private int newNode() {
        if (nodes == dim.length) {
            int size = 2 * nodes;
            dim = java.util.Arrays.copyOf(dim, size);
            cut = java.util.Arrays.copyOf(cut, size);
            left = java.util.Arrays.copyOf(left, size);
            right = java.util.Arrays.copyOf(right, size);
            low = java.util.Arrays.copyOf(low, size * p);
            high = java.util.Arrays.copyOf(high, size * p);
            start = java.util.Arrays.copyOf(start, size);
            end = java.util.Arrays.copyOf(end, size);
        }
        return nodes++;
    }

    // Quickselect on coordinate j: afterwards order[k] holds the value of rank k, smaller ones before, larger after.
    private void select(double[] x, int[] order, int lo, int hi, int k, int j) {
        while (hi > lo) {
            double pivot = x[order[(lo + hi) >>> 1] * p + j];
            int i = lo;
            int e = hi;
            while (i <= e) {
                while (x[order[i] * p + j] < pivot) {
                    i++;
                }
                while (x[order[e] * p + j] > pivot) {
                    e--;
                }
                if (i <= e) {
                    int swap = order[i];
                    order[i] = order[e];
                    order[e] = swap;
                    i++;
                    e--;
                }
            }
            if (k <= e) {
                hi = e;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The k nearest rows to {@code query}, nearest first, ties by lower row index, skipping row {@code exclude}
     * (pass −1 to keep every row). Returns fewer than k rows only when the arm has fewer eligible rows.
     *
     * @param query   a standardized point of length p
     * @param k       neighbours wanted
     * @param exclude training row to leave out (leave-one-out), or −1
     * @param scratch per-thread working space from {@link #scratch(int)}
     */
    @Override
    public int search(double[] query, int k, int exclude, Scratch scratch, int[] out) {
        scratch.reset(k);
        visit(0, bound(0, query), query, exclude, scratch);
        return scratch.drainSorted(out);
    }

    private void visit(int node, double nodeBound, double[] q, int exclude, Scratch s) {
        if (s.full() && nodeBound > s.worstDistance()) {
            return;
        }
        if (dim[node] < 0) {
            scan(start[node], end[node], q, exclude, s);
            return;
        }
        // Nearer cell first, then the other one unless its bound is strictly beyond the k-th distance.
        int l = left[node];
        int r = right[node];
        double lb = bound(l, q);
        double rb = bound(r, q);
        if (lb <= rb) {
            visit(l, lb, q, exclude, s);
            visit(r, rb, q, exclude, s);
        } else {
            visit(r, rb, q, exclude, s);
            visit(l, lb, q, exclude, s);
        }
    }

    // The squared distance from q to the node's cell, summed over coordinates 0..p−1 like every distance; each term
    // is at most the corresponding term of any point in the cell, so the sum is a lower bound in floating point too.
    private double bound(int node, double[] q) {
        int base = node * p;
        double sum = 0;
        for (int j = 0; j < p; j++) {
            double below = low[base + j] - q[j];
            double above = q[j] - high[base + j];
            double gap = below > 0 ? below : above > 0 ? above : 0;
            sum += gap * gap;
        }
        return sum;
    }

    private void scan(int from, int to, double[] q, int exclude, Scratch s) {
        for (int t = from; t < to; t++) {
            int row = rows[t];
            if (row == exclude) {
                continue;
            }
            int base = t * p;
            double limit = s.full() ? s.worstDistance() : Double.POSITIVE_INFINITY;
            double sum = 0;
            boolean beyond = false;
            for (int j = 0; j < p; j++) {
                double delta = points[base + j] - q[j];
                sum += delta * delta;
                if (sum > limit) {
                    beyond = true; // partial sums only grow, so the full distance is beyond the k-th too
                    break;
                }
            }
            if (!beyond) {
                s.offer(sum, row);
            }
        }
    }

    /** Squared Euclidean distance, summed over coordinates 0..p−1 in order, as every search computes it. */
    static double distance(double[] a, int aOffset, double[] b, int bOffset, int p) {
        double sum = 0;
        for (int j = 0; j < p; j++) {
            double delta = a[aOffset + j] - b[bOffset + j];
            sum += delta * delta;
        }
        return sum;
    }

    static Scratch scratch(int p, int k) {
        return new Scratch(p, k);
    }

    /** A bounded max-heap of (distance, row) candidates plus the per-coordinate gaps of the current cell. */
    static final class Scratch {

        private final double[] distance;
        private final int[] row;
        private int size;
        private int capacity;

        Scratch(int p, int k) {
            distance = new double[k];
            row = new int[k];
        }

        void reset(int k) {
            size = 0;
            capacity = k;
        }

        boolean full() {
            return size == capacity;
        }

        double worstDistance() {
            return distance[0];
        }

        // (d1, r1) ranks after (d2, r2): farther, or as far with a larger row index.
        private static boolean after(double d1, int r1, double d2, int r2) {
            return d1 > d2 || (d1 == d2 && r1 > r2);
        }

        void offer(double d, int r) {
            if (size < capacity) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!after(d, r, distance[parent], row[parent])) {
                        break;
                    }
                    distance[i] = distance[parent];
                    row[i] = row[parent];
                    i = parent;
                }
                distance[i] = d;
                row[i] = r;
            } else if (after(distance[0], row[0], d, r)) {
                siftDown(d, r, size);
            }
        }

        private void siftDown(double d, int r, int n) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && after(distance[child + 1], row[child + 1], distance[child], row[child])) {
                    child++;
                }
                if (!after(distance[child], row[child], d, r)) {
                    break;
                }
                distance[i] = distance[child];
                row[i] = row[child];
                i = child;
            }
            distance[i] = d;
            row[i] = r;
        }

        // Empties the heap into out[0..size), nearest first; returns the count.
        int drainSorted(int[] out) {
            int count = size;
            for (int n = size; n > 0; n--) {
                out[n - 1] = row[0];
                double d = distance[n - 1];
                int r = row[n - 1];
                siftDown(d, r, n - 1);
            }
            size = 0;
            return count;
        }
    }
}
