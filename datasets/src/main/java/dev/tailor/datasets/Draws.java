package dev.tailor.datasets;

import java.util.SplittableRandom;

/**
 * The distributions the Conecta Ideas generator needs, each built from a documented, fixed number of uniforms
 * of one {@link SplittableRandom}, so that a seed reproduces the data exactly whatever the JDK's own
 * Gaussian or Poisson algorithms do.
 */
final class Draws {

    private final SplittableRandom random;

    Draws(SplittableRandom random) {
        this.random = random;
    }

    /** One uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** One uniform: 1 with probability p. */
    int bernoulli(double p) {
        return random.nextDouble() < p ? 1 : 0;
    }

    /** Two uniforms: a standard normal by Box–Muller (the cosine branch only, so no state is carried over). */
    double normal() {
        double u1 = 1.0 - random.nextDouble();   // in (0, 1], so the log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** {@code trials} uniforms: a Binomial(trials, p) count as a sum of Bernoulli draws. */
    int binomial(int trials, double p) {
        int count = 0;
        for (int t = 0; t < trials; t++) {
            count += bernoulli(p);
        }
        return count;
    }

    /**
     * One uniform: the index of a categorical draw by inversion of cumulative weights (not necessarily
     * normalized), i.e. the first c with u·total < cumulative[c].
     */
    int categorical(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Seven uniforms: Beta(2, 5) as G2/(G2 + G5), each Gamma with integer shape a sum of exponentials. */
    double beta25() {
        double g2 = exponential() + exponential();
        double g5 = exponential() + exponential() + exponential() + exponential() + exponential();
        return g2 / (g2 + g5);
    }

    /** One uniform: Poisson(λ) by inversion of its CDF; meant for the moderate λ of this generator. */
    static int poisson(double lambda, double u) {
        double probability = Math.exp(-lambda);
        double cumulative = probability;
        int k = 0;
        // The cap stops an endless loop when rounding keeps the CDF just below u far in the tail.
        int cap = (int) Math.ceil(lambda + 40 * Math.sqrt(lambda) + 40);
        while (u > cumulative && k < cap) {
            k++;
            probability *= lambda / k;
            cumulative += probability;
        }
        return k;
    }

    private double exponential() {
        return -Math.log(1.0 - random.nextDouble());
    }
}
