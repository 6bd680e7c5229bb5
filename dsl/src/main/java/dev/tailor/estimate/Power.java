package dev.tailor.estimate;

import dev.tailor.render.Fmt;
import java.util.OptionalDouble;

/**
 * Power and minimum detectable effect (MDE) of a two-arm comparison, as in the registry's power figures
 * (methods spec §2.1 and §1.1): SE of one arm mean = σ/√n, SE of a contrast = √(σ₁²/n₁ + σ₂²/n₂), and
 * MDE = (z_{1−α/2} + z_{power}) · SE of the contrast, with α two-sided. Immutable; withers return new specs.
 *
 * <pre>{@code
 * Power.binary(0.36).perArm(25_000)            // SE arm 0.304 pp, SE contrast 0.429 pp, MDE 1.20 pp
 * Power.binary(0.02).perArm(12_500)            // the summer figures: 0.125, 0.177, 0.496 pp
 * Power.sd(0.48).alpha(0.01).power(0.9).groups(12_500, 25_000)
 * }</pre>
 *
 * @param controlRate for a binary outcome, the control mean p₀ (σ = √(p₀(1 − p₀))); empty for a given SD
 * @param sd          outcome SD σ₁ of the first group (and of both, unless {@link #secondSd(double)} is set)
 * @param secondSd    outcome SD σ₂ of the second group
 * @param alpha       two-sided significance level, 0.05 by default
 * @param power       the power to detect the MDE, 0.8 by default
 */
public record Power(OptionalDouble controlRate, double sd, double secondSd, double alpha, double power) {

    public Power {
        if (controlRate.isPresent() && !(controlRate.getAsDouble() > 0 && controlRate.getAsDouble() < 1)) {
            throw new IllegalArgumentException("Control rate must be in (0, 1), got " + controlRate.getAsDouble() + ".");
        }
        requireSd(sd, "Outcome SD");
        requireSd(secondSd, "Second group's outcome SD");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha (two-sided) must be in (0, 1), got " + alpha + "; 0.05 is usual.");
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + power + "; 0.8 is usual.");
        }
    }

    /**
     * A binary outcome with control rate {@code controlRate} (e.g. 0.36 for 36% weekly login), so
     * σ = √(p₀(1 − p₀)); results print in percentage points.
     */
    public static Power binary(double controlRate) {
        if (!(controlRate > 0 && controlRate < 1)) {
            throw new IllegalArgumentException("Control rate must be in (0, 1), got " + controlRate + "; pass a proportion, e.g. 0.36 for 36%.");
        }
        double sd = Math.sqrt(controlRate * (1 - controlRate));
        return new Power(OptionalDouble.of(controlRate), sd, sd, 0.05, 0.8);
    }

    /** An outcome with standard deviation {@code sd}, in the outcome's units (minutes, kWh, ...). */
    public static Power sd(double sd) {
        requireSd(sd, "Outcome SD");
        return new Power(OptionalDouble.empty(), sd, sd, 0.05, 0.8);
    }

    /** The same calculation at another two-sided significance level. */
    public Power alpha(double level) {
        return new Power(controlRate, sd, secondSd, level, power);
    }

    /** The same calculation for another target power, e.g. 0.9. */
    public Power power(double target) {
        return new Power(controlRate, sd, secondSd, alpha, target);
    }

    /** The same calculation when the second group's SD differs from the first's, e.g. a treated arm's. */
    public Power secondSd(double sd2) {
        return new Power(controlRate, sd, sd2, alpha, power);
    }

    /** Two arms of {@code nEff} units each: the registry's convention (n_eff = 25,000, or 12,500 treated in summer). */
    public PowerResult perArm(long nEff) {
        return groups(nEff, nEff);
    }

    /** Two groups of {@code n1} and {@code n2} units: MDE = (z_{1−α/2} + z_power) · √(σ₁²/n₁ + σ₂²/n₂). */
    public PowerResult groups(long n1, long n2) {
        return new PowerResult(this, n1, n2);
    }

    /** Whether results are proportions, printed in percentage points. */
    public boolean isBinary() {
        return controlRate.isPresent();
    }

    private static void requireSd(double sd, String what) {
        if (!(sd > 0 && Double.isFinite(sd))) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + sd + ".");
        }
    }

    @Override
    public String toString() {
        String outcome = controlRate.isPresent()
                ? "binary outcome, control rate " + Fmt.pp(controlRate.getAsDouble(), 1) + "% (σ = " + Fmt.fixed(sd, 3) + ")"
                : "outcome SD σ = " + String.format(java.util.Locale.ROOT, "%.4g", sd);
        String second = secondSd != sd ? ", second group σ = " + String.format(java.util.Locale.ROOT, "%.4g", secondSd) : "";
        return "Power: " + outcome + second + "; α = " + alpha + " two-sided, power " + Fmt.fixed(power, 2);
    }
}
