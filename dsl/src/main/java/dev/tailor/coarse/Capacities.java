package dev.tailor.coarse;

import dev.tailor.render.Fmt;
import java.util.Arrays;
import java.util.Objects;

/**
 * Upper bounds on how many rows each treatment may take: the capacity marginals of the transportation problem.
 * Immutable. Shares are turned into row counts by flooring share·n (plus 1e-9 against rounding), so shares that
 * come from counts give those counts back.
 *
 * <pre>{@code
 * Capacities.none()                       // the default: the assignment is each row's best offered column
 * Capacities.eachAtMost(0.30)             // every treatment ≤ 30% of rows; the null is unlimited
 * Capacities.maxShares(1, 0.1, 0.5, 0.5)  // per column, the null's first (1 = unlimited)
 * Capacities.maxCounts(n, 10_000, 50_000) // the same in rows
 * Capacities.eachAtMost(0.3).atLeast(0, 0.05, 0.05, 0.05)   // and lower bounds, per column
 * }</pre>
 *
 * <p>Lower bounds ({@link #atLeast(double...)}) apply to the columns that are offered: a set whose offered
 * columns' minimums sum to more than n, or whose maximums sum to less, is infeasible. Minimums are rounded up to
 * whole rows. Equal minimums and maximums summing to n fix the masses exactly.
 */
public final class Capacities {

    private enum Kind { NONE, EACH, SHARES, COUNTS }

    private final Kind kind;
    private final double each;
    private final double[] shares;
    private final int[] counts;
    private final double[] minShares;   // per column, or null

    private Capacities(Kind kind, double each, double[] shares, int[] counts, double[] minShares) {
        this.kind = kind;
        this.each = each;
        this.shares = shares;
        this.counts = counts;
        this.minShares = minShares;
    }

    /** No capacities. */
    public static Capacities none() {
        return new Capacities(Kind.NONE, 1, null, null, null);
    }

    /** Every non-null treatment takes at most {@code share} of the rows, in (0, 1]; the null is unlimited. */
    public static Capacities eachAtMost(double share) {
        checkShare(share, "A treatment's capacity share");
        return new Capacities(Kind.EACH, share, null, null, null);
    }

    /** A maximum share of rows for every column, the null's first; 1 means unlimited. */
    public static Capacities maxShares(double... shares) {
        Objects.requireNonNull(shares, "shares");
        for (int t = 0; t < shares.length; t++) {
            if (!(shares[t] >= 0 && shares[t] <= 1)) {
                throw new IllegalArgumentException("The capacity share of column " + t + " must be in [0, 1], got "
                        + shares[t] + ". Use 1 for an unlimited column.");
            }
        }
        return new Capacities(Kind.SHARES, 1, shares.clone(), null, null);
    }

    /** A maximum number of rows for every column, the null's first; n or more means unlimited. */
    public static Capacities maxCounts(int... counts) {
        Objects.requireNonNull(counts, "counts");
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] < 0) {
                throw new IllegalArgumentException("The capacity of column " + t + " must be ≥ 0 rows, got " + counts[t] + ".");
            }
        }
        return new Capacities(Kind.COUNTS, 1, null, counts.clone(), null);
    }

    /**
     * The same maximums with a minimum share of rows for every column, the null's first (0 = no minimum); a
     * minimum binds only when its column is offered.
     */
    public Capacities atLeast(double... minShares) {
        Objects.requireNonNull(minShares, "minShares");
        for (int t = 0; t < minShares.length; t++) {
            if (!(minShares[t] >= 0 && minShares[t] <= 1)) {
                throw new IllegalArgumentException("The minimum share of column " + t + " must be in [0, 1], got "
                        + minShares[t] + ". Use 0 for no minimum.");
            }
        }
        return new Capacities(kind == Kind.NONE ? Kind.SHARES : kind, each,
                kind == Kind.NONE ? filled(minShares.length) : shares, counts, minShares.clone());
    }

    private static double[] filled(int columns) {
        double[] ones = new double[columns];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** True unless this is {@link #none()}. */
    public boolean isBounded() {
        return kind != Kind.NONE;
    }

    /** Whether any minimum was set. */
    boolean hasMinimums() {
        return minShares != null;
    }

    /** The minimum of every column in rows (share·n rounded up, less 1e-9 against rounding); zeros when none. */
    int[] resolveMinimums(int n, int columns) {
        int[] mins = new int[columns];
        if (minShares == null) {
            return mins;
        }
        checkLength(minShares.length, columns);
        for (int t = 0; t < columns; t++) {
            mins[t] = (int) Math.min(n, Math.ceil(minShares[t] * n - 1e-9));
        }
        return mins;
    }

    /**
     * The capacity of every column in rows for a matrix of n rows and the given number of columns; unlimited
     * columns get n. Fails when the per-column list has the wrong length.
     */
    int[] resolve(int n, int columns) {
        int[] caps = new int[columns];
        switch (kind) {
            case NONE -> Arrays.fill(caps, n);
            case EACH -> {
                caps[0] = n;
                for (int t = 1; t < columns; t++) {
                    caps[t] = toCount(each, n);
                }
            }
            case SHARES -> {
                checkLength(shares.length, columns);
                for (int t = 0; t < columns; t++) {
                    caps[t] = toCount(shares[t], n);
                }
            }
            case COUNTS -> {
                checkLength(counts.length, columns);
                for (int t = 0; t < columns; t++) {
                    caps[t] = Math.min(n, counts[t]);
                }
            }
        }
        return caps;
    }

    private static int toCount(double share, int n) {
        return (int) Math.min(n, Math.floor(share * n + 1e-9));
    }

    private static void checkLength(int given, int columns) {
        if (given != columns) {
            throw new IllegalArgumentException("Capacities were given for " + given + " columns but the value matrix has "
                    + columns + " (the null and " + (columns - 1) + " treatments). Give one per column, the null's first.");
        }
    }

    private static void checkShare(double share, String what) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1], got " + share + ".");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Capacities that && kind == that.kind && Double.compare(each, that.each) == 0
                && Arrays.equals(shares, that.shares) && Arrays.equals(counts, that.counts)
                && Arrays.equals(minShares, that.minShares);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, each, Arrays.hashCode(shares), Arrays.hashCode(counts), Arrays.hashCode(minShares));
    }

    @Override
    public String toString() {
        String maximums = switch (kind) {
            case NONE -> "none";
            case EACH -> "each treatment ≤ " + Fmt.pp(each, 1) + "% of rows";
            case SHARES -> "max shares " + Arrays.toString(shares);
            case COUNTS -> "max rows " + Arrays.toString(counts);
        };
        return minShares == null ? maximums : maximums + ", min shares " + Arrays.toString(minShares);
    }
}
