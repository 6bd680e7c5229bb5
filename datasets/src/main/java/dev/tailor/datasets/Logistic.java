package dev.tailor.datasets;

/** The logistic function Λ and the bisection that calibrates an intercept to a target mean probability. */
final class Logistic {

    private Logistic() {
    }

    /** Λ(z) = 1/(1 + e^(−z)), written so that neither tail overflows. */
    static double of(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** The mean of Λ(α + index[i]) over all i. */
    static double meanProbability(double alpha, double[] index) {
        double sum = 0;
        for (double v : index) {
            sum += of(alpha + v);
        }
        return sum / index.length;
    }

    /**
     * The intercept α with mean Λ(α + index) = target, by bisection until the bracket cannot shrink any more
     * (the mean is strictly increasing in α, so the root is unique and the result is accurate to rounding).
     */
    static double interceptFor(double target, double[] index) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("A target probability must be in (0, 1), got " + target + ".");
        }
        double lo = -40;
        double hi = 40;
        for (int iteration = 0; iteration < 200; iteration++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (meanProbability(mid, index) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // Of the two bracket ends, keep the one whose mean is closer to the target.
        double errLo = Math.abs(meanProbability(lo, index) - target);
        double errHi = Math.abs(meanProbability(hi, index) - target);
        return errLo <= errHi ? lo : hi;
    }
}
