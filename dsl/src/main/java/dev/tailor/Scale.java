package dev.tailor;

import java.util.Locale;

/**
 * The one switch that shrinks the study notebooks for tests: the environment variable {@code TAILOR_SCALE}
 * (default 1) multiplies every study size a notebook asks for. {@code ./tailor reproduce} runs at full size;
 * the test suite runs the same notebooks at {@code TAILOR_SCALE=0.1}.
 */
public final class Scale {

    /** The environment variable notebooks read. */
    public static final String VARIABLE = "TAILOR_SCALE";

    private Scale() {
    }

    /** The study size to use: {@code fullSize} times TAILOR_SCALE, rounded, at least 1. */
    public static int of(int fullSize) {
        return apply(fullSize, factor(System.getenv(VARIABLE)));
    }

    /** The factor TAILOR_SCALE asks for; 1 when unset. A value that is not a number in (0, 1] is an error. */
    public static double factor() {
        return factor(System.getenv(VARIABLE));
    }

    static double factor(String setting) {
        if (setting == null || setting.isBlank()) {
            return 1.0;
        }
        double factor;
        try {
            factor = Double.parseDouble(setting.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VARIABLE + " must be a number in (0, 1], got \"" + setting + "\". Unset it for full study size.");
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException(VARIABLE + " must be in (0, 1], got " + factor + ". Unset it for full study size.");
        }
        return factor;
    }

    static int apply(int fullSize, double factor) {
        return Math.max(1, (int) Math.round(fullSize * factor));
    }

    /** A line for notebooks to print, e.g. "full study size" or "TAILOR_SCALE = 0.1: 10% of study size". */
    public static String describe() {
        double factor = factor();
        return factor == 1.0 ? "full study size" : String.format(Locale.ROOT, "%s = %s: %.0f%% of study size", VARIABLE, factor, 100 * factor);
    }
}
