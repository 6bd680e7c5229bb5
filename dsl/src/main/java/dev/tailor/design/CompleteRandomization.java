package dev.tailor.design;

import java.util.SplittableRandom;

/**
 * Complete randomization of one stratum: exact arm counts first, then a random permutation of the units.
 *
 * <p><b>Counts.</b> Arm k gets {@code floor(n·share_k)} units, and the R units left over (R is the sum of the
 * fractional parts {@code frac_k = n·share_k − floor(n·share_k)}, an integer below K + 1) go one each to R distinct
 * arms chosen by randomized systematic sampling: put the arms in a random order, lay the intervals of length
 * {@code frac_k} end to end on [0, R), draw u uniform on [0, 1) and give the extra unit to the arms whose interval
 * holds one of u, u + 1, …, u + R − 1. Every arm's interval is shorter than 1, so it holds at most one point and
 * receives the extra unit with probability exactly {@code frac_k}. Hence every count is within 1 of
 * {@code n·share_k}, the counts sum to n, and {@code E[count_k] = n·share_k}: each unit's probability of arm k is
 * exactly share_k, which is what estimators may use as the known propensity.
 *
 * <p><b>Streams.</b> Stratum s (in the sorted order of its labels) uses its own {@link SplittableRandom} seeded by
 * a SplitMix64 mix of (seed, s), so a stratum's assignment does not depend on the other strata or on threads.
 */
final class CompleteRandomization {

    // Targets n·share within this distance of an integer are treated as that integer, so that 0.05 · 100,000
    // gives exactly 5,000 whatever the last bit of the product. Far below any fraction that matters.
    private static final double SNAP = 1e-9;

    private CompleteRandomization() {
    }

    /** The random stream of stratum {@code stratum} for design seed {@code seed}. */
    static SplittableRandom stream(long seed, int stratum) {
        return new SplittableRandom(mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (stratum + 1L)));
    }

    /** Exact arm counts for a stratum of {@code n} units; see the class comment for the rule. */
    static int[] counts(int n, double[] shares, SplittableRandom random) {
        int arms = shares.length;
        int[] counts = new int[arms];
        double[] fractions = new double[arms];
        int assigned = 0;
        for (int k = 0; k < arms; k++) {
            double target = n * shares[k];
            double nearest = Math.rint(target);
            double base = Math.abs(target - nearest) <= SNAP ? nearest : Math.floor(target);
            counts[k] = (int) base;
            fractions[k] = Math.max(0, target - base);
            assigned += counts[k];
        }
        int remainder = n - assigned;
        if (remainder <= 0) {
            // Shares sum to 1 within 1e-9, so a negative remainder can only come from snapping; take it back from
            // the arms that were rounded up the most, which are still within 1 of their targets.
            for (int r = remainder; r < 0; r++) {
                int k = largestSnapUp(counts, shares, n);
                counts[k]--;
            }
            return counts;
        }
        // Randomized systematic sampling over a random order of the arms.
        int[] order = permutation(arms, random);
        double total = 0;
        for (double f : fractions) {
            total += f;
        }
        double scale = total > 0 ? remainder / total : 0;
        double u = random.nextDouble();
        boolean[] extra = new boolean[arms];
        double cumulative = 0;
        int point = 0;
        for (int i = 0; i < arms && point < remainder; i++) {
            int k = order[i];
            cumulative += fractions[k] * scale;
            if (u + point < cumulative) {
                extra[k] = true;
                point++;
            }
        }
        for (int k = 0; k < arms; k++) {
            if (extra[k]) {
                counts[k]++;
            }
        }
        // Rounding in the cumulative sum can leave the last point just past the end; give it to the unpicked arm
        // with the largest fraction. (Only with shares off 1 by ~1e-9 and n near 1e9 could every arm be picked.)
        while (point < remainder) {
            int best = -1;
            for (int k = 0; k < arms; k++) {
                if ((!extra[k] || allPicked(extra)) && (best < 0 || fractions[k] > fractions[best])) {
                    best = k;
                }
            }
            extra[best] = true;
            counts[best]++;
            point++;
        }
        return counts;
    }

    /** Arm labels for the stratum's units in row order: each arm repeated count times, then shuffled. */
    static int[] assign(int[] counts, SplittableRandom random) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        int[] labels = new int[n];
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                labels[at++] = k;
            }
        }
        shuffle(labels, random);
        return labels;
    }

    private static boolean allPicked(boolean[] picked) {
        for (boolean p : picked) {
            if (!p) {
                return false;
            }
        }
        return true;
    }

    private static int largestSnapUp(int[] counts, double[] shares, int n) {
        int best = 0;
        double most = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < counts.length; k++) {
            double up = counts[k] - n * shares[k];
            if (counts[k] > 0 && up > most) {
                most = up;
                best = k;
            }
        }
        return best;
    }

    private static int[] permutation(int size, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    // Fisher–Yates.
    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    // SplitMix64 finalizer (Steele, Lea and Flood 2014): spreads nearby seeds far apart.
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
