package dev.tailor.datasets;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The promotions field experiment simulator (methods spec §3.3), the test bed for coarse personalization: 12
 * promotions, 4 discounts × 3 validity periods, plus no promotion; customers with basket size, recency,
 * frequency and promotion affinity; outcomes buy (0/1) and profit.
 *
 * <pre>{@code
 * PromotionsPopulation people = Promotions.experiment().population(100_000, 7L);
 * Table data = people.table();                         // covariates, arm, buy, profit
 * PromotionsOracle truth = people.oracle();           // true buy probability and profit of every arm
 * double[][] tau = truth.incrementalProfits();        // n × 13, column 0 (no promotion) = 0
 * }</pre>
 *
 * <p>Arms: 0 = "none" (no promotion), then t = 1..12 in discount-major order 5%/3d, 5%/7d, 5%/14d, 10%/3d, …,
 * 30%/14d. The response model, profit margin (0.45) and send cost (0.05) are those of the spec; the only knob is
 * the share of customers randomized to no promotion (default 20%; the rest split evenly over the 12 promotions).
 */
public final class Promotions {

    /** The four discounts, as fractions of the basket. */
    static final double[] DISCOUNTS = {0.05, 0.10, 0.20, 0.30};

    /** The three validity periods, in days. */
    static final int[] VALIDITY_DAYS = {3, 7, 14};

    /** Number of promotions M. */
    public static final int PROMOTIONS = DISCOUNTS.length * VALIDITY_DAYS.length;

    /** Gross margin m on the basket before the discount. */
    public static final double MARGIN = 0.45;

    /** Cost of sending any promotion. */
    public static final double SEND_COST = 0.05;

    /** The column names of the covariates, in draw order (basket is exp(log_basket) and comes last). */
    public static final List<String> COVARIATES = List.of("log_basket", "recency", "frequency", "promo_share",
            "tenure", "mobile", "noise1", "noise2", "noise3", "noise4", "basket");

    private final double controlShare;

    private Promotions(double controlShare) {
        if (!(controlShare > 0 && controlShare < 1)) {
            throw new IllegalArgumentException("The control (no promotion) share must be in (0, 1), got " + controlShare
                    + ". The study used 0.2.");
        }
        this.controlShare = controlShare;
    }

    /** The experiment of the spec: 20% no promotion, 80%/12 for each promotion, complete randomization. */
    public static Promotions experiment() {
        return new Promotions(0.2);
    }

    /** The same experiment with another share randomized to no promotion, in (0, 1). */
    public Promotions controlShare(double share) {
        return new Promotions(share);
    }

    public double controlShare() {
        return controlShare;
    }

    /** The arm catalog: "none", then "5%/3d", "5%/7d", "5%/14d", "10%/3d", …, "30%/14d". */
    public static Arms arms() {
        List<String> names = new ArrayList<>();
        for (double d : DISCOUNTS) {
            for (int v : VALIDITY_DAYS) {
                names.add(Math.round(100 * d) + "%/" + v + "d");
            }
        }
        return Arms.of(names.toArray(String[]::new)).withControl("none");
    }

    /** The discount of arm t (0 for arm 0, no promotion). */
    public static double discount(int arm) {
        checkArm(arm);
        return arm == 0 ? 0 : DISCOUNTS[(arm - 1) / VALIDITY_DAYS.length];
    }

    /** The validity in days of arm t (0 for arm 0, no promotion). */
    public static int validityDays(int arm) {
        checkArm(arm);
        return arm == 0 ? 0 : VALIDITY_DAYS[(arm - 1) % VALIDITY_DAYS.length];
    }

    /**
     * The "regular" promotion sets for grid search: every product of a non-empty subset of the discounts with a
     * non-empty subset of the validity periods (15 × 7 = 105 sets, of 1 to 12 promotions), as arm indices in
     * ascending order. A grid cannot express, say, {5%/14d, 20%/3d}, the best pair.
     */
    public static List<int[]> productGrid() {
        List<int[]> sets = new ArrayList<>();
        for (int discounts = 1; discounts < (1 << DISCOUNTS.length); discounts++) {
            for (int validities = 1; validities < (1 << VALIDITY_DAYS.length); validities++) {
                List<Integer> arms = new ArrayList<>();
                for (int d = 0; d < DISCOUNTS.length; d++) {
                    for (int v = 0; v < VALIDITY_DAYS.length; v++) {
                        if ((discounts & (1 << d)) != 0 && (validities & (1 << v)) != 0) {
                            arms.add(1 + d * VALIDITY_DAYS.length + v);
                        }
                    }
                }
                sets.add(arms.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return sets;
    }

    /**
     * Draws n customers with their randomized arm and realized outcomes.
     *
     * <p>Draw order, fixed so that a seed reproduces the data exactly: one {@link SplittableRandom} seeded with
     * {@code seed}. First, customer by customer, log basket (normal, 2 uniforms), recency (exponential, 1),
     * frequency (Poisson by inversion, 1), promo_share (Beta(2,3) as G2/(G2+G3) from 5 exponentials, 5),
     * tenure (Gamma(2,1) as 2 exponentials, 2), mobile (1), noise 1..4 (2 each). Then the arms: a vector with
     * round(controlShare·n) zeros and the rest split evenly over arms 1..12 (lower arms take the remainder) is
     * shuffled by Fisher–Yates from the last position down. Then, customer by customer, buy (1 uniform) and ξ
     * (normal, 2 uniforms; drawn even when buy = 0). Normals are Box–Muller (cosine branch). About 30 uniforms per
     * customer; 100,000 customers take a fraction of a second.
     *
     * @param n    number of customers, at least 13 (the study had 100,000)
     * @param seed any long
     */
    public PromotionsPopulation population(int n, long seed) {
        if (n < PROMOTIONS + 1) {
            throw new IllegalArgumentException("A promotions experiment needs at least " + (PROMOTIONS + 1)
                    + " customers (one per arm), got n = " + n + ". The study had 100,000.");
        }
        return PromotionsPopulation.draw(this, n, seed);
    }

    static void checkArm(int arm) {
        if (arm < 0 || arm > PROMOTIONS) {
            throw new IndexOutOfBoundsException("Arm " + arm + " is outside 0.." + PROMOTIONS
                    + " (0 = none, 1 = 5%/3d, …, 12 = 30%/14d).");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Promotions that && Double.compare(controlShare, that.controlShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(controlShare);
    }

    @Override
    public String toString() {
        return "Promotions[12 promotions (4 discounts × 3 validity periods) + none, no-promotion share "
                + Fmt.pp(controlShare, 0) + "%, margin " + Fmt.fixed(MARGIN, 2) + ", send cost " + Fmt.fixed(SEND_COST, 2) + "]";
    }
}
