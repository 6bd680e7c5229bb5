package dev.tailor.datasets;

import dev.tailor.design.Arms;
import java.util.SplittableRandom;

/**
 * The energy rebate RCT simulator (methods spec §1.2 and §3.2; Ida et al., "Choosing Who Chooses"): households
 * with 11 survey and smart-meter characteristics, randomized into untreated (U), compulsorily enrolled (T) and
 * asked-to-opt-in (S) arms, with selection on private gains in S and an exact {@link EnergyOracle}.
 *
 * <pre>{@code
 * EnergyHouseholds sample = EnergyRebate.trial().households(3_870, 20200824L);   // U 1,577 / T 1,486 / S 807
 * Table data = sample.data();                    // covariates, arm (0 U, 1 T, 2 S), take_up, usage_kw, baseline_kw
 * EnergyOracle truth = sample.oracle();          // true welfare gains, G*, G†, group LATEs
 * }</pre>
 *
 * <p>The DGP has no knobs of its own: its parameters were calibrated once so that the paper's rankings hold in
 * truth (all-S > all-T; G* > G† > max(all-S, all-T)). Welfare parameters (p, c, a, δ, H, ν) are chosen when the
 * oracle is asked, through a {@link dev.tailor.welfare.WelfareSpec}.
 */
public final class EnergyRebate {

    /** Arm index of the untreated arm U (no program). */
    public static final int UNTREATED = 0;
    /** Arm index of the compulsorily enrolled arm T. */
    public static final int TREATED = 1;
    /** Arm index of the self-selection arm S (asked to opt in). */
    public static final int SELF_SELECTION = 2;
    /** The study's analysis sample: 3,870 households. */
    public static final int STUDY_SIZE = 3_870;

    private static final EnergyRebate TRIAL = new EnergyRebate();

    private EnergyRebate() {
    }

    /** The simulator with the spec's calibration. */
    public static EnergyRebate trial() {
        return TRIAL;
    }

    /** The arms U (untreated, index 0), T (treated, 1) and S (self-selection, 2). */
    public Arms arms() {
        return Arms.of("T", "S").withControl("U");
    }

    /**
     * Arm sizes {n_U, n_T, n_S} for n households: n_T = round(n·1486/3870), n_S = round(n·807/3870) and
     * n_U = n − n_T − n_S, which gives exactly 1,577 / 1,486 / 807 at n = 3,870.
     */
    public int[] armSizes(int n) {
        checkSize(n);
        int treated = (int) Math.round(n * 1486.0 / STUDY_SIZE);
        int selection = (int) Math.round(n * 807.0 / STUDY_SIZE);
        return new int[] {n - treated - selection, treated, selection};
    }

    /**
     * Draws n households and randomizes them into exactly {@link #armSizes(int)} (complete randomization).
     *
     * <p>Draw order, fixed so that a seed reproduces the data exactly: {@code new SplittableRandom(seed)} is split
     * four times, in this order, into streams for (1) covariates: households i = 0..n−1 each take 11 normals,
     * see {@link EnergyCovariates}; (2) the assignment: a Fisher–Yates shuffle of 0..n−1 (for j = n−1 down to 1,
     * swap j with ⌊u·(j+1)⌋), after which the first n_U shuffled households are U, the next n_T are T and the rest
     * S; (3) private draws: households i = 0..n−1 each take u, e and ε (3 normals, in that order), whatever their
     * arm, so outcomes under any assignment are coupled; (4) the half-hour panel, drawn only when asked
     * ({@link EnergyHouseholds#panel()}). Normals are Box–Muller from two uniforms. Cost: 29 uniforms per household
     * (22 covariate, 1 shuffle, 6 private); 200,000 households take well under a second.
     *
     * @param n    number of households, at least 3 (one per arm); the study had 3,870
     * @param seed any long
     */
    public EnergyHouseholds households(int n, long seed) {
        int[] sizes = armSizes(n);
        SplittableRandom root = new SplittableRandom(seed);
        Draws covariateDraws = new Draws(root.split());
        Draws assignmentDraws = new Draws(root.split());
        Draws privateDraws = new Draws(root.split());
        EnergyCovariates x = EnergyCovariates.draw(n, covariateDraws);
        int[] arm = assign(sizes, assignmentDraws);
        double[] u = new double[n];
        double[] e = new double[n];
        double[] epsilon = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = privateDraws.normal();
            e[i] = privateDraws.normal();
            epsilon[i] = -0.02 + 0.2 * privateDraws.normal();
        }
        return new EnergyHouseholds(this, seed, x, EnergyTypes.of(x), arm, u, e, epsilon);
    }

    /** The study-sized sample: {@code households(3_870, seed)}. */
    public EnergyHouseholds studySample(long seed) {
        return households(STUDY_SIZE, seed);
    }

    /** The stream of the half-hour panel: split number 4 of {@code new SplittableRandom(seed)}. */
    static Draws panelDraws(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        root.split();
        root.split();
        return new Draws(root.split());
    }

    private static int[] assign(int[] sizes, Draws draws) {
        int n = sizes[0] + sizes[1] + sizes[2];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int j = n - 1; j >= 1; j--) {
            int k = (int) (draws.uniform() * (j + 1));
            int swap = order[j];
            order[j] = order[k];
            order[k] = swap;
        }
        int[] arm = new int[n];
        for (int position = 0; position < n; position++) {
            arm[order[position]] = position < sizes[0] ? UNTREATED : position < sizes[0] + sizes[1] ? TREATED : SELF_SELECTION;
        }
        return arm;
    }

    private static void checkSize(int n) {
        if (n < 3) {
            throw new IllegalArgumentException("The energy rebate simulator needs at least 3 households (one per arm U, T, S), "
                    + "got n = " + n + ". The study had 3,870; use 200,000 or more for oracle values.");
        }
    }

    @Override
    public String toString() {
        return "EnergyRebate[arms U (untreated), T (enrolled), S (opt-in); design ratio 1577:1486:807 of 3,870]";
    }
}
