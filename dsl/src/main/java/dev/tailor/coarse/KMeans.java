package dev.tailor.coarse;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Lloyd's k-means with k-means++ seeding and restarts, for the segmentation baselines. Restarts run in
 * parallel, each with its own random stream split in order from the seed, and the lowest within-cluster sum of
 * squares wins (ties to the earlier restart), so labels do not depend on the number of threads.
 *
 * <p>Cost: O(n·k·d) per iteration, at most {@value #MAX_ITERATIONS} iterations per restart.
 */
final class KMeans {

    static final int MAX_ITERATIONS = 50;

    private record Run(int[] labels, double sse) {
    }

    private KMeans() {
    }

    /** Cluster labels 0..k−1 of the rows of {@code points} (n × d, row-major). */
    static int[] cluster(double[][] points, int k, int restarts, long seed) {
        int n = points.length;
        int d = points[0].length;
        double[] flat = new double[n * d];   // contiguous rows: the distance loop is the hot spot
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[restarts];
        for (int r = 0; r < restarts; r++) {
            streams[r] = root.split();
        }
        Run[] runs = IntStream.range(0, restarts).parallel().mapToObj(r -> once(flat, n, d, k, streams[r]))
                .toArray(Run[]::new);
        Run best = runs[0];
        for (Run run : runs) {
            if (run.sse() < best.sse()) {
                best = run;
            }
        }
        return best.labels();
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
        return new Run(labels, sse);
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
