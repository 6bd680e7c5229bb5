package dev.tailor.coarse;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Lloyd's k-means with k-means++ seeding and restarts, for the segmentation baselines. Restarts run in
 * parallel, each with its own random stream split in order from the seed, and the lowest within-cluster sum of
 * squares wins (ties to the earlier restart), so labels do not depend on the number of threads.
 *
 * <p>Above {@value #MAX_FIT_ROWS} rows, centres are fitted on that many rows drawn without replacement (with the
 * seed) and every row then takes its nearest centre, which keeps 100,000-row baselines to seconds.
 *
 * <p>Cost: O(min(n, {@value #MAX_FIT_ROWS})·k·d) per iteration, at most {@value #MAX_ITERATIONS} iterations per
 * restart, plus one O(n·k·d) labelling pass.
 */
final class KMeans {

    static final int MAX_ITERATIONS = 50;

    /** The most rows the centres are fitted on. */
    static final int MAX_FIT_ROWS = 20_000;

    private record Run(int[] labels, double[] centers, double sse) {
    }

    private KMeans() {
    }

    /** Cluster labels 0..k−1 of the rows of {@code points} (n × d, row-major). */
    static int[] cluster(double[][] points, int k, int restarts, long seed) {
        int n = points.length;
        int d = points[0].length;
        SplittableRandom root = new SplittableRandom(seed);
        int[] rows = fitRows(n, root.split());
        int m = rows.length;
        double[] flat = new double[m * d];   // contiguous rows: the distance loop is the hot spot
        for (int r = 0; r < m; r++) {
            System.arraycopy(points[rows[r]], 0, flat, r * d, d);
        }
        SplittableRandom[] streams = new SplittableRandom[restarts];
        for (int r = 0; r < restarts; r++) {
            streams[r] = root.split();
        }
        Run[] runs = IntStream.range(0, restarts).parallel().mapToObj(r -> once(flat, m, d, k, streams[r]))
                .toArray(Run[]::new);
        Run best = runs[0];
        for (Run run : runs) {
            if (run.sse() < best.sse()) {
                best = run;
            }
        }
        if (m == n) {
            return best.labels();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = nearest(points[i], 0, best.centers(), k, d);
        }
        return labels;
    }

    /** All rows in order when n ≤ MAX_FIT_ROWS, otherwise MAX_FIT_ROWS of them by a partial Fisher–Yates shuffle. */
    private static int[] fitRows(int n, SplittableRandom random) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        if (n <= MAX_FIT_ROWS) {
            return rows;
        }
        for (int i = 0; i < MAX_FIT_ROWS; i++) {
            int j = i + random.nextInt(n - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        return Arrays.copyOf(rows, MAX_FIT_ROWS);
    }

    private static int nearest(double[] point, int from, double[] centers, int k, int d) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double distance = distance(point, from, centers, c * d, d);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private static Run once(double[] points, int n, int d, int k, SplittableRandom random) {
        double[] centers = seed(points, n, d, k, random);
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        double sse = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            sse = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double distance = distance(points, i * d, centers, c * d, d);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                sse += bestDistance;
                if (labels[i] != best) {
                    labels[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                int c = labels[i];
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += points[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centers[c * d + j] = sums[c * d + j] / counts[c];
                    }
                }
            }
        }
        return new Run(labels, centers, sse);
    }

    /** k-means++: the first center uniformly, each next one with probability ∝ squared distance to the nearest. */
    private static double[] seed(double[] points, int n, int d, int k, SplittableRandom random) {
        double[] centers = new double[k * d];
        System.arraycopy(points, random.nextInt(n) * d, centers, 0, d);
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(points, i * d, centers, (c - 1) * d, d));
                total += nearest[i];
            }
            int chosen = n - 1;
            double u = random.nextDouble() * total;
            double cumulative = 0;
            for (int i = 0; i < n; i++) {
                cumulative += nearest[i];
                if (u < cumulative) {
                    chosen = i;
                    break;
                }
            }
            System.arraycopy(points, chosen * d, centers, c * d, d);
        }
        return centers;
    }

    private static double distance(double[] a, int from, double[] b, int at, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[from + j] - b[at + j];
            sum += diff * diff;
        }
        return sum;
    }
}
