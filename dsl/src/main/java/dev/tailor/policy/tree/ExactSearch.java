package dev.tailor.policy.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exact search for the depth-≤3 tree that maximizes the total reward, on features cut into bins.
 *
 * <p><b>Candidate splits.</b> Each feature is sorted once over all units, by value and then by row index. A
 * boundary after sorted position k (k units on the left, 1 ≤ k < n) is a candidate when the k-th and (k+1)-th
 * values differ and at least {@code splitStep} positions separate it from the previous candidate (from position
 * 0 for the first one). With {@code splitStep = 1} every boundary between distinct values is a candidate. The
 * candidates cut the feature into bins; every node of the tree splits only at these boundaries, and a split is
 * admissible in a node when both sides keep at least {@code minNodeSize} of the node's units. (policytree instead
 * restarts its split-step counter inside every node; the two agree when {@code splitStep = 1}.)
 *
 * <p><b>Ties.</b> Candidates are scanned with the leaf first, then by feature in column order, then by threshold
 * from small to large, and a candidate replaces the best so far only if its reward is strictly greater. A leaf
 * takes the lowest-index action among those with the largest reward sum. A split whose two children are leaves
 * with the same action is never taken (it is the leaf). Rewards are compared as computed doubles; with integer
 * rewards all sums are exact, so ties are exact.
 *
 * <p><b>Cost.</b> Depth 1 scans each feature once: O(p·n·d). Depth 2 sweeps the root feature once and keeps, for
 * every second feature, a histogram of the left side over that feature's bins; each root candidate then costs one
 * pass over the bins ({@link TwoSideSplits}): O(p²·n·d + C·p·B·d) for C root candidates and B bins per feature
 * (B ≤ n). When features have many bins and there are few actions, depth 2 instead grows one {@link MaxPrefixTree}
 * per (root, second) feature forward and then backward through the root order, O(p²·n·d²·log B), and along the
 * root feature itself keeps running prefix extremes. Depth 3: when the node's features have few bins
 * (2·Σ_k Σ_l B_k·B_l·d ≤ {@link #HISTOGRAM_BUDGET} doubles), {@link HistogramDepthThree} keeps 2-D histograms of the
 * left side as the root split moves, costing O(p³·n·d + C·(p·B)²·d); otherwise the depth-2 search runs on both
 * sides of root candidates after a stable partition of the sorted orders, skipping candidates, and the larger side
 * of a candidate, whose upper bound is below the best value found ({@link PrunedDepthThree}). Root features can be
 * searched on several threads; the result does not depend on the thread count.
 */
final class ExactSearch {

    final int n;
    final int p;
    final int d;
    final double[] reward; // n × d, row-major
    final double[][] x; // [feature][unit]
    final int[][] bin; // [feature][unit]: bin index, increasing with x
    final int[] binCount;
    final int minNodeSize;
    final int[][] sorted; // [feature]: units by (x, row index)

    /** Largest histogram memory (doubles) for which depth 3 uses {@link HistogramDepthThree}. */
    static final long HISTOGRAM_BUDGET = 16_000_000; // 128 MB per thread

    final long histogramBudget;
    /** Depth-2 kernel choice: {@link #TREES_NEVER}, {@link #TREES_AUTO} (by estimated cost) or {@link #TREES_ALWAYS}. */
    final int trees;
    static final int TREES_NEVER = 0;
    static final int TREES_AUTO = 1;
    static final int TREES_ALWAYS = 2;

    ExactSearch(double[][] x, double[] reward, int d, int splitStep, int minNodeSize) {
        this(x, reward, d, splitStep, minNodeSize, HISTOGRAM_BUDGET, TREES_AUTO);
    }

    ExactSearch(double[][] x, double[] reward, int d, int splitStep, int minNodeSize, long histogramBudget) {
        this(x, reward, d, splitStep, minNodeSize, histogramBudget, TREES_AUTO);
    }

    /** Tests use this to force one depth-2 kernel or the other and compare them. */
    ExactSearch(double[][] x, double[] reward, int d, int splitStep, int minNodeSize, long histogramBudget, int trees) {
        this.histogramBudget = histogramBudget;
        this.trees = trees;
        this.x = x;
        this.reward = reward;
        this.d = d;
        this.p = x.length;
        this.n = reward.length / d;
        this.minNodeSize = minNodeSize;
        this.bin = new int[p][n];
        this.binCount = new int[p];
        this.sorted = new int[p][];
        for (int j = 0; j < p; j++) {
            double[] xj = x[j];
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> {
                int c = Double.compare(xj[a], xj[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            sorted[j] = order;
            int current = 0;
            int lastCandidate = 0;
            for (int k = 1; k <= n; k++) {
                bin[j][order[k - 1]] = current;
                if (k < n && xj[order[k - 1]] < xj[order[k]] && k - lastCandidate >= splitStep) {
                    current++;
                    lastCandidate = k;
                }
            }
            binCount[j] = current + 1;
        }
    }

    /** The best choice at one node: a leaf (feature = -1) or a split "bin[feature] <= bin goes left". */
    record Choice(double value, int feature, int bin, int action) {
        boolean leaf() {
            return feature < 0;
        }
    }

    /** A found tree before its leaves are summarized. */
    record Proto(int feature, double threshold, Proto left, Proto right, int action) {
        boolean leaf() {
            return left == null;
        }
    }

    /**
     * The best depth-3 value found so far at the root, shared by the threads searching different root features.
     * It only decides which candidates are skipped as provably worse, never which tree is returned.
     */
    static final class SharedBest {
        private double value = Double.NEGATIVE_INFINITY;

        synchronized double get() {
            return value;
        }

        synchronized void offer(double candidate) {
            value = Math.max(value, candidate);
        }
    }

    /** Scratch space of the max-prefix-tree depth-2 kernel: one tree and per-root-candidate arrays. */
    final class Sweep {
        final MaxPrefixTree tree;
        final int[] candidateAt = new int[n + 1]; // left-side size -> candidate index, or -1
        final int[] candidateSize = new int[n];
        final int[] candidateBin = new int[n];
        final double[] leftTotals = new double[n * d];
        final double[] leftSplit = new double[n];
        final double[] rightSplit = new double[n];
        final double[] full = new double[d * (d - 1) / 2]; // running pair sums of the root-feature shortcut
        final double[] high = new double[d * (d - 1) / 2];
        final double[] low = new double[d * (d - 1) / 2];
        final double[] delta = new double[d * (d - 1) / 2];

        Sweep() {
            int maxBins = 1;
            for (int k = 0; k < p; k++) {
                maxBins = Math.max(maxBins, binCount[k]);
            }
            tree = new MaxPrefixTree(maxBins, d, minNodeSize > 1);
        }
    }

    final class Workspace {
        /** Shared incumbent for a depth-3 search of the root node, or null elsewhere. */
        SharedBest rootIncumbent;
        final int[] rank = new int[n * p]; // unit-major: rank[u * p + k] = compressed bin of unit u along k
        final double[][] nodeBins = new double[p][];
        final int[][] nodeCount = new int[p][];
        final double[][] left = new double[p][];
        final int[][] leftCount = new int[p][];
        final int[] bins = new int[p];
        final double[] total = new double[d];
        final double[] totalLeft = new double[d];
        final double[] totalRight = new double[d];
        final TwoSideSplits.Best sides = new TwoSideSplits.Best(d);

        private Sweep sweep;

        Sweep sweep() {
            if (sweep == null) {
                sweep = new Sweep();
            }
            return sweep;
        }

        Workspace() {
            for (int k = 0; k < p; k++) {
                nodeBins[k] = new double[binCount[k] * d];
                nodeCount[k] = new int[binCount[k]];
                left[k] = new double[binCount[k] * d];
                leftCount[k] = new int[binCount[k]];
            }
        }
    }

    int[][] root() {
        int[][] lists = new int[p][];
        for (int j = 0; j < p; j++) {
            lists[j] = sorted[j].clone();
        }
        return lists;
    }

    /** Finds the best tree of depth ≤ {@code depth} on all units, searching root features on {@code threads} threads. */
    Proto solve(int depth, int threads) {
        int[][] lists = root();
        Choice top;
        if (depth == 0 || threads <= 1 || p == 1) {
            Workspace w = new Workspace();
            w.rootIncumbent = new SharedBest();
            top = best(lists, depth, w);
        } else {
            top = bestParallel(lists, depth, threads);
        }
        return build(lists, depth, top, new Workspace());
    }

    private Choice bestParallel(int[][] lists, int depth, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, p));
        try {
            List<Future<Choice>> perFeature = new ArrayList<>();
            SharedBest incumbent = new SharedBest();
            for (int j = 0; j < p; j++) {
                int feature = j;
                perFeature.add(pool.submit(() -> {
                    Workspace w = new Workspace();
                    w.rootIncumbent = incumbent;
                    return bestWithRoot(lists, depth, feature, w);
                }));
            }
            Choice best = leaf(lists);
            for (Future<Choice> future : perFeature) {
                Choice candidate = future.get();
                if (candidate != null && candidate.value > best.value) {
                    best = candidate;
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Policy tree search was interrupted.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rebuilds the tree below a node from its best choice, re-searching each child at one depth less. */
    Proto build(int[][] lists, int depth, Choice choice, Workspace w) {
        if (choice.leaf()) {
            return new Proto(-1, Double.NaN, null, null, choice.action);
        }
        int[][][] parts = partition(lists, choice.feature, choice.bin);
        int[] leftOrder = parts[0][choice.feature];
        double threshold = x[choice.feature][leftOrder[leftOrder.length - 1]];
        Proto left = build(parts[0], depth - 1, best(parts[0], depth - 1, w), w);
        Proto right = build(parts[1], depth - 1, best(parts[1], depth - 1, w), w);
        if (left.leaf() && right.leaf() && left.action == right.action) {
            return new Proto(-1, Double.NaN, null, null, left.action); // only possible through rounding
        }
        return new Proto(choice.feature, threshold, left, right, -1);
    }

    Choice best(int[][] lists, int depth, Workspace w) {
        return switch (depth) {
            case 0 -> leaf(lists);
            case 1 -> best1(lists);
            case 2 -> best2(lists, w, 0, p, true);
            case 3 -> best3(lists, w, 0, p, true);
            default -> throw new IllegalArgumentException("depth must be in 0..3, got " + depth);
        };
    }

    /** Best split whose root splits on feature {@code j}, or null when none is admissible and better. */
    Choice bestWithRoot(int[][] lists, int depth, int j, Workspace w) {
        Choice c = switch (depth) {
            case 1 -> best1Range(lists, j, j + 1, false);
            case 2 -> best2(lists, w, j, j + 1, false);
            case 3 -> best3(lists, w, j, j + 1, false);
            default -> throw new IllegalArgumentException("depth must be in 1..3, got " + depth);
        };
        return c;
    }

    Choice leaf(int[][] lists) {
        double[] total = new double[d];
        for (int u : lists[0]) {
            addRow(total, u);
        }
        int a = argmax(total);
        return new Choice(total[a], -1, -1, a);
    }

    private void addRow(double[] sum, int u) {
        int base = u * d;
        for (int a = 0; a < d; a++) {
            sum[a] += reward[base + a];
        }
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

    /** Index of the largest total[a] - part[a]. */
    private static int argmaxDiff(double[] total, double[] part) {
        int best = 0;
        double bestValue = total[0] - part[0];
        for (int a = 1; a < total.length; a++) {
            double v = total[a] - part[a];
            if (v > bestValue) {
                best = a;
                bestValue = v;
            }
        }
        return best;
    }

    private Choice best1(int[][] lists) {
        return best1Range(lists, 0, p, true);
    }

    /** Depth 1: one scan per feature with running sums. */
    private Choice best1Range(int[][] lists, int from, int to, boolean withLeaf) {
        int m = lists[0].length;
        double[] total = new double[d];
        for (int u : lists[0]) {
            addRow(total, u);
        }
        int leafAction = argmax(total);
        Choice best = withLeaf ? new Choice(total[leafAction], -1, -1, leafAction) : null;
        double bestValue = withLeaf ? best.value : Double.NEGATIVE_INFINITY;
        double[] prefix = new double[d];
        for (int k = from; k < to; k++) {
            Arrays.fill(prefix, 0);
            int[] list = lists[k];
            int[] bk = bin[k];
            for (int pos = 0; pos < m - 1; pos++) {
                int u = list[pos];
                addRow(prefix, u);
                if (bk[u] == bk[list[pos + 1]]) {
                    continue;
                }
                int count = pos + 1;
                if (count < minNodeSize || m - count < minNodeSize) {
                    continue;
                }
                int la = argmax(prefix);
                int ra = argmaxDiff(total, prefix);
                if (la == ra) {
                    continue;
                }
                double v = prefix[la] + (total[ra] - prefix[ra]);
                if (v > bestValue) {
                    bestValue = v;
                    best = new Choice(v, k, bk[u], -1);
                }
            }
        }
        return best;
    }

    /**
     * Depth 2. For each root feature j in [from, to), units enter the left side in j's order; for every other
     * feature k the left side's reward sums per bin of k are kept up to date, so the best depth-1 split of
     * either side along k is one pass over k's bins.
     */
    private Choice best2(int[][] lists, Workspace w, int from, int to, boolean withLeaf) {
        int m = lists[0].length;
        double[] total = w.total;
        Arrays.fill(total, 0);
        for (int u : lists[0]) {
            addRow(total, u);
        }
        int leafAction = argmax(total);
        Choice best = withLeaf ? new Choice(total[leafAction], -1, -1, leafAction) : null;
        double bestValue = withLeaf ? best.value : Double.NEGATIVE_INFINITY;
        if (m < 2 * minNodeSize) {
            return best;
        }
        prepare(lists, w);
        if (useTrees(w.bins, m)) {
            return best2Trees(lists, w, from, to, best, bestValue);
        }
        double[] totalLeft = w.totalLeft;
        double[] totalRight = w.totalRight;
        for (int j = from; j < to; j++) {
            int[] list = lists[j];
            int[] bj = bin[j];
            for (int k = 0; k < p; k++) {
                Arrays.fill(w.left[k], 0, w.bins[k] * d, 0);
                Arrays.fill(w.leftCount[k], 0, w.bins[k], 0);
            }
            Arrays.fill(totalLeft, 0);
            int pos = 0;
            while (pos < m) {
                int b = bj[list[pos]];
                while (pos < m && bj[list[pos]] == b) {
                    int u = list[pos];
                    int base = u * d;
                    for (int a = 0; a < d; a++) {
                        totalLeft[a] += reward[base + a];
                    }
                    int ranks = u * p;
                    for (int k = 0; k < p; k++) {
                        int r = w.rank[ranks + k];
                        double[] leftK = w.left[k];
                        int at = r * d;
                        for (int a = 0; a < d; a++) {
                            leftK[at + a] += reward[base + a];
                        }
                        w.leftCount[k][r]++;
                    }
                    pos++;
                }
                if (pos == m) {
                    break;
                }
                if (pos < minNodeSize || m - pos < minNodeSize) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    totalRight[a] = total[a] - totalLeft[a];
                }
                TwoSideSplits.Best sides = bestSplitsOfSides(w, pos, m - pos);
                if (sides.leafA >= 0 && sides.leafA == sides.leafB) {
                    continue;
                }
                double v = sides.valueA + sides.valueB;
                if (v > bestValue) {
                    bestValue = v;
                    best = new Choice(v, j, b, -1);
                }
            }
        }
        return best;
    }

    /**
     * Whether the depth-2 search of a node should use {@link MaxPrefixTree}s (cost about p²·m·d²·log B) rather
     * than scanning every bin at every root candidate (about (Σ_k B_k)²·d): true for features with many bins and
     * few actions.
     */
    boolean useTrees(int[] bins, int m) {
        if (trees != TREES_AUTO) {
            return trees == TREES_ALWAYS;
        }
        double sumBins = 0;
        int maxBins = 1;
        for (int b : bins) {
            sumBins += b;
            maxBins = Math.max(maxBins, b);
        }
        double scan = sumBins * sumBins * d;
        double log = 1 + 32 - Integer.numberOfLeadingZeros(maxBins);
        double withTrees = (2.0 * p * p * m + 3.0 * p * sumBins) * d * (d - 1) * log * 2;
        return withTrees < scan;
    }

    /**
     * Depth 2 with max-prefix trees. For each root feature j and each second feature k, one tree over k's bins
     * grows as units enter in j's order (the left sides of all root candidates), then a fresh one grows in reverse
     * order (the right sides). Each unit is added twice per (j, k) and no unit is ever removed, so a tree's empty
     * bins hold exact zeros; the best split per side is the maximum over k, which equals the sequential
     * strict-improvement scan because the maximum of doubles is exact.
     */
    private Choice best2Trees(int[][] lists, Workspace w, int from, int to, Choice best, double bestValue) {
        int m = lists[0].length;
        double[] total = w.total;
        double[] totalLeft = w.totalLeft;
        double[] totalRight = w.totalRight;
        Sweep sw = w.sweep();
        MaxPrefixTree tree = sw.tree;
        for (int j = from; j < to; j++) {
            int[] list = lists[j];
            int[] bj = bin[j];
            // Root candidates along j: sizes of their left sides and the left sides' reward sums.
            int count = 0;
            Arrays.fill(totalLeft, 0);
            Arrays.fill(sw.candidateAt, 0, m + 1, -1);
            for (int pos = 0; pos < m - 1; pos++) {
                int u = list[pos];
                addRow(totalLeft, u);
                int size = pos + 1;
                if (bj[u] == bj[list[pos + 1]] || size < minNodeSize || m - size < minNodeSize) {
                    continue;
                }
                System.arraycopy(totalLeft, 0, sw.leftTotals, count * d, d);
                sw.candidateAt[size] = count;
                sw.candidateSize[count] = size;
                sw.candidateBin[count] = bj[u];
                count++;
            }
            if (count == 0) {
                continue;
            }
            Arrays.fill(sw.leftSplit, 0, count, Double.NEGATIVE_INFINITY);
            Arrays.fill(sw.rightSplit, 0, count, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < p; k++) {
                if (k == j && minNodeSize == 1) {
                    splitsAlongRoot(list, m, j, w, sw);
                    continue;
                }
                // Left sides: units in j's order.
                tree.clear(w.bins[k]);
                int lastBin = -1;
                for (int pos = 0; pos < m - 1; pos++) {
                    int u = list[pos];
                    int r = w.rank[u * p + k];
                    tree.add(r, reward, u * d, 1);
                    lastBin = Math.max(lastBin, r);
                    int c = sw.candidateAt[pos + 1];
                    if (c >= 0) {
                        System.arraycopy(sw.leftTotals, c * d, totalLeft, 0, d);
                        double v = query(tree, totalLeft, lastBin);
                        if (v > sw.leftSplit[c]) {
                            sw.leftSplit[c] = v;
                        }
                    }
                }
                // Right sides: units in reverse order.
                tree.clear(w.bins[k]);
                lastBin = -1;
                for (int pos = m - 1; pos > 0; pos--) {
                    int u = list[pos];
                    int r = w.rank[u * p + k];
                    tree.add(r, reward, u * d, 1);
                    lastBin = Math.max(lastBin, r);
                    int c = sw.candidateAt[pos];
                    if (c >= 0) {
                        int at = c * d;
                        for (int a = 0; a < d; a++) {
                            totalRight[a] = total[a] - sw.leftTotals[at + a];
                        }
                        double v = query(tree, totalRight, lastBin);
                        if (v > sw.rightSplit[c]) {
                            sw.rightSplit[c] = v;
                        }
                    }
                }
            }
            for (int c = 0; c < count; c++) {
                int at = c * d;
                for (int a = 0; a < d; a++) {
                    totalLeft[a] = sw.leftTotals[at + a];
                    totalRight[a] = total[a] - totalLeft[a];
                }
                int la = argmax(totalLeft);
                int ra = argmax(totalRight);
                boolean leftLeaf = !(sw.leftSplit[c] > totalLeft[la]);
                boolean rightLeaf = !(sw.rightSplit[c] > totalRight[ra]);
                if (leftLeaf && rightLeaf && la == ra) {
                    continue;
                }
                double v = (leftLeaf ? totalLeft[la] : sw.leftSplit[c]) + (rightLeaf ? totalRight[ra] : sw.rightSplit[c]);
                if (v > bestValue) {
                    bestValue = v;
                    best = new Choice(v, j, sw.candidateBin[c], -1);
                }
            }
        }
        return best;
    }

    /**
     * The splits along the root feature j itself, for a minimum node size of 1: units arrive in bin order, so the
     * largest and smallest prefix sums of Γ_a − Γ_b over boundaries inside each side are running values, with no
     * tree. The boundary after a side's last bin (its full sum) is never a split, as in the tree query.
     */
    private void splitsAlongRoot(int[] list, int m, int j, Workspace w, Sweep sw) {
        int pairs = d * (d - 1) / 2;
        double[] full = sw.full;
        double[] high = sw.high;
        double[] low = sw.low;
        double[] delta = sw.delta;
        // Left sides grow at their high end: the old full sum becomes a boundary when a new bin starts.
        Arrays.fill(full, 0, pairs, 0);
        Arrays.fill(high, 0, pairs, Double.NEGATIVE_INFINITY);
        Arrays.fill(low, 0, pairs, Double.POSITIVE_INFINITY);
        int lastBin = -1;
        for (int pos = 0; pos < m - 1; pos++) {
            int u = list[pos];
            int r = w.rank[u * p + j];
            pairDeltas(u, delta);
            boolean newBin = r != lastBin && lastBin >= 0;
            for (int q = 0; q < pairs; q++) {
                if (newBin) {
                    high[q] = Math.max(high[q], full[q]);
                    low[q] = Math.min(low[q], full[q]);
                }
                full[q] += delta[q];
            }
            lastBin = r;
            int c = sw.candidateAt[pos + 1];
            if (c >= 0) {
                double v = pairValue(sw.leftTotals, c * d, null, high, low);
                if (v > sw.leftSplit[c]) {
                    sw.leftSplit[c] = v;
                }
            }
        }
        // Right sides grow at their low end: every boundary's prefix gains the unit, and a new bin adds one.
        Arrays.fill(high, 0, pairs, Double.NEGATIVE_INFINITY);
        Arrays.fill(low, 0, pairs, Double.POSITIVE_INFINITY);
        int firstBin = -1;
        for (int pos = m - 1; pos > 0; pos--) {
            int u = list[pos];
            int r = w.rank[u * p + j];
            pairDeltas(u, delta);
            boolean newBin = r != firstBin && firstBin >= 0;
            for (int q = 0; q < pairs; q++) {
                double h = high[q] + delta[q];
                double l = low[q] + delta[q];
                high[q] = newBin ? Math.max(h, delta[q]) : h;
                low[q] = newBin ? Math.min(l, delta[q]) : l;
            }
            firstBin = r;
            int c = sw.candidateAt[pos];
            if (c >= 0) {
                double v = pairValue(sw.leftTotals, c * d, w.total, high, low);
                if (v > sw.rightSplit[c]) {
                    sw.rightSplit[c] = v;
                }
            }
        }
    }

    /** Γ[u,a] − Γ[u,b] for the pairs a < b, in MaxPrefixTree's order. */
    private void pairDeltas(int u, double[] delta) {
        int base = u * d;
        int q = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                delta[q++] = reward[base + a] - reward[base + b];
            }
        }
    }

    /**
     * Best two-action split value max over a &lt; b of T_b + high_ab and T_a − low_ab, where T is sums[at..at+d)
     * or, when node is given, node minus those sums (the right side of a candidate stored by its left sums).
     */
    private double pairValue(double[] sums, int at, double[] node, double[] high, double[] low) {
        double value = Double.NEGATIVE_INFINITY;
        int q = 0;
        for (int a = 0; a < d; a++) {
            double ta = node == null ? sums[at + a] : node[a] - sums[at + a];
            for (int b = a + 1; b < d; b++) {
                double tb = node == null ? sums[at + b] : node[b] - sums[at + b];
                value = Math.max(value, Math.max(tb + high[q], ta - low[q]));
                q++;
            }
        }
        return value;
    }

    /** Best split of the tree's units with at least minNodeSize on each side; lastBin is their highest bin. */
    private double query(MaxPrefixTree tree, double[] sideTotal, int lastBin) {
        return minNodeSize == 1 ? tree.bestSplitBelow(sideTotal, lastBin) : tree.bestSplit(sideTotal, minNodeSize);
    }

    /** Compressed bin ranks of the node's units, and reward sums and counts per compressed bin, per feature. */
    private void prepare(int[][] lists, Workspace w) {
        for (int k = 0; k < p; k++) {
            int[] list = lists[k];
            int[] bk = bin[k];
            int[] rank = w.rank;
            double[] sums = w.nodeBins[k];
            int[] count = w.nodeCount[k];
            int r = -1;
            int previous = -1;
            for (int u : list) {
                int b = bk[u];
                if (b != previous) {
                    r++;
                    previous = b;
                    Arrays.fill(sums, r * d, r * d + d, 0);
                    count[r] = 0;
                }
                rank[u * p + k] = r;
                int base = u * d;
                int at = r * d;
                for (int a = 0; a < d; a++) {
                    sums[at + a] += reward[base + a];
                }
                count[r]++;
            }
            w.bins[k] = r + 1;
        }
    }

    /** Best depth-≤1 value of the current left side (per-bin sums in w.left) and of the right side (node minus left). */
    private TwoSideSplits.Best bestSplitsOfSides(Workspace w, int nLeft, int nRight) {
        TwoSideSplits.Best sides = w.sides;
        sides.reset(w.totalLeft, w.totalRight);
        for (int k = 0; k < p; k++) {
            TwoSideSplits.refine(w.left[k], w.leftCount[k], w.nodeBins[k], w.nodeCount[k], w.bins[k], d, w.totalLeft,
                    w.totalRight, nLeft, nRight, minNodeSize, sides);
        }
        return sides;
    }

    /** Depth 3: every root candidate, with the depth-2 search on both sides. */
    private Choice best3(int[][] lists, Workspace w, int from, int to, boolean withLeaf) {
        int m = lists[0].length;
        if (m >= 2 * minNodeSize) {
            prepare(lists, w);
            if (HistogramDepthThree.cells(w.bins, d) <= histogramBudget) {
                return new HistogramDepthThree(this, lists, w.rank, w.bins).search(lists, from, to, withLeaf);
            }
        }
        return new PrunedDepthThree(lists, w).search(from, to, withLeaf);
    }

    /**
     * Depth 3 by a depth-2 search on both sides of root candidates, skipping candidates that provably cannot
     * reach the best value found so far. Shift each row by c_i = −min_a Γ[i,a] so rewards are ≥ 0; then the
     * depth-2 optimum can only grow when units are added, so for root candidates between two evaluated ones a < b
     * (along the same feature) the depth-3 value is at most D2(left of b) + D2(right of a) + Σ_{units between} c_i;
     * with a minimum node size of 1, shifting by −max_a Γ[i,a] instead gives D2(left of a) + D2(right of b) +
     * Σ_{units between} max_a Γ[i,a] (a tree's restriction to fewer units is then still admissible).
     * Blocks whose bound is below the incumbent (by more than a rounding margin) are skipped; the others are
     * bisected, the block with the highest bound first. The result is the same as evaluating every candidate: a skipped candidate can neither beat nor
     * tie the best value.
     */
    private final class PrunedDepthThree {
        private static final int BLOCK = 128;
        private final int[][] lists;
        private final Workspace w;
        private final int m;
        private final SharedBest incumbent;
        private final double margin;

        PrunedDepthThree(int[][] lists, Workspace w) {
            this.lists = lists;
            this.w = w;
            this.m = lists[0].length;
            this.incumbent = w.rootIncumbent != null ? w.rootIncumbent : new SharedBest();
            double scale = 1;
            for (int u : lists[0]) {
                double max = 0;
                for (int a = 0; a < d; a++) {
                    max = Math.max(max, Math.abs(reward[u * d + a]));
                }
                scale += max;
            }
            this.margin = 1e-9 * scale;
        }

        /** Root candidates of one feature and what is known about them. */
        private final class Candidates {
            final int j;
            int count;
            final int[] size = new int[m];
            final int[] bins = new int[m];
            final double[] shift = new double[m + 1]; // Σ c_i over the first k units in j's order
            final double[] best1 = new double[m + 1]; // Σ max_a Γ[i,a] over the first k units
            double[] leftValue;
            double[] rightValue;
            double[] total;
            boolean[] done;

            Candidates(int j) {
                this.j = j;
                int[] list = lists[j];
                int[] bj = bin[j];
                int pos = 0;
                while (pos < m) {
                    int b = bj[list[pos]];
                    while (pos < m && bj[list[pos]] == b) {
                        int u = list[pos];
                        double min = reward[u * d];
                        double max = reward[u * d];
                        for (int a = 1; a < d; a++) {
                            min = Math.min(min, reward[u * d + a]);
                            max = Math.max(max, reward[u * d + a]);
                        }
                        shift[pos + 1] = shift[pos] - min;
                        best1[pos + 1] = best1[pos] + max;
                        pos++;
                    }
                    if (pos == m) {
                        break;
                    }
                    if (pos < minNodeSize || m - pos < minNodeSize) {
                        continue;
                    }
                    size[count] = pos;
                    bins[count] = b;
                    count++;
                }
                leftValue = new double[count];
                rightValue = new double[count];
                total = new double[count];
                done = new boolean[count];
            }
        }

        Choice search(int from, int to, boolean withLeaf) {
            Choice leaf = leaf(lists);
            Choice best = withLeaf ? leaf : null;
            double bestValue = withLeaf ? best.value : Double.NEGATIVE_INFINITY;
            // A candidate below the leaf can never be chosen (the leaf is compared first, or by the caller).
            incumbent.offer(leaf.value);
            // Anchors of every feature first, so the incumbent is good before any block is refined.
            List<Candidates> all = new ArrayList<>();
            for (int j = from; j < to; j++) {
                Candidates c = new Candidates(j);
                for (int k = 0; k < c.count; k += BLOCK) {
                    evaluate(c, k);
                }
                if (c.count > 0 && !c.done[c.count - 1]) {
                    evaluate(c, c.count - 1);
                }
                all.add(c);
            }
            // Best first: always split the open block with the highest bound, so the incumbent rises early.
            java.util.PriorityQueue<Block> open = new java.util.PriorityQueue<>(
                    (x, y) -> Double.compare(y.bound, x.bound));
            for (Candidates c : all) {
                for (int k = 0; k + 1 < c.count; k = Math.min(k + BLOCK, c.count - 1)) {
                    push(open, c, k, Math.min(k + BLOCK, c.count - 1));
                }
            }
            while (!open.isEmpty()) {
                Block block = open.poll();
                if (block.bound < incumbent.get() - margin) {
                    break; // every other open block has a lower bound
                }
                int mid = (block.from + block.to) >>> 1;
                evaluate(block.candidates, mid);
                push(open, block.candidates, block.from, mid);
                push(open, block.candidates, mid, block.to);
            }
            for (Candidates c : all) {
                for (int k = 0; k < c.count; k++) {
                    if (c.done[k] && c.total[k] > bestValue) {
                        bestValue = c.total[k];
                        best = new Choice(c.total[k], c.j, c.bins[k], -1);
                    }
                }
            }
            return best;
        }

        /** Root candidates strictly between two evaluated ones, with a bound on their depth-3 values. */
        private record Block(Candidates candidates, int from, int to, double bound) {
        }

        private void push(java.util.PriorityQueue<Block> open, Candidates c, int a, int b) {
            if (b - a <= 1) {
                return;
            }
            double bound = c.leftValue[b] + c.rightValue[a] + (c.shift[c.size[b]] - c.shift[c.size[a]]);
            if (minNodeSize == 1) {
                // Shifting rows down by max_a Γ makes optima shrink as units are added: a second bound. It needs
                // the optimal tree of a set to stay admissible on a subset, which a minimum node size breaks.
                bound = Math.min(bound, c.leftValue[a] + c.rightValue[b] + (c.best1[c.size[b]] - c.best1[c.size[a]]));
            }
            if (bound >= incumbent.get() - margin) {
                open.add(new Block(c, a, b, bound));
            }
        }

        private void evaluate(Candidates c, int k) {
            int[][][] parts = partition(lists, c.j, c.bins[k]);
            // The smaller side first: with it known exactly, the other side's bound from evaluated neighbours may
            // already rule the candidate out, and the other side's stored value is then that bound, which keeps
            // later bounds valid.
            boolean leftFirst = c.size[k] <= m - c.size[k];
            Choice first = best2(parts[leftFirst ? 0 : 1], w, 0, p, true);
            double otherBound = leftFirst ? rightBound(c, k) : leftBound(c, k);
            if (first.value + otherBound < incumbent.get() - margin) {
                c.leftValue[k] = leftFirst ? first.value : otherBound;
                c.rightValue[k] = leftFirst ? otherBound : first.value;
                c.total[k] = Double.NEGATIVE_INFINITY;
                c.done[k] = true;
                return;
            }
            Choice second = best2(parts[leftFirst ? 1 : 0], w, 0, p, true);
            Choice left = leftFirst ? first : second;
            Choice right = leftFirst ? second : first;
            c.leftValue[k] = left.value;
            c.rightValue[k] = right.value;
            boolean sameLeaf = left.leaf() && right.leaf() && left.action == right.action;
            c.total[k] = sameLeaf ? Double.NEGATIVE_INFINITY : left.value + right.value;
            c.done[k] = true;
            incumbent.offer(c.total[k]);
        }

        /**
         * Upper bound on the depth-2 value of candidate k's right side from the nearest evaluated candidates:
         * a smaller left side a has a right side that contains k's (rewards shifted to be ≥ 0 make the optimum
         * grow with the units), and with a minimum node size of 1 a larger left side b has a right side contained
         * in k's, which can gain at most Σ max_a Γ over the units between.
         */
        private double rightBound(Candidates c, int k) {
            double bound = Double.POSITIVE_INFINITY;
            int a = previousDone(c, k);
            if (a >= 0) {
                bound = c.rightValue[a] + (c.shift[c.size[k]] - c.shift[c.size[a]]);
            }
            int b = nextDone(c, k);
            if (minNodeSize == 1 && b >= 0) {
                bound = Math.min(bound, c.rightValue[b] + (c.best1[c.size[b]] - c.best1[c.size[k]]));
            }
            return bound;
        }

        /** The mirror of {@link #rightBound}: a larger left side contains k's, a smaller one is contained in it. */
        private double leftBound(Candidates c, int k) {
            double bound = Double.POSITIVE_INFINITY;
            int b = nextDone(c, k);
            if (b >= 0) {
                bound = c.leftValue[b] + (c.shift[c.size[b]] - c.shift[c.size[k]]);
            }
            int a = previousDone(c, k);
            if (minNodeSize == 1 && a >= 0) {
                bound = Math.min(bound, c.leftValue[a] + (c.best1[c.size[k]] - c.best1[c.size[a]]));
            }
            return bound;
        }

        private static int previousDone(Candidates c, int k) {
            for (int a = k - 1; a >= 0; a--) {
                if (c.done[a]) {
                    return a;
                }
            }
            return -1;
        }

        private static int nextDone(Candidates c, int k) {
            for (int b = k + 1; b < c.count; b++) {
                if (c.done[b]) {
                    return b;
                }
            }
            return -1;
        }
    }

    /** Stable partition of every sorted list into bin[j] <= b (left) and the rest. */
    int[][][] partition(int[][] lists, int j, int b) {
        int m = lists[0].length;
        int[] bj = bin[j];
        int nLeft = 0;
        for (int u : lists[0]) {
            if (bj[u] <= b) {
                nLeft++;
            }
        }
        int[][] left = new int[p][nLeft];
        int[][] right = new int[p][m - nLeft];
        for (int k = 0; k < p; k++) {
            int l = 0;
            int r = 0;
            int[] lk = left[k];
            int[] rk = right[k];
            for (int u : lists[k]) {
                if (bj[u] <= b) {
                    lk[l++] = u;
                } else {
                    rk[r++] = u;
                }
            }
        }
        return new int[][][] {left, right};
    }
}
