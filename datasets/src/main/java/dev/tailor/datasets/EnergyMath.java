package dev.tailor.datasets;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The normal distribution and the Gauss–Hermite rules the energy simulator needs. Φ is evaluated millions of times
 * by the oracle, so it uses Hart's (1968) double-precision rational approximation (absolute error below 1e-14)
 * instead of an incomplete-gamma series; Φ⁻¹ is only needed for constants and comes from Commons Math.
 */
final class EnergyMath {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Nodes and weights for E[f(u)], u ~ N(0, 1), with 40 points (over u) and 16 points (over ε). */
    static final Rule HERMITE_40 = Rule.hermite(40);
    static final Rule HERMITE_16 = Rule.hermite(16);

    private EnergyMath() {
    }

    /** Φ(x), the standard normal CDF. */
    static double phi(double x) {
        double z = Math.abs(x);
        double tail;
        if (z > 37) {
            tail = 0;
        } else {
            double e = Math.exp(-z * z / 2);
            if (z < 7.07106781186547) {
                double num = 3.52624965998911e-02 * z + 0.700383064443688;
                num = num * z + 6.37396220353165;
                num = num * z + 33.912866078383;
                num = num * z + 112.079291497871;
                num = num * z + 221.213596169931;
                num = num * z + 220.206867912376;
                double den = 8.83883476483184e-02 * z + 1.75566716318264;
                den = den * z + 16.064177579207;
                den = den * z + 86.7807322029461;
                den = den * z + 296.564248779674;
                den = den * z + 637.333633378831;
                den = den * z + 793.826512519948;
                den = den * z + 440.413735824752;
                tail = e * num / den;
            } else {
                double b = z + 0.65;
                b = z + 4 / b;
                b = z + 3 / b;
                b = z + 2 / b;
                b = z + 1 / b;
                tail = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }

    /** Φ⁻¹(p) for p in (0, 1). */
    static double inversePhi(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * A quadrature rule for the standard normal: E[f(u)] ≈ Σ_q weight[q]·f(node[q]), exact for polynomials of
     * degree below 2·size.
     */
    record Rule(double[] nodes, double[] weights) {

        int size() {
            return nodes.length;
        }

        /**
         * The n-point Gauss–Hermite rule for N(0, 1): the nodes are the roots of the probabilists' Hermite
         * polynomial He_n, found by scanning a fine grid for sign changes and bisecting each to rounding; the
         * weights are the Christoffel numbers 1/Σ_{k<n} h_k(x)² of the orthonormal polynomials h_k = He_k/√k!.
         */
        static Rule hermite(int n) {
            double[] nodes = new double[n];
            double[] weights = new double[n];
            double bound = Math.sqrt(4.0 * n + 2) + 1;   // every root lies inside ±√(4n + 2)
            double step = 1e-3;
            int found = 0;
            double previousX = -bound;
            double previousValue = orthonormal(n, previousX)[n];
            for (double x = -bound + step; x <= bound && found < n; x += step) {
                double value = orthonormal(n, x)[n];
                if (previousValue == 0 || Math.signum(value) != Math.signum(previousValue)) {
                    nodes[found++] = bisect(n, previousX, x);
                }
                previousX = x;
                previousValue = value;
            }
            if (found != n) {
                throw new IllegalStateException("Found " + found + " of " + n + " Gauss–Hermite nodes; refine the scan step.");
            }
            for (int q = 0; q < n; q++) {
                double[] h = orthonormal(n, nodes[q]);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += h[k] * h[k];
                }
                weights[q] = 1 / sum;
            }
            return new Rule(nodes, weights);
        }

        /** h_0(x)..h_n(x): orthonormal Hermite polynomials for N(0, 1), by their three-term recurrence. */
        private static double[] orthonormal(int n, double x) {
            double[] h = new double[n + 1];
            h[0] = 1;
            if (n > 0) {
                h[1] = x;
            }
            for (int k = 1; k < n; k++) {
                h[k + 1] = (x * h[k] - Math.sqrt(k) * h[k - 1]) / Math.sqrt(k + 1);
            }
            return h;
        }

        private static double bisect(int n, double lo, double hi) {
            double fLo = orthonormal(n, lo)[n];
            while (true) {
                double mid = 0.5 * (lo + hi);
                if (mid == lo || mid == hi) {
                    return mid;
                }
                double fMid = orthonormal(n, mid)[n];
                if (fMid == 0) {
                    return mid;
                }
                if (Math.signum(fMid) == Math.signum(fLo)) {
                    lo = mid;
                    fLo = fMid;
                } else {
                    hi = mid;
                }
            }
        }
    }
}
