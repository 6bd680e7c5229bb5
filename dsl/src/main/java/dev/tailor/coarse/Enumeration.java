package dev.tailor.coarse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact search over every K-subset of the candidate columns, without capacities: f(S) = Σ_i max over S (and the
 * null column, when it is always available) of v_it.
 *
 * <p>Subsets are visited depth-first in lexicographic order, keeping the running row-wise maximum of each prefix,
 * so a subset costs one pass over n rows (its last column) instead of K passes: C(M, K) subsets of size K cost
 * about (number of prefixes + C(M, K))·n operations. The top level (first element) runs in parallel; each branch
 * sums rows in a fixed order and branches are combined in lexicographic order, so results do not depend on the
 * number of threads.
 */
final class Enumeration {

    /** A subset (columns in ascending order) with its total f(S). */
    record Scored(int[] subset, double total) {
    }

    private Enumeration() {
    }

    /** C(n, k) as a long, saturating at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        k = Math.min(k, n - k);
        long result = 1;
        for (int i = 1; i <= k; i++) {
            long next = result * (n - k + i);
            if (next / (n - k + i) != result) {
                return Long.MAX_VALUE;
            }
            result = next / i;
        }
        return result;
    }

    /** Every K-subset of the candidates with its total, in lexicographic order of candidate positions. */
    static List<Scored> all(ValueMatrix values, int[] candidates, boolean nullBase, int k) {
        List<List<Scored>> branches = IntStream.rangeClosed(0, candidates.length - k).parallel()
                .mapToObj(first -> branch(values, candidates, nullBase, k, first, true)).toList();
        List<Scored> out = new ArrayList<>();
        branches.forEach(out::addAll);
        return out;
    }

    /** The best K-subset; ties go to the lexicographically smallest. */
    static Scored best(ValueMatrix values, int[] candidates, boolean nullBase, int k) {
        List<List<Scored>> branches = IntStream.rangeClosed(0, candidates.length - k).parallel()
                .mapToObj(first -> branch(values, candidates, nullBase, k, first, false)).toList();
        Scored best = null;
        for (List<Scored> branch : branches) {
            Scored candidate = branch.get(0);
            if (best == null || candidate.total() > best.total()) {
                best = candidate;
            }
        }
        return best;
    }

    /** The subsets whose first element is candidates[first]: all of them, or only the best (first on ties). */
    private static List<Scored> branch(ValueMatrix values, int[] candidates, boolean nullBase, int k, int first,
            boolean keepAll) {
        int n = values.rows();
        Walker walker = new Walker(values, candidates, k, keepAll);
        walker.chosen[0] = first;
        double[] start = values.columnView(candidates[first]);
        if (k == 1) {
            walker.leaf(nullBase ? values.columnView(0) : null, start);
        } else {
            double[] level = new double[n];
            if (nullBase) {
                double[] base = values.columnView(0);
                for (int i = 0; i < n; i++) {
                    level[i] = start[i] > base[i] ? start[i] : base[i];
                }
            } else {
                System.arraycopy(start, 0, level, 0, n);
            }
            walker.levels[0] = level;
            walker.descend(1, first + 1);
        }
        return walker.found;
    }

    /** The depth-first walk of one branch, with one running-maximum array per depth. */
    private static final class Walker {

        private final ValueMatrix values;
        private final int[] candidates;
        private final int k;
        private final boolean keepAll;
        private final int[] chosen;
        private final double[][] levels;
        private final List<Scored> found = new ArrayList<>();

        Walker(ValueMatrix values, int[] candidates, int k, boolean keepAll) {
            this.values = values;
            this.candidates = candidates;
            this.k = k;
            this.keepAll = keepAll;
            this.chosen = new int[k];
            this.levels = new double[k][];
        }

        /** Chooses position {@code depth} of the subset from candidate positions {@code from} on. */
        void descend(int depth, int from) {
            double[] previous = levels[depth - 1];
            int n = previous.length;
            for (int p = from; p <= candidates.length - (k - depth); p++) {
                chosen[depth] = p;
                double[] column = values.columnView(candidates[p]);
                if (depth == k - 1) {
                    leaf(previous, column);
                } else {
                    double[] level = levels[depth] != null ? levels[depth] : (levels[depth] = new double[n]);
                    for (int i = 0; i < n; i++) {
                        level[i] = column[i] > previous[i] ? column[i] : previous[i];
                    }
                    descend(depth + 1, p + 1);
                }
            }
        }

        void leaf(double[] previous, double[] column) {
            double total = 0;
            if (previous == null) {
                for (double value : column) {
                    total += value;
                }
            } else {
                for (int i = 0; i < column.length; i++) {
                    total += column[i] > previous[i] ? column[i] : previous[i];
                }
            }
            if (keepAll || found.isEmpty() || total > found.get(0).total()) {
                int[] subset = new int[k];
                for (int d = 0; d < k; d++) {
                    subset[d] = candidates[chosen[d]];
                }
                if (keepAll) {
                    found.add(new Scored(subset, total));
                } else if (found.isEmpty()) {
                    found.add(new Scored(subset, total));
                } else {
                    found.set(0, new Scored(subset, total));
                }
            }
        }
    }
}
