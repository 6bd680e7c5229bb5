package dev.tailor.policy.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reference implementation for tests: enumerates every tree of a given depth over every threshold between
 * distinct values present in the node (x <= t goes left), with both sides at least {@code minNodeSize}.
 * Exponential; only for tiny problems.
 */
final class BruteForceTrees {

    private BruteForceTrees() {
    }

    /** Best total reward of a depth-≤depth tree; x is rows × features, gamma rows × actions. */
    static double best(double[][] x, double[][] gamma, int depth, int minNodeSize) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            all.add(i);
        }
        return best(x, gamma, all, depth, minNodeSize, null);
    }

    /**
     * As {@link #best(double[][], double[][], int, int)}, restricted to the thresholds {@code allowed[j]} (values need not occur in the node) when
     * {@code allowed} is not null.
     */
    static double best(double[][] x, double[][] gamma, List<Integer> units, int depth, int minNodeSize,
            List<TreeSet<Double>> allowed) {
        int d = gamma[0].length;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < d; a++) {
            double sum = 0;
            for (int i : units) {
                sum += gamma[i][a];
            }
            best = Math.max(best, sum);
        }
        if (depth == 0) {
            return best;
        }
        int p = x[0].length;
        for (int j = 0; j < p; j++) {
            TreeSet<Double> values = new TreeSet<>();
            for (int i : units) {
                values.add(x[i][j]);
            }
            for (double t : allowed == null ? values.headSet(values.last(), false) : allowed.get(j)) {
                List<Integer> left = new ArrayList<>();
                List<Integer> right = new ArrayList<>();
                for (int i : units) {
                    (x[i][j] <= t ? left : right).add(i);
                }
                if (left.size() < minNodeSize || right.size() < minNodeSize) {
                    continue;
                }
                best = Math.max(best, best(x, gamma, left, depth - 1, minNodeSize, allowed)
                        + best(x, gamma, right, depth - 1, minNodeSize, allowed));
            }
        }
        return best;
    }
}
