package dev.tailor.datasets;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The exact truth of a {@link PromotionsPopulation}: for every customer and arm (0 = none, 1..12 = promotions) the
 * buy probability, the expected profit π(x, t) and the incremental profit τ_t(x) = π(x, t) − π(x, none). Immutable;
 * computed once, n × 13 logistic evaluations.
 *
 * <pre>{@code
 * PromotionsOracle truth = Promotions.experiment().population(100_000, 7L).oracle();
 * CoarseFit five = CoarsePersonalization.spec().treatments(5).fit(ValueMatrix.of(truth.incrementalProfits(),
 *         truth.arms().names()));
 * }</pre>
 */
public final class PromotionsOracle implements Rendered {

    private static final int ARMS = Promotions.PROMOTIONS + 1;

    private final PromotionsPopulation people;
    private final double[] buy;      // row-major n × 13
    private final double[] profit;   // row-major n × 13
    private final int[] best;
    private final double nullValue;
    private final double fullGain;
    private final double[] meanBuy = new double[ARMS];
    private final double[] meanIncremental = new double[ARMS];
    private final double[] optimalShare = new double[ARMS];

    PromotionsOracle(PromotionsPopulation people) {
        this.people = people;
        int n = people.size();
        buy = new double[n * ARMS];
        profit = new double[n * ARMS];
        best = new int[n];
        double nullSum = 0;
        double gainSum = 0;
        for (int i = 0; i < n; i++) {
            int bestArm = 0;
            for (int t = 0; t < ARMS; t++) {
                buy[i * ARMS + t] = people.buyProbability(i, t);
                profit[i * ARMS + t] = people.expectedProfit(i, t);
                meanBuy[t] += buy[i * ARMS + t];
                meanIncremental[t] += profit[i * ARMS + t] - profit[i * ARMS];
                if (profit[i * ARMS + t] > profit[i * ARMS + bestArm]) {
                    bestArm = t;
                }
            }
            best[i] = bestArm;
            optimalShare[bestArm]++;
            nullSum += profit[i * ARMS];
            gainSum += profit[i * ARMS + bestArm] - profit[i * ARMS];
        }
        for (int t = 0; t < ARMS; t++) {
            meanBuy[t] /= n;
            meanIncremental[t] /= n;
            optimalShare[t] /= n;
        }
        nullValue = nullSum / n;
        fullGain = gainSum / n;
    }

    /** Number of customers n. */
    public int size() {
        return best.length;
    }

    /** "none", "5%/3d", …, "30%/14d". */
    public Arms arms() {
        return Promotions.arms();
    }

    /** P(buy | x_i, t). */
    public double buyProbability(int i, int t) {
        return buy[index(i, t)];
    }

    /** π(x_i, t): expected profit of customer i under arm t, net of the send cost. */
    public double expectedProfit(int i, int t) {
        return profit[index(i, t)];
    }

    /** τ_t(x_i) = π(x_i, t) − π(x_i, none); 0 for t = 0. */
    public double incrementalProfit(int i, int t) {
        return profit[index(i, t)] - profit[index(i, 0)];
    }

    /** Expected profit, n × 13 (column 0 = no promotion); a fresh copy. */
    public double[][] expectedProfits() {
        return rows(profit, false);
    }

    /** Incremental expected profit τ_t(x_i), n × 13, column 0 ≡ 0: the matrix coarse personalization takes. */
    public double[][] incrementalProfits() {
        return rows(profit, true);
    }

    /** Buy probabilities, n × 13 (column 0 = no promotion); a fresh copy. */
    public double[][] buyProbabilities() {
        return rows(buy, false);
    }

    /** Incremental buy probabilities P(buy | x, t) − P(buy | x, none), n × 13, column 0 ≡ 0. */
    public double[][] incrementalBuyProbabilities() {
        return rows(buy, true);
    }

    /** V(null): mean expected profit per customer when nobody gets a promotion (about 4.34). */
    public double nullValue() {
        return nullValue;
    }

    /** Mean over customers of max(0, max_t τ_t): the incremental profit of full personalization (about 1.05). */
    public double fullPersonalizationGain() {
        return fullGain;
    }

    /** The individually optimal arm of customer i (0 when no promotion pays); ties go to the lower arm. */
    public int optimalArm(int i) {
        return best[checkCustomer(i)];
    }

    /** The individually optimal arm of every customer; a fresh copy. */
    public int[] optimalPolicy() {
        return best.clone();
    }

    /** The share of customers whose individually optimal arm is t. */
    public double optimalShare(int t) {
        Promotions.checkArm(t);
        return optimalShare[t];
    }

    /** Mean incremental profit of giving everyone arm t. */
    public double uniformGain(int t) {
        Promotions.checkArm(t);
        return meanIncremental[t];
    }

    /** Mean incremental profit per customer of a policy (arm per customer; 0 = none) over giving nobody a promotion. */
    public double gain(int[] policy) {
        if (policy.length != size()) {
            throw new IllegalArgumentException("A policy needs one arm per customer (" + Fmt.count(size()) + "), got "
                    + Fmt.count(policy.length) + ".");
        }
        double sum = 0;
        for (int i = 0; i < policy.length; i++) {
            Promotions.checkArm(policy[i]);
            sum += profit[i * ARMS + policy[i]] - profit[i * ARMS];
        }
        return sum / policy.length;
    }

    /** gain(policy) / fullPersonalizationGain(): the recovery ratio of a policy. */
    public double recovery(int[] policy) {
        return gain(policy) / fullGain;
    }

    private double[][] rows(double[] flat, boolean incremental) {
        double[][] out = new double[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * ARMS, (i + 1) * ARMS);
            if (incremental) {
                double base = out[i][0];
                for (int t = 0; t < ARMS; t++) {
                    out[i][t] -= base;
                }
            }
        }
        return out;
    }

    private int index(int i, int t) {
        checkCustomer(i);
        Promotions.checkArm(t);
        return i * ARMS + t;
    }

    private int checkCustomer(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("Customer " + i + " is outside 0.." + (size() - 1) + ".");
        }
        return i;
    }

    // Rendering.

    private static final List<String> HEADER = List.of("arm", "buy rate (%)", "incremental profit", "optimal for (%)");

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < ARMS; t++) {
            rows.add(List.of(arms().get(t).name(), Fmt.pp(meanBuy[t], 2), t == 0 ? "—" : Fmt.fixed(meanIncremental[t], 3),
                    Fmt.pp(optimalShare[t], 1)));
        }
        List<String> notes = List.of(
                "Profit with no promotion V(null) = " + Fmt.fixed(nullValue, 3) + " per customer; full personalization adds "
                        + Fmt.fixed(fullGain, 3) + " (V(full) = " + Fmt.fixed(nullValue + fullGain, 3) + ").",
                "Incremental profit is the mean over customers of giving everyone that arm.");
        return new Report("True effects — promotions (n = " + Fmt.count(size()) + ", seed " + people.seed() + ")", HEADER,
                rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per arm: arm_index, arm, buy_rate, incremental_profit (everyone gets the arm), optimal_share. */
    @Override
    public Table table() {
        IntColumn index = IntColumn.create("arm_index");
        StringColumn name = StringColumn.create("arm");
        DoubleColumn rate = DoubleColumn.create("buy_rate");
        DoubleColumn gain = DoubleColumn.create("incremental_profit");
        DoubleColumn share = DoubleColumn.create("optimal_share");
        for (int t = 0; t < ARMS; t++) {
            index.append(t);
            name.append(arms().get(t).name());
            rate.append(meanBuy[t]);
            gain.append(meanIncremental[t]);
            share.append(optimalShare[t]);
        }
        return Table.create("true effects, promotions", index, name, rate, gain, share);
    }
}
