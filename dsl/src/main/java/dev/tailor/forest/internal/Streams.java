package dev.tailor.forest.internal;

import java.util.SplittableRandom;

/**
 * Random streams derived from (seed, purpose, index), so every tree and every little-bag group draws from its
 * own stream and results do not depend on which thread grows which tree.
 */
final class Streams {

    static final long GROUP = 0x1F0A_3C5B_7D9E_2468L;
    static final long TREE = 0x5A5A_1234_9876_C3C3L;

    private Streams() {
    }

    static SplittableRandom of(long seed, long purpose, long index) {
        long z = mix(seed ^ purpose);
        z = mix(z + 0x9E37_79B9_7F4A_7C15L * (index + 1));
        return new SplittableRandom(z);
    }

    /** Stafford's variant 13 of the SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** A Poisson draw by multiplication of uniforms (StrictMath, so draws are the same on every platform). */
    static int poisson(SplittableRandom random, double mean) {
        if (mean > 60) {
            // Normal approximation keeps the loop short for very wide data.
            double draw = mean + StrictMath.sqrt(mean) * gaussian(random);
            return (int) Math.max(0, Math.round(draw));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    /** The first {@code count} entries of {@code values} become a uniform random subset (partial Fisher–Yates). */
    static void partialShuffle(SplittableRandom random, int[] values, int count) {
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(values.length - i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
