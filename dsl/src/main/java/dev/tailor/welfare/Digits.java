package dev.tailor.welfare;

import dev.tailor.render.Fmt;

/** How many decimals a printed estimate gets: enough to show two significant digits of its SE, 1 to 4. */
final class Digits {

    private Digits() {
    }

    static int forSe(double se) {
        if (!(se > 0) || Double.isInfinite(se)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(4, 1 - Math.floor(Math.log10(se))));
    }

    /** "estimate (se)" with decimals from the SE; "—" for NaN. */
    static String withSe(Estimate e) {
        if (Double.isNaN(e.estimate())) {
            return "—";
        }
        int digits = forSe(e.stdError());
        String se = Double.isNaN(e.stdError()) ? "—" : Fmt.fixed(e.stdError(), digits);
        return Fmt.fixed(e.estimate(), digits) + " (" + se + ")";
    }
}
