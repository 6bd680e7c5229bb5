package dev.tailor.estimate;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Normal-theory inference for an estimate and its standard error, shared by every estimate type. */
public final class NormalInference {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private NormalInference() {
    }

    /** Two-sided p-value against 0: 2(1 − Φ(|estimate / stdError|)). */
    public static double twoSidedPValue(double estimate, double stdError) {
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(estimate / stdError));
    }

    /** One-sided p-value for H0: the true value is ≤ 0, that is 1 − Φ(estimate / stdError). */
    public static double oneSidedPValue(double estimate, double stdError) {
        return 1 - STANDARD_NORMAL.cumulativeProbability(estimate / stdError);
    }

    /** Lower and upper bound of the two-sided normal confidence interval at {@code level}, e.g. 0.95. */
    public static double[] confInt(double estimate, double stdError, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level + ".");
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        return new double[] {estimate - z * stdError, estimate + z * stdError};
    }
}
