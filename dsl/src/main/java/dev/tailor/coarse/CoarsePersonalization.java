package dev.tailor.coarse;

/**
 * Coarse personalization (methods spec §2.16; Zhang and Misra, "Coarse Personalization"): from predicted values
 * of every treatment for every unit, choose K treatments to offer and which unit gets which, maximizing the total
 * predicted value.
 *
 * <pre>{@code
 * ValueMatrix values = ValueMatrix.of(incrementalProfit, names);     // n × (M+1), the null first
 * CoarseFit five = CoarsePersonalization.spec().treatments(5).fit(values);
 * five                       // renders: chosen treatments, shares, objective, recovery vs full personalization
 * int[] arm = five.assignment();                                     // a column per row
 * CoarseFit capped = CoarsePersonalization.spec().treatments(5)
 *         .capacities(Capacities.eachAtMost(0.30)).fit(values);      // each promotion ≤ 30% of units
 * }</pre>
 */
public final class CoarsePersonalization {

    private CoarsePersonalization() {
    }

    /**
     * The default spec: K = 5 treatments, the null always available on top of them, {@link Solver#AUTO},
     * exact search up to 200,000 subsets, 10 local-search restarts, seed 1, no capacities.
     */
    public static CoarseSpec spec() {
        return CoarseSpec.DEFAULT;
    }
}
