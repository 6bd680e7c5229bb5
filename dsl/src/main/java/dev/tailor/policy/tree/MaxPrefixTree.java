package dev.tailor.policy.tree;

import java.util.Arrays;

/**
 * For one side of a split and one feature: a segment tree over the feature's bins that keeps, for every pair of
 * actions a &lt; b, the sums of Γ[i,a] − Γ[i,b] per bin and the largest and smallest prefix sums. The best depth-1
 * split of the side along the feature is max over a &lt; b of T_b + max_t P_ab(t) (left gets a, right b) and
 * T_a − min_t P_ab(t) (left gets b, right a), where P_ab(t) = Σ_{bins ≤ t}(Γ_a − Γ_b). Storing one pair for both
 * orders is exact: negation commutes with rounded addition. Adding or removing a unit costs O(d²·log B); a query
 * costs O(d²·log B). With a minimum node size of 1 the search only adds units and queries with
 * {@link #bestSplitBelow}, which needs no unit counts.
 */
final class MaxPrefixTree {

    private final int d;
    private final int pairs; // d(d-1)/2
    private final int capacity; // leaves allocated, a power of two ≥ the feature's bins
    private int size; // leaves in use for the current node, a power of two ≥ its bins
    private final double[] sum; // [node * pairs + q]
    private final double[] highest; // largest prefix sum within the node's range, over prefixes ending at each bin
    private final double[] lowest; // smallest such prefix sum
    private final int[] count;
    private final boolean counting;
    private final double[] delta;
    private final double[] prefix;
    private final double[] high;
    private final double[] low;
    private final int[] leftNodes = new int[64];
    private final int[] rightNodes = new int[64];

    /** Without counting (only {@link #bestSplitBelow} then works), adding a unit skips the per-level counts. */
    MaxPrefixTree(int maxBins, int d, boolean counting) {
        this.counting = counting;
        this.d = d;
        this.pairs = d * (d - 1) / 2;
        int s = 1;
        while (s < Math.max(1, maxBins)) {
            s <<= 1;
        }
        this.capacity = s;
        this.size = s;
        this.sum = new double[2 * s * pairs];
        this.highest = new double[2 * s * pairs];
        this.lowest = new double[2 * s * pairs];
        this.count = new int[2 * s];
        this.delta = new double[pairs];
        this.prefix = new double[pairs];
        this.high = new double[pairs];
        this.low = new double[pairs];
    }

    /** Empties the tree for a node with {@code bins} bins (≤ the feature's bins); only that part is cleared. */
    void clear(int bins) {
        int s = 1;
        while (s < Math.max(1, bins)) {
            s <<= 1;
        }
        size = Math.min(s, capacity);
        Arrays.fill(sum, 0, 2 * size * pairs, 0);
        Arrays.fill(highest, 0, 2 * size * pairs, 0);
        Arrays.fill(lowest, 0, 2 * size * pairs, 0);
        Arrays.fill(count, 0, 2 * size, 0);
    }

    /** Adds (sign = 1) or removes (sign = -1) a unit with rewards reward[base..base+d) in bin {@code bin}. */
    void add(int bin, double[] reward, int base, int sign) {
        int q = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                delta[q++] = sign * (reward[base + a] - reward[base + b]);
            }
        }
        int node = size + bin;
        int at = node * pairs;
        for (q = 0; q < pairs; q++) {
            double v = sum[at + q] + delta[q];
            sum[at + q] = v;
            highest[at + q] = v;
            lowest[at + q] = v;
        }
        count[node] += sign;
        int leaf = node;
        node >>= 1;
        while (node >= 1) {
            int n0 = node * pairs;
            int l0 = 2 * node * pairs;
            int r0 = l0 + pairs;
            for (q = 0; q < pairs; q++) {
                double sl = sum[l0 + q];
                sum[n0 + q] = sl + sum[r0 + q];
                highest[n0 + q] = Math.max(highest[l0 + q], sl + highest[r0 + q]);
                lowest[n0 + q] = Math.min(lowest[l0 + q], sl + lowest[r0 + q]);
            }
            node >>= 1;
        }
        if (counting) {
            for (node = leaf >> 1; node >= 1; node >>= 1) {
                count[node] = count[2 * node] + count[2 * node + 1];
            }
        }
    }

    /** The bin holding the t-th unit in bin order (t is 1-based). */
    private int binOf(int t) {
        int node = 1;
        while (node < size) {
            int left = 2 * node;
            if (count[left] >= t) {
                node = left;
            } else {
                t -= count[left];
                node = left + 1;
            }
        }
        return node - size;
    }

    /**
     * Best value of a split into two actions along this feature, with both sides ≥ minNodeSize units; total holds
     * the side's reward sums per action. Negative infinity when no split is admissible.
     */
    double bestSplit(double[] total, int minNodeSize) {
        int n = count[1];
        if (n < 2 * minNodeSize) {
            return Double.NEGATIVE_INFINITY;
        }
        int lo = binOf(minNodeSize);
        int hi = binOf(n - minNodeSize + 1) - 1;
        if (lo > hi) {
            return Double.NEGATIVE_INFINITY;
        }
        // Sums over bins [0, lo).
        Arrays.fill(prefix, 0);
        int l = size;
        int r = size + lo;
        while (l < r) {
            if ((l & 1) == 1) {
                addSum(l++);
            }
            if ((r & 1) == 1) {
                addSum(--r);
            }
            l >>= 1;
            r >>= 1;
        }
        return scan(total, lo, hi + 1);
    }

    /**
     * Best value of a split into two actions at a boundary after bins 0..lastBin-1, for a tree whose units all
     * lie in bins ≤ lastBin and that never had a unit removed. Prefixes ending before the first occupied bin sum
     * to exactly zero and give total[b] ≤ the leaf, so with a minimum node size of 1 they need no exclusion; the
     * full prefix is excluded because its rounded sum could exceed the leaf.
     */
    double bestSplitBelow(double[] total, int lastBin) {
        if (lastBin <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        Arrays.fill(prefix, 0);
        return scan(total, 0, lastBin);
    }

    /** Best split over prefixes ending at bins [from, to), given the sums over bins [0, from) in prefix. */
    private double scan(double[] total, int from, int to) {
        int nl = 0;
        int nr = 0;
        int l = size + from;
        int r = size + to;
        while (l < r) {
            if ((l & 1) == 1) {
                leftNodes[nl++] = l++;
            }
            if ((r & 1) == 1) {
                rightNodes[nr++] = --r;
            }
            l >>= 1;
            r >>= 1;
        }
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        for (int i = 0; i < nl + nr; i++) {
            int node = i < nl ? leftNodes[i] : rightNodes[nr - 1 - (i - nl)];
            int at = node * pairs;
            for (int q = 0; q < pairs; q++) {
                high[q] = Math.max(high[q], prefix[q] + highest[at + q]);
                low[q] = Math.min(low[q], prefix[q] + lowest[at + q]);
                prefix[q] += sum[at + q];
            }
        }
        double value = Double.NEGATIVE_INFINITY;
        int q = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                value = Math.max(value, total[b] + high[q]);
                value = Math.max(value, total[a] - low[q]);
                q++;
            }
        }
        return value;
    }

    private void addSum(int node) {
        int at = node * pairs;
        for (int q = 0; q < pairs; q++) {
            prefix[q] += sum[at + q];
        }
    }
}
