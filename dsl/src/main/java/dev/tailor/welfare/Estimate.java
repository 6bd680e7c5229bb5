package dev.tailor.welfare;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A point estimate with its standard error and normal-theory inference.
 *
 * @param estimate the point estimate, in outcome units
 * @param stdError its standard error (NaN only when a result's notes explain why)
 */
public record Estimate(double estimate, double stdError) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** estimate / stdError. */
    public double tStat() {
        return estimate / stdError;
    }

    /** Two-sided p-value against 0: 2(1 − Φ(|t|)). */
    public double pValue() {
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(tStat()));
    }

    /** The two-sided normal confidence interval at {@code level}, e.g. 0.95. */
    public double[] confInt(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level + ".");
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        return new double[] {estimate - z * stdError, estimate + z * stdError};
    }
}
