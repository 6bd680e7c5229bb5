package dev.tailor.datasets;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.welfare.WelfareSpec;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One seeded draw of energy rebate households (made by {@link EnergyRebate#households(int, long)}): covariates,
 * the randomized arm, private draws, and so the realized data under the study's assignment or any other.
 * Immutable.
 *
 * <pre>{@code
 * EnergyHouseholds sample = EnergyRebate.trial().studySample(7L);
 * Table data = sample.data();            // one row per household
 * Table panel = sample.panel();          // 304 peak half-hours per household, for the log-usage ITT
 * }</pre>
 *
 * <p>Potential outcomes (methods spec §3.2), with u, e ~ N(0, 1) and ε ~ N(−0.02, 0.2²) private to the household:
 * Y_U = ȳ·e^ε, Y_T = Y_U·(1 − r(u)), D_S = 1{ψ + λ·u + e > 0} and Y_S = D_S·Y_T + (1 − D_S)·Y_U; D is 0 in U
 * and 1 in T. Usage is mean peak-hour power in kW; the baseline is ȳ = peak·2/1000, the July mean.
 */
public final class EnergyHouseholds {

    /** The covariate columns of {@link #covariates()} (besides id), in order. */
    public static final List<String> COVARIATES = List.of("peak", "pre_peak", "post_peak", "peak_minus_pre",
            "peak_minus_post", "members", "at_home", "efficacy", "income", "all_electric", "air_conditioners", "fans",
            "area");

    /** The five covariates of the paper's policy class: peak − pre-peak, peak − post-peak, income, at home, efficacy. */
    public static final List<String> POLICY_COVARIATES = List.of("peak_minus_pre", "peak_minus_post", "income",
            "at_home", "efficacy");

    private final EnergyRebate spec;
    private final long seed;
    private final EnergyCovariates x;
    private final EnergyTypes types;
    private final int[] arm;
    private final double[] u;
    private final double[] e;
    private final double[] epsilon;

    EnergyHouseholds(EnergyRebate spec, long seed, EnergyCovariates x, EnergyTypes types, int[] arm, double[] u,
                     double[] e, double[] epsilon) {
        this.spec = spec;
        this.seed = seed;
        this.x = x;
        this.types = types;
        this.arm = arm;
        this.u = u;
        this.e = e;
        this.epsilon = epsilon;
    }

    public EnergyRebate spec() {
        return spec;
    }

    /** The seed the households were drawn with. */
    public long seed() {
        return seed;
    }

    /** Number of households n. */
    public int size() {
        return arm.length;
    }

    /** U (0), T (1), S (2). */
    public Arms arms() {
        return spec.arms();
    }

    /** The randomized arm of every household (0 U, 1 T, 2 S); a fresh copy. */
    public int[] assignment() {
        return arm.clone();
    }

    /** Realized arm sizes {n_U, n_T, n_S}, equal to {@code spec().armSizes(size())}. */
    public int[] armSizes() {
        int[] sizes = new int[3];
        for (int a : arm) {
            sizes[a]++;
        }
        return sizes;
    }

    /**
     * Household characteristics, one row per household, table "energy-rebate households". Columns: id (0..n−1),
     * peak, pre_peak, post_peak (Wh per 30 min in July, 13–17h, 10–13h, 17–20h), peak_minus_pre,
     * peak_minus_post, members, at_home (people at home on weekdays), efficacy (1–5), income (10,000 JPY,
     * rounded to 10), all_electric (0/1), air_conditioners, fans, area (m²).
     */
    public Table covariates() {
        int n = size();
        int[] id = new int[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            x1[i] = x.peak()[i] - x.prePeak()[i];
            x2[i] = x.peak()[i] - x.postPeak()[i];
        }
        return Table.create("energy-rebate households",
                IntColumn.create("id", id),
                DoubleColumn.create("peak", x.peak().clone()),
                DoubleColumn.create("pre_peak", x.prePeak().clone()),
                DoubleColumn.create("post_peak", x.postPeak().clone()),
                DoubleColumn.create("peak_minus_pre", x1),
                DoubleColumn.create("peak_minus_post", x2),
                IntColumn.create("members", x.members().clone()),
                IntColumn.create("at_home", x.atHome().clone()),
                IntColumn.create("efficacy", x.efficacy().clone()),
                DoubleColumn.create("income", x.income().clone()),
                IntColumn.create("all_electric", x.allElectric().clone()),
                IntColumn.create("air_conditioners", x.airConditioners().clone()),
                IntColumn.create("fans", x.fans().clone()),
                DoubleColumn.create("area", x.area().clone()));
    }

    /**
     * The observed data of the study's assignment, table "energy-rebate data": {@link #covariates()} plus arm
     * (0 U, 1 T, 2 S), take_up (D: 0 in U, 1 in T, chosen in S), usage_kw (Y, treatment-week mean peak power)
     * and baseline_kw (Y_base = ȳ, the July mean peak power).
     */
    public Table data() {
        return dataFor(arm);
    }

    /** The observed data had the households been assigned {@code arms} (one arm 0..2 per household) instead. */
    public Table dataFor(int[] arms) {
        EnergyOutcomes outcomes = outcomes(arms);
        Table table = covariates();
        table.setName("energy-rebate data");
        table.addColumns(IntColumn.create("arm", arms.clone()), IntColumn.create("take_up", outcomes.takeUp()),
                DoubleColumn.create("usage_kw", outcomes.usage()), DoubleColumn.create("baseline_kw", types.baseline().clone()));
        return table;
    }

    /** Take-up and usage of every household under arms (0 U, 1 T, 2 S), from the households' fixed private draws. */
    public EnergyOutcomes outcomes(int[] arms) {
        Objects.requireNonNull(arms, "arms");
        if (arms.length != size()) {
            throw new IllegalArgumentException("Expected one arm per household (" + Fmt.count(size()) + "), got "
                    + Fmt.count(arms.length) + ".");
        }
        int n = size();
        int[] takeUp = new int[n];
        double[] usage = new double[n];
        for (int i = 0; i < n; i++) {
            int a = arms[i];
            if (a < 0 || a > 2) {
                throw new IllegalArgumentException("Household " + i + " has arm " + a + "; arms are 0 (U, untreated), "
                        + "1 (T, enrolled) and 2 (S, opt-in).");
            }
            double untreated = types.baseline()[i] * Math.exp(epsilon[i]);
            int d = a == EnergyRebate.TREATED ? 1 : a == EnergyRebate.SELF_SELECTION ? optsIn(i) : 0;
            takeUp[i] = d;
            usage[i] = d == 1 ? untreated * (1 - types.reduction(i, u[i])) : untreated;
        }
        return new EnergyOutcomes(takeUp, usage);
    }

    /**
     * The exact utilitarian truth (ν = 0 with the study's prices): true welfare gains of T and S for every
     * household, G*, G†, policy values and group LATEs. Cost: one 40-node quadrature over u (with 16 nodes over ε
     * inside, for rebates) per household: under a second for 200,000 households. Use
     * {@link EnergyOracle#withWelfare} to change welfare parameters without repeating it.
     */
    public EnergyOracle oracle() {
        return oracle(WelfareSpec.energyRebate());
    }

    /** The exact truth under the given welfare parameters, Pareto weights normalized over these households. */
    public EnergyOracle oracle(WelfareSpec welfare) {
        Objects.requireNonNull(welfare, "welfare");
        return new EnergyOracle(this, welfare, EnergyMoments.of(types));
    }

    /**
     * The 30-minute peak usage panel of the study's assignment, table "energy-rebate panel": for each household,
     * 248 July half-hours (31 days × 8, t = 0..247, post = 0) and 56 treatment-week half-hours (7 days × 8,
     * t = 248..303, post = 1). Columns: id, arm, take_up, t, post, usage (Wh per 30 min, positive).
     *
     * <p>usage_it = Ȳ_period·d_t·κ_id·exp(η_it − 0.35²/2), with η_it ~ N(0, 0.35²), the within-day shape d_t rising
     * linearly 0.9 → 1.1 over the 8 half-hours 13:00–17:00 (mean 1), and κ_id = 0.05 on away afternoons
     * (probability 0.15 per day), else 1. Each household-period block is then rescaled so that its mean equals
     * peak (July) or usage_kw·1000/2 (treatment week) exactly, so the panel agrees with {@link #data()}.
     *
     * <p>Draw order: stream 4 of the seed (see {@link EnergyRebate#households}); households i = 0..n−1, days
     * 0..37 (31 July days, then 7), each day 1 uniform (away) then 8 normals η. Cost: n × 304 rows
     * (1.18 million at n = 3,870, well under a second).
     */
    public Table panel() {
        return EnergyPanel.draw(this, EnergyRebate.panelDraws(seed));
    }

    EnergyCovariates x() {
        return x;
    }

    EnergyTypes types() {
        return types;
    }

    private int optsIn(int i) {
        return types.psi()[i] + types.lambda()[i] * u[i] + e[i] > 0 ? 1 : 0;
    }

    @Override
    public String toString() {
        int[] sizes = armSizes();
        EnergyOutcomes observed = outcomes(arm);
        double takers = 0;
        for (int i = 0; i < size(); i++) {
            if (arm[i] == EnergyRebate.SELF_SELECTION) {
                takers += observed.takeUp()[i];
            }
        }
        return "EnergyHouseholds — energy rebate RCT: " + Fmt.count(size()) + " households (seed " + seed + "); U "
                + Fmt.count(sizes[0]) + ", T " + Fmt.count(sizes[1]) + ", S " + Fmt.count(sizes[2]) + "; take-up in S "
                + (sizes[2] == 0 ? "—" : Fmt.pp(takers / sizes[2], 1) + "%");
    }
}
