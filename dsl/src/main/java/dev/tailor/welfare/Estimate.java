package dev.tailor.welfare;

import dev.tailor.estimate.NormalInference;

/**
 * A point estimate with its standard error and normal-theory inference.
 *
 * @param estimate the point estimate, in outcome units
 * @param stdError its standard error (NaN only when a result's notes explain why)
 */
public record Estimate(double estimate, double stdError) {

    /** estimate / stdError. */
    public double tStat() {
        return estimate / stdError;
    }

    /** Two-sided p-value against 0: 2(1 − Φ(|t|)). */
    public double pValue() {
        return NormalInference.twoSidedPValue(estimate, stdError);
    }

    /** The two-sided normal confidence interval at {@code level}, e.g. 0.95. */
    public double[] confInt(double level) {
        return NormalInference.confInt(estimate, stdError, level);
    }
}
