package dev.tailor.design;

import dev.tailor.render.Fmt;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a design splits units over its arms: equal shares, a fixed control share with the rest split equally over
 * the treatments, or explicit shares in arm order. An allocation is a rule; {@link #sharesFor(Arms)} turns it into
 * one share per arm once the arms are known.
 *
 * <pre>{@code
 * Allocation.equal()                       // 1/(K+1) each
 * Allocation.controlShare(0.20)            // control 20%, 16 pairs 5% each
 * Allocation.shares(0.4, 0.2, 0.2, 0.2)    // control 40%, three treatments 20% each
 * }</pre>
 */
public final class Allocation {

    /** Shares must sum to 1 within this tolerance. */
    public static final double TOLERANCE = 1e-9;

    private enum Kind { EQUAL, CONTROL_SHARE, SHARES }

    private final Kind kind;
    private final double controlShare;
    private final double[] shares;

    private Allocation(Kind kind, double controlShare, double[] shares) {
        this.kind = kind;
        this.controlShare = controlShare;
        this.shares = shares;
    }

    /** Every arm, control included, gets the same share 1/(K+1). */
    public static Allocation equal() {
        return new Allocation(Kind.EQUAL, Double.NaN, null);
    }

    /**
     * The control arm gets {@code share}; the treatments split the rest equally. {@code controlShare(0.20)} with 16
     * treatments gives 5% to each treatment, the school-year Phase 1 design.
     */
    public static Allocation controlShare(double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("Control share must be in (0, 1), got " + share
                    + ". Give a fraction, e.g. Allocation.controlShare(0.20) for 20%.");
        }
        return new Allocation(Kind.CONTROL_SHARE, share, null);
    }

    /**
     * Explicit shares in arm order, control first. Each must be positive and they must sum to 1 (within 1e-9); the
     * design checks that there is one share per arm.
     */
    public static Allocation shares(double... sharesInArmOrder) {
        if (sharesInArmOrder == null || sharesInArmOrder.length == 0) {
            throw new IllegalArgumentException("Allocation.shares needs one share per arm, control first; got none.");
        }
        double[] copy = sharesInArmOrder.clone();
        for (int k = 0; k < copy.length; k++) {
            if (!(copy[k] > 0) || Double.isInfinite(copy[k])) {
                throw new IllegalArgumentException("Share " + k + " (arm index " + k + ") is " + copy[k]
                        + " in " + list(copy) + "; every share must be positive. Drop an arm from the catalog"
                        + " instead of giving it share 0.");
            }
        }
        double sum = Arrays.stream(copy).sum();
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("Allocation shares sum to " + String.format(Locale.ROOT, "%.10g", sum)
                    + ", not 1 (tolerance 1e-9): " + list(copy) + ". Make them sum to 1, e.g. divide each by "
                    + String.format(Locale.ROOT, "%.6g", sum)
                    + ", or use Allocation.controlShare(c) to split the rest equally over the treatments.");
        }
        return new Allocation(Kind.SHARES, Double.NaN, copy);
    }

    /**
     * One share per arm of {@code arms}, control first, summing to 1. Fails when explicit shares do not match the
     * number of arms.
     */
    public double[] sharesFor(Arms arms) {
        int size = arms.size();
        double[] out = new double[size];
        switch (kind) {
            case EQUAL -> Arrays.fill(out, 1.0 / size);
            case CONTROL_SHARE -> {
                Arrays.fill(out, (1 - controlShare) / (size - 1));
                out[0] = controlShare;
            }
            case SHARES -> {
                if (shares.length != size) {
                    throw new IllegalArgumentException("Allocation has " + shares.length + " shares " + list(shares)
                            + " but the design has " + size + " arms (" + String.join(", ", arms.names())
                            + "). Give one share per arm in arm order, control first.");
                }
                System.arraycopy(shares, 0, out, 0, size);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Allocation that && kind == that.kind
                && Double.compare(controlShare, that.controlShare) == 0 && Arrays.equals(shares, that.shares);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Double.hashCode(controlShare)) + Arrays.hashCode(shares);
    }

    /** The rule as code a reader could type, e.g. {@code Allocation.controlShare(0.2)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case EQUAL -> "Allocation.equal()";
            case CONTROL_SHARE -> "Allocation.controlShare(" + plain(controlShare) + ")";
            case SHARES -> Arrays.stream(shares).mapToObj(Allocation::plain)
                    .collect(Collectors.joining(", ", "Allocation.shares(", ")"));
        };
    }

    /** A one-line description for reports, e.g. "control 20.00%, treatments equal". */
    String describe() {
        return switch (kind) {
            case EQUAL -> "equal shares";
            case CONTROL_SHARE -> "control " + Fmt.pp(controlShare, 2) + "%, treatments split the rest equally";
            case SHARES -> "explicit shares";
        };
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(Allocation::plain).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String plain(double value) {
        // Shortest form that reads back to the same double: 0.2, not 0.20000000000000001.
        return Double.toString(value);
    }
}
