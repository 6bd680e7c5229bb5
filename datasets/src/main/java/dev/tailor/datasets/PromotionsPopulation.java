package dev.tailor.datasets;

import dev.tailor.design.Arms;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One seeded draw of the promotions experiment (made by {@link Promotions#population(int, long)}): customers'
 * covariates, their randomized arm, realized buy and profit, and the exact {@link PromotionsOracle}. Immutable.
 *
 * <p>The response (methods spec §3.3), with zps = (promo_share − 0.4)/0.2, zf = (frequency − 4)/2,
 * zr = (recency − 30)/30 and zb = (log_basket − ln 60)/0.6:
 * <ul>
 *   <li>α(x) = −2.0 + 0.30·zf − 0.35·zr + 0.10·zb; κ(x) = exp(ln 3 + 0.7·zps + 0.2·mobile − 0.3·zb);
 *       ν(x) = 0.30·tanh(zr + 0.2) − 0.15·zf;</li>
 *   <li>P(buy | x, d, v) = Λ(α + κ·d·(1 − 0.8d) + ν·ln(v/3)), and Λ(α) with no promotion;</li>
 *   <li>profit = buy·basket·e^ξ·(0.45 − d) − 0.05·1{promotion}, ξ ~ N(−0.045, 0.3²), so E[e^ξ] = 1.</li>
 * </ul>
 */
public final class PromotionsPopulation {

    private static final double LN60 = Math.log(60);

    private final Promotions spec;
    private final long seed;
    private final double[] logBasket;
    private final double[] recency;
    private final int[] frequency;
    private final double[] promoShare;
    private final double[] tenure;
    private final int[] mobile;
    private final double[][] noise;
    private final int[] arm;
    private final int[] buy;
    private final double[] profit;

    private PromotionsPopulation(Promotions spec, long seed, int n) {
        this.spec = spec;
        this.seed = seed;
        logBasket = new double[n];
        recency = new double[n];
        frequency = new int[n];
        promoShare = new double[n];
        tenure = new double[n];
        mobile = new int[n];
        noise = new double[4][n];
        arm = new int[n];
        buy = new int[n];
        profit = new double[n];
    }

    /** The draw documented on {@link Promotions#population(int, long)}. */
    static PromotionsPopulation draw(Promotions spec, int n, long seed) {
        PromotionsPopulation p = new PromotionsPopulation(spec, seed, n);
        Draws draws = new Draws(new SplittableRandom(seed));
        for (int i = 0; i < n; i++) {
            p.logBasket[i] = LN60 + 0.6 * draws.normal();
            p.recency[i] = 30 * exponential(draws);
            p.frequency[i] = Draws.poisson(4, draws.uniform());
            double g2 = exponential(draws) + exponential(draws);
            double g3 = exponential(draws) + exponential(draws) + exponential(draws);
            p.promoShare[i] = g2 / (g2 + g3);
            p.tenure[i] = exponential(draws) + exponential(draws);
            p.mobile[i] = draws.bernoulli(0.6);
            for (int j = 0; j < 4; j++) {
                p.noise[j][i] = draws.normal();
            }
        }
        // Complete randomization: exact counts per arm, then a Fisher–Yates shuffle.
        int control = (int) Math.round(spec.controlShare() * n);
        int treated = n - control;
        int position = control;
        for (int t = 1; t <= Promotions.PROMOTIONS; t++) {
            int count = treated / Promotions.PROMOTIONS + (t <= treated % Promotions.PROMOTIONS ? 1 : 0);
            for (int c = 0; c < count; c++) {
                p.arm[position++] = t;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.floor(draws.uniform() * (i + 1));
            int swap = p.arm[i];
            p.arm[i] = p.arm[j];
            p.arm[j] = swap;
        }
        for (int i = 0; i < n; i++) {
            int t = p.arm[i];
            p.buy[i] = draws.uniform() < p.buyProbability(i, t) ? 1 : 0;
            double xi = -0.045 + 0.3 * draws.normal();
            double margin = Promotions.MARGIN - Promotions.discount(t);
            p.profit[i] = p.buy[i] * p.basket(i) * Math.exp(xi) * margin - (t == 0 ? 0 : Promotions.SEND_COST);
        }
        return p;
    }

    private static double exponential(Draws draws) {
        return -Math.log(1.0 - draws.uniform());
    }

    public Promotions spec() {
        return spec;
    }

    /** The seed the population was drawn with. */
    public long seed() {
        return seed;
    }

    /** Number of customers n. */
    public int size() {
        return arm.length;
    }

    /** "none", "5%/3d", …, "30%/14d"; arm k is value k of the arm column. */
    public Arms arms() {
        return Promotions.arms();
    }

    /** The randomized arm of every customer (0 = no promotion); a fresh copy. */
    public int[] assignedArms() {
        return arm.clone();
    }

    /**
     * The experiment as a table named "promotions", one row per customer: id, the covariates of
     * {@link Promotions#COVARIATES}, arm (0..12), buy (0/1) and profit.
     */
    public Table table() {
        Table table = covariates();
        table.addColumns(IntColumn.create("arm", arm.clone()), IntColumn.create("buy", buy.clone()),
                DoubleColumn.create("profit", profit.clone()));
        return table;
    }

    /** The covariates only: id, log_basket, recency, frequency, promo_share, tenure, mobile, noise1..4, basket. */
    public Table covariates() {
        int n = size();
        int[] id = new int[n];
        double[] basket = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            basket[i] = basket(i);
        }
        return Table.create("promotions", IntColumn.create("id", id),
                DoubleColumn.create("log_basket", logBasket.clone()), DoubleColumn.create("recency", recency.clone()),
                IntColumn.create("frequency", frequency.clone()), DoubleColumn.create("promo_share", promoShare.clone()),
                DoubleColumn.create("tenure", tenure.clone()), IntColumn.create("mobile", mobile.clone()),
                DoubleColumn.create("noise1", noise[0].clone()), DoubleColumn.create("noise2", noise[1].clone()),
                DoubleColumn.create("noise3", noise[2].clone()), DoubleColumn.create("noise4", noise[3].clone()),
                DoubleColumn.create("basket", basket));
    }

    /** The covariates as an n × 11 matrix in the column order of {@link Promotions#COVARIATES}; a fresh copy. */
    public double[][] covariateMatrix() {
        double[][] x = new double[size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {logBasket[i], recency[i], frequency[i], promoShare[i], tenure[i], mobile[i], noise[0][i],
                    noise[1][i], noise[2][i], noise[3][i], basket(i)};
        }
        return x;
    }

    /** The exact truth: buy probability and expected profit of every customer under every arm. */
    public PromotionsOracle oracle() {
        return new PromotionsOracle(this);
    }

    double basket(int i) {
        return Math.exp(logBasket[i]);
    }

    /** P(buy | x_i, arm t). */
    double buyProbability(int i, int t) {
        double zps = (promoShare[i] - 0.4) / 0.2;
        double zf = (frequency[i] - 4) / 2.0;
        double zr = (recency[i] - 30) / 30.0;
        double zb = (logBasket[i] - LN60) / 0.6;
        double alpha = -2.0 + 0.30 * zf - 0.35 * zr + 0.10 * zb;
        if (t == 0) {
            return Logistic.of(alpha);
        }
        double kappa = Math.exp(Math.log(3) + 0.7 * zps + 0.2 * mobile[i] - 0.3 * zb);
        double nu = 0.30 * Math.tanh(zr + 0.2) - 0.15 * zf;
        double d = Promotions.discount(t);
        double v = Promotions.validityDays(t);
        return Logistic.of(alpha + kappa * d * (1 - 0.8 * d) + nu * Math.log(v / 3.0));
    }

    /** π(x_i, t): expected profit of customer i under arm t. */
    double expectedProfit(int i, int t) {
        double profitIfBuy = basket(i) * (Promotions.MARGIN - Promotions.discount(t));
        return buyProbability(i, t) * profitIfBuy - (t == 0 ? 0 : Promotions.SEND_COST);
    }
}
