package dev.tailor.datasets;

/**
 * The 11 household characteristics of the energy rebate simulator, drawn by a Gaussian copula (methods spec §3.2).
 *
 * <p>A latent L ~ N(0, R) has coordinates, in order: lpeak, lpre, lpost, members, home, efficacy, income,
 * all-electric, air conditioners, fans, area. Each margin is an increasing transform of its own coordinate:
 * <ul>
 *   <li>peak, pre-peak, post-peak usage (Wh per 30 min): LogNormal with (mean, SD) (191, 139), (178, 137),
 *       (297, 173), i.e. exp(μ + σL) with σ = √ln(1 + s²/m²), μ = ln m − σ²/2;</li>
 *   <li>members: 1..7 with probabilities (.16, .34, .22, .19, .06, .02, .01), by normal thresholds;</li>
 *   <li>people at home: the Binomial(members, 0.895) inverse CDF at Φ(L_home) (L_home is uncorrelated);</li>
 *   <li>self-efficacy: 1..5 with probabilities (.02, .09, .40, .39, .10), by normal thresholds;</li>
 *   <li>income (10,000 JPY): LogNormal(633, 386) rounded to the nearest 10;</li>
 *   <li>all-electric: 1{L > Φ⁻¹(0.69)}; air conditioners clamp(round(3.11 + 1.69L), 0, 10);
 *       fans clamp(round(2.77 + 1.61L), 0, 10); living area (m²) LogNormal(105.5, 48.5).</li>
 * </ul>
 * Rounding is half-up ({@link Math#round(double)}).
 */
record EnergyCovariates(double[] peak, double[] prePeak, double[] postPeak, int[] members, int[] atHome,
                        int[] efficacy, double[] income, int[] allElectric, int[] airConditioners, int[] fans,
                        double[] area) {

    static final int DIMENSION = 11;
    static final int PEAK = 0;
    static final int PRE = 1;
    static final int POST = 2;
    static final int MEMBERS = 3;
    static final int HOME = 4;
    static final int EFFICACY = 5;
    static final int INCOME = 6;
    static final int ALL_ELECTRIC = 7;
    static final int AC = 8;
    static final int FANS = 9;
    static final int AREA = 10;

    /** The latent correlation matrix R of the spec; every pair not listed there is 0. */
    static double[][] correlation() {
        double[][] r = new double[DIMENSION][DIMENSION];
        for (int j = 0; j < DIMENSION; j++) {
            r[j][j] = 1;
        }
        set(r, PEAK, PRE, 0.80);
        set(r, PEAK, POST, 0.75);
        set(r, PRE, POST, 0.75);
        set(r, MEMBERS, PEAK, 0.35);
        set(r, MEMBERS, PRE, 0.35);
        set(r, MEMBERS, POST, 0.40);
        for (int usage = PEAK; usage <= POST; usage++) {
            set(r, INCOME, usage, 0.35);
            set(r, ALL_ELECTRIC, usage, 0.30);
            set(r, AC, usage, 0.30);
            set(r, AREA, usage, 0.25);
        }
        set(r, INCOME, MEMBERS, 0.25);
        set(r, INCOME, AREA, 0.35);
        set(r, ALL_ELECTRIC, AREA, 0.15);
        set(r, AC, AREA, 0.45);
        set(r, AC, MEMBERS, 0.30);
        set(r, FANS, MEMBERS, 0.25);
        set(r, FANS, AC, 0.20);
        set(r, AREA, MEMBERS, 0.30);
        set(r, EFFICACY, INCOME, 0.05);
        return r;
    }

    private static final double[][] CHOLESKY = cholesky(correlation());
    private static final double[] MEMBER_CUTS = cuts(0.16, 0.34, 0.22, 0.19, 0.06, 0.02, 0.01);
    private static final double[] EFFICACY_CUTS = cuts(0.02, 0.09, 0.40, 0.39, 0.10);
    private static final double ALL_ELECTRIC_CUT = EnergyMath.inversePhi(0.69);
    private static final double HOME_PROBABILITY = 0.895;

    /**
     * Draws n households. Each takes 11 standard normals z (22 uniforms, Box–Muller) in coordinate order, and
     * L = C·z with C the lower Cholesky factor of R; households are drawn in order i = 0..n−1.
     */
    static EnergyCovariates draw(int n, Draws draws) {
        double[] peak = new double[n];
        double[] pre = new double[n];
        double[] post = new double[n];
        int[] members = new int[n];
        int[] home = new int[n];
        int[] efficacy = new int[n];
        double[] income = new double[n];
        int[] allElectric = new int[n];
        int[] ac = new int[n];
        int[] fans = new int[n];
        double[] area = new double[n];
        double[] z = new double[DIMENSION];
        double[] latent = new double[DIMENSION];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                z[j] = draws.normal();
            }
            for (int j = 0; j < DIMENSION; j++) {
                double sum = 0;
                for (int k = 0; k <= j; k++) {
                    sum += CHOLESKY[j][k] * z[k];
                }
                latent[j] = sum;
            }
            peak[i] = logNormal(191, 139, latent[PEAK]);
            pre[i] = logNormal(178, 137, latent[PRE]);
            post[i] = logNormal(297, 173, latent[POST]);
            members[i] = 1 + above(latent[MEMBERS], MEMBER_CUTS);
            home[i] = binomialQuantile(members[i], HOME_PROBABILITY, EnergyMath.phi(latent[HOME]));
            efficacy[i] = 1 + above(latent[EFFICACY], EFFICACY_CUTS);
            income[i] = 10.0 * Math.round(logNormal(633, 386, latent[INCOME]) / 10.0);
            allElectric[i] = latent[ALL_ELECTRIC] > ALL_ELECTRIC_CUT ? 1 : 0;
            ac[i] = clampRound(3.11 + 1.69 * latent[AC]);
            fans[i] = clampRound(2.77 + 1.61 * latent[FANS]);
            area[i] = logNormal(105.5, 48.5, latent[AREA]);
        }
        return new EnergyCovariates(peak, pre, post, members, home, efficacy, income, allElectric, ac, fans, area);
    }

    int size() {
        return peak.length;
    }

    /** exp(μ + σ·l): the LogNormal with arithmetic mean m and SD s, at latent standard normal l. */
    static double logNormal(double mean, double sd, double latent) {
        double sigma = Math.sqrt(Math.log(1 + sd * sd / (mean * mean)));
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.exp(mu + sigma * latent);
    }

    /** The smallest k with P(Binomial(trials, p) ≤ k) ≥ u. */
    static int binomialQuantile(int trials, double p, double u) {
        double probability = Math.pow(1 - p, trials);
        double cumulative = probability;
        int k = 0;
        while (cumulative < u && k < trials) {
            probability *= (double) (trials - k) / (k + 1) * p / (1 - p);
            k++;
            cumulative += probability;
        }
        return k;
    }

    /** Normal thresholds Φ⁻¹ of the cumulative probabilities of a categorical margin (all but the last). */
    private static double[] cuts(double... probabilities) {
        double[] cuts = new double[probabilities.length - 1];
        double cumulative = 0;
        for (int k = 0; k < cuts.length; k++) {
            cumulative += probabilities[k];
            cuts[k] = EnergyMath.inversePhi(cumulative);
        }
        return cuts;
    }

    private static int above(double latent, double[] cuts) {
        int count = 0;
        for (double cut : cuts) {
            if (latent > cut) {
                count++;
            }
        }
        return count;
    }

    private static int clampRound(double value) {
        return (int) Math.max(0, Math.min(10, Math.round(value)));
    }

    private static void set(double[][] r, int a, int b, double value) {
        r[a][b] = value;
        r[b][a] = value;
    }

    /** The lower Cholesky factor; fails loudly if R is not positive definite. */
    static double[][] cholesky(double[][] r) {
        int p = r.length;
        double[][] c = new double[p][p];
        for (int j = 0; j < p; j++) {
            double diagonal = r[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= c[j][k] * c[j][k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalStateException("The latent correlation matrix is not positive definite (pivot " + j + ").");
            }
            c[j][j] = Math.sqrt(diagonal);
            for (int i = j + 1; i < p; i++) {
                double sum = r[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= c[i][k] * c[j][k];
                }
                c[i][j] = sum / c[j][j];
            }
        }
        return c;
    }
}
