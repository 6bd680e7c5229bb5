package dev.tailor.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Leave-one-out kNN estimates for every training row with each distance computed once: for two different arms a
 * and b, the distance between unit i of a and unit j of b serves both i's search in arm b and j's search in arm a.
 * (x − q)² equals (q − x)² exactly and the sums run over the coordinates in the same order, so the numbers are
 * bit-identical to searching each row separately; only about half of the distances are computed.
 *
 * <p>Work is split by pairs of arms; every (unit, arm) heap belongs to exactly one pair, so results do not depend
 * on the thread count or on the order in which candidates arrive (a heap keeps the k smallest (distance, row)
 * pairs, which is one set whatever the order). Searches within a unit's own arm use {@link ScanIndex#searchBlock}.
 */
final class LeaveOneOutScan {

    private LeaveOneOutScan() {
    }

    /** Fills mu[i][a] and variance[i][a] (s²/count) for every training row i and arm a. */
    static void estimate(ScanIndex[] index, double[] x, int p, double[] y, int k, int threads, double[][] mu, double[][] variance) {
        int arms = index.length;
        // Each arm's points, row-major, in the arm's (increasing) row order, as queries for the pair blocks.
        double[][] points = new double[arms][];
        for (int a = 0; a < arms; a++) {
            int[] rows = index[a].rows;
            points[a] = new double[rows.length * p];
            for (int t = 0; t < rows.length; t++) {
                System.arraycopy(x, rows[t] * p, points[a], t * p, p);
            }
        }
        List<int[]> tasks = new ArrayList<>();
        for (int a = 0; a < arms; a++) {
            tasks.add(new int[] {a, a});
            for (int b = a + 1; b < arms; b++) {
                tasks.add(new int[] {a, b});
            }
        }
        // Largest blocks first, so that the threads finish together.
        tasks.sort((s, t) -> Long.compare((long) index[t[0]].m * index[t[1]].m, (long) index[s[0]].m * index[s[1]].m));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> tasks.parallelStream().forEach(task -> {
                if (task[0] == task[1]) {
                    ownArm(index[task[0]], points[task[0]], y, k, task[0], mu, variance);
                } else {
                    pair(index, points, task[0], task[1], y, k, mu, variance);
                }
            })).join();
        } finally {
            pool.shutdown();
        }
    }

    private static void ownArm(ScanIndex arm, double[] points, double[] y, int k, int a, double[][] mu, double[][] variance) {
        int m = arm.m;
        ScanIndex.Workspace work = new ScanIndex.Workspace(arm.p, k);
        int block = 256;
        int[][] out = new int[block][k];
        int[] counts = new int[block];
        int[] exclude = new int[block];
        for (int from = 0; from < m; from += block) {
            int to = Math.min(m, from + block);
            for (int t = from; t < to; t++) {
                exclude[t - from] = arm.rows[t];
            }
            arm.searchBlock(points, from, to, k, exclude, work, out, counts);
            for (int t = from; t < to; t++) {
                summarize(out[t - from], counts[t - from], y, arm.rows[t], a, mu, variance);
            }
        }
    }

    // Units of arm a against units of arm b: a's heaps collect b's units and b's heaps collect a's units.
    private static void pair(ScanIndex[] index, double[][] points, int a, int b, double[] y, int k, double[][] mu,
            double[][] variance) {
        ScanIndex queries = index[a];
        ScanIndex targets = index[b];
        int ma = queries.m;
        int mb = targets.m;
        KdTree.Scratch[] heapA = new KdTree.Scratch[ma]; // unit t of a, searching arm b
        KdTree.Scratch[] heapB = new KdTree.Scratch[mb]; // unit t of b, searching arm a
        for (int t = 0; t < ma; t++) {
            heapA[t] = KdTree.scratch(queries.p, k);
            heapA[t].reset(k);
        }
        for (int t = 0; t < mb; t++) {
            heapB[t] = KdTree.scratch(queries.p, k);
            heapB[t].reset(k);
        }
        double[] worstB = new double[mb];
        Arrays.fill(worstB, Double.POSITIVE_INFINITY);
        double[] acc = new double[ScanIndex.BLOCK * ScanIndex.TILE];
        int[] rowsA = queries.rows;
        int[] rowsB = targets.rows;
        for (int first = 0; first < ma; first += ScanIndex.BLOCK) {
            int nb = Math.min(ScanIndex.BLOCK, ma - first);
            for (int t0 = 0; t0 < mb; t0 += ScanIndex.TILE) {
                int len = Math.min(ScanIndex.TILE, mb - t0);
                targets.distances(points[a], first, nb, t0, len, acc);
                for (int q = 0; q < nb; q++) {
                    int offset = q * ScanIndex.TILE;
                    // a-side: unit first+q of a takes units of b.
                    KdTree.Scratch heap = heapA[first + q];
                    double worst = heap.full() ? heap.worstDistance() : Double.POSITIVE_INFINITY;
                    for (int t = 0; t < len; t++) {
                        double d = acc[offset + t];
                        if (d <= worst) {
                            heap.offer(d, rowsB[t0 + t]);
                            worst = heap.full() ? heap.worstDistance() : Double.POSITIVE_INFINITY;
                        }
                    }
                    // b-side: each unit of the tile takes unit first+q of a.
                    int row = rowsA[first + q];
                    for (int t = 0; t < len; t++) {
                        double d = acc[offset + t];
                        if (d <= worstB[t0 + t]) {
                            KdTree.Scratch other = heapB[t0 + t];
                            other.offer(d, row);
                            worstB[t0 + t] = other.full() ? other.worstDistance() : Double.POSITIVE_INFINITY;
                        }
                    }
                }
            }
        }
        int[] out = new int[k];
        for (int t = 0; t < ma; t++) {
            summarize(out, heapA[t].drainSorted(out), y, rowsA[t], b, mu, variance);
        }
        for (int t = 0; t < mb; t++) {
            summarize(out, heapB[t].drainSorted(out), y, rowsB[t], a, mu, variance);
        }
    }

    // Mean and s²/count of the neighbours' outcomes, summed nearest first as every path does.
    static void summarize(int[] neighbours, int count, double[] y, int row, int arm, double[][] mu, double[][] variance) {
        double sum = 0;
        for (int t = 0; t < count; t++) {
            sum += y[neighbours[t]];
        }
        double mean = sum / count;
        double ss = 0;
        for (int t = 0; t < count; t++) {
            double d = y[neighbours[t]] - mean;
            ss += d * d;
        }
        mu[row][arm] = mean;
        variance[row][arm] = count > 1 ? ss / (count - 1) / count : Double.NaN;
    }
}
