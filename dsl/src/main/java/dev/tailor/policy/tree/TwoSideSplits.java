package dev.tailor.policy.tree;

import java.util.Arrays;

/**
 * The hot loop shared by the bin-scanning depth-2 search ({@link ExactSearch}) and {@link HistogramDepthThree}:
 * two disjoint sets A and B of a node, given as per-bin reward sums of A and of A ∪ B along one feature, and the
 * best depth-1 split of each along that feature. The running best of each set lives in a {@link Best} so one
 * call per feature refines it in feature order, with the same strict-improvement and lowest-index rules as the
 * rest of the search.
 */
final class TwoSideSplits {

    private TwoSideSplits() {
    }

    /** Best depth-≤1 values of A and B so far; a set stays a leaf until a split is strictly better. */
    static final class Best {
        double valueA;
        double valueB;
        int leafA; // action of A's leaf, or -1 once a split is better
        int leafB;
        final double[] prefixA;
        final double[] prefixB;

        Best(int d) {
            prefixA = new double[d];
            prefixB = new double[d];
        }

        /** Starts from the leaves of A and B. */
        void reset(double[] totalA, double[] totalB) {
            leafA = argmax(totalA, null);
            leafB = argmax(totalB, null);
            valueA = totalA[leafA];
            valueB = totalB[leafB];
        }
    }

    /**
     * Refines {@code best} with the splits of A and B along one feature with {@code bins} bins: a[r·d + act] are
     * A's sums in bin r, all[r·d + act] those of A ∪ B, countA and countAll the units per bin. A boundary is
     * admissible for a set when the bin before it holds some of the set's units and both sides keep at least
     * minNodeSize of them. The two sides of a split must take different actions.
     */
    static void refine(double[] a, int[] countA, double[] all, int[] countAll, int bins, int d, double[] totalA,
            double[] totalB, int nA, int nB, int minNodeSize, Best best) {
        double[] prefixA = best.prefixA;
        double[] prefixB = best.prefixB;
        Arrays.fill(prefixA, 0);
        Arrays.fill(prefixB, 0);
        int cA = 0;
        int cB = 0;
        for (int r = 0; r < bins - 1; r++) {
            int inA = countA[r];
            int inB = countAll[r] - inA;
            cA += inA;
            cB += inB;
            boolean splitA = inA > 0 && cA >= minNodeSize && nA - cA >= minNodeSize;
            boolean splitB = inB > 0 && cB >= minNodeSize && nB - cB >= minNodeSize;
            int at = r * d;
            if (!splitA && !splitB) {
                for (int act = 0; act < d; act++) {
                    double ra = a[at + act];
                    prefixA[act] += ra;
                    prefixB[act] += all[at + act] - ra;
                }
                continue;
            }
            // Values only in the hot loop; the actions are looked up in the rare case of an improvement.
            double hiAl = Double.NEGATIVE_INFINITY;
            double hiAr = Double.NEGATIVE_INFINITY;
            double hiBl = Double.NEGATIVE_INFINITY;
            double hiBr = Double.NEGATIVE_INFINITY;
            // Separate simple loops, which the compiler can vectorize, rather than one loop doing everything.
            for (int act = 0; act < d; act++) {
                double ra = a[at + act];
                prefixA[act] += ra;
                prefixB[act] += all[at + act] - ra;
            }
            for (int act = 0; act < d; act++) {
                hiAl = Math.max(hiAl, prefixA[act]);
                hiAr = Math.max(hiAr, totalA[act] - prefixA[act]);
            }
            for (int act = 0; act < d; act++) {
                hiBl = Math.max(hiBl, prefixB[act]);
                hiBr = Math.max(hiBr, totalB[act] - prefixB[act]);
            }
            if (splitA && hiAl + hiAr > best.valueA && argmax(prefixA, null) != argmax(totalA, prefixA)) {
                best.valueA = hiAl + hiAr;
                best.leafA = -1;
            }
            if (splitB && hiBl + hiBr > best.valueB && argmax(prefixB, null) != argmax(totalB, prefixB)) {
                best.valueB = hiBl + hiBr;
                best.leafB = -1;
            }
        }
    }

    /** Lowest index of the largest v[i] (minus part[i] when part is given). */
    static int argmax(double[] v, double[] part) {
        int best = 0;
        double bestValue = part == null ? v[0] : v[0] - part[0];
        for (int i = 1; i < v.length; i++) {
            double x = part == null ? v[i] : v[i] - part[i];
            if (x > bestValue) {
                best = i;
                bestValue = x;
            }
        }
        return best;
    }
}
