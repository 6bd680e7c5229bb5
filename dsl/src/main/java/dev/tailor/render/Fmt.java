package dev.tailor.render;

import java.util.Locale;

/** Number formats shared by every printed result, fixed to the root locale so reports read the same anywhere. */
public final class Fmt {

    private Fmt() {
    }

    /** {@code digits} decimals, e.g. {@code fixed(2.1234, 2)} is "2.12". */
    public static String fixed(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** A proportion as percentage points with {@code digits} decimals, e.g. {@code pp(0.0212, 2)} is "2.12". */
    public static String pp(double proportion, int digits) {
        return fixed(100 * proportion, digits);
    }

    /** A count with thousands separators, e.g. "100,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A p-value: three decimals, or "<0.001". */
    public static String pValue(double p) {
        return p < 0.001 ? "<0.001" : fixed(p, 3);
    }
}
