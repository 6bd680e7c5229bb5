package dev.tailor.estimate;

import dev.tailor.design.Arm;

/**
 * The estimated effect of one arm against control, with its standard error and normal-theory inference.
 *
 * @param arm      the arm whose effect this is
 * @param estimate the point estimate, in outcome units
 * @param stdError its standard error
 * @param n        units in the arm
 */
public record EffectEstimate(Arm arm, double estimate, double stdError, long n) {

    public EffectEstimate {
        if (!(stdError >= 0)) {
            throw new IllegalArgumentException("Standard error of arm \"" + arm.name() + "\" must be >= 0, got " + stdError + ".");
        }
    }

    /** t statistic estimate / stdError. */
    public double tStat() {
        return estimate / stdError;
    }

    /** Two-sided p-value against zero effect, from the normal distribution. */
    public double pValue() {
        return NormalInference.twoSidedPValue(estimate, stdError);
    }

    /** Lower and upper bound of the two-sided confidence interval at {@code level}, e.g. 0.95. */
    public double[] confInt(double level) {
        return NormalInference.confInt(estimate, stdError, level);
    }
}
