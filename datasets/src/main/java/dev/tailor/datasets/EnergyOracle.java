package dev.tailor.datasets;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import dev.tailor.welfare.WelfareSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The exact truth of an energy rebate population under one {@link WelfareSpec} (methods spec §3.2 "Oracle" and
 * §2.13): every household's true welfare gain of T and of S over U, take-up, rebates and log-usage effects, the
 * optimal policies G* (over U, T, S) and G† (over U, T), their values, and Wald-ratio LATEs by group. Welfare is
 * in JPY per household per season; values are gains relative to "everyone untreated".
 *
 * <pre>{@code
 * EnergyOracle truth = EnergyRebate.trial().households(200_000, 1L).oracle();
 * truth.selectionDrivenValue();          // V(G*) ≈ 277 JPY
 * truth.value(policy);                   // the true welfare gain of any assignment, e.g. a fitted tree's
 * }</pre>
 *
 * <p>Household i's conditional gains, integrating over its private draws (40-node Gauss–Hermite over u, and 16
 * nodes over ε for rebates), with Pareto weight w_i and b̃_i = (2 − w_i)/2·(c − p) + δ:
 * <ul>
 *   <li>E[W_T − W_U | x] = b̃·ȳ·E_u[r] − (1 − w)·E[R_T | x] − a;</li>
 *   <li>E[W_S − W_U | x] = E_u[Φ(ψ + λu)·(b̃·ȳ·r − a)] − (1 − w)·E[R_S | x];</li>
 *   <li>E[R_j | x] = (c − p)·H·E_{u,ε}[max(ȳ − ȳe^ε(1 − r), 0)·q_j(u)], q_T = 1, q_S = Φ(ψ + λu).</li>
 * </ul>
 * With ν = 0, w ≡ 1 and b̃ = β. Pareto weights are normalized by their mean over these households (the
 * population), and income quartiles use these households' quantiles.
 */
public final class EnergyOracle implements Rendered {

    /**
     * True effects within one group of households (e.g. the households G* sends to S). LATEs are Wald ratios of
     * group means: LATE_t = ITT_S/p₁ and LATE_nt = (ITT_T − ITT_S)/(1 − p₁).
     *
     * @param arm              the arm the grouping policy gives the group (0 U, 1 T, 2 S)
     * @param share            the group's share of households
     * @param ittTreated       mean E[W_T − W_U | x] over the group
     * @param ittSelfSelection mean E[W_S − W_U | x] over the group
     * @param takeUp           mean p₁(x) over the group
     * @param lateTakers       ITT_S / p₁
     * @param lateNonTakers    (ITT_T − ITT_S)/(1 − p₁)
     */
    public record Group(int arm, double share, double ittTreated, double ittSelfSelection, double takeUp,
                       double lateTakers, double lateNonTakers) {
    }

    private static final String[] ARM_NAMES = {"U", "T", "S"};

    private final EnergyHouseholds households;
    private final WelfareSpec welfare;
    private final double[] weights;
    private final double[] takeUp;
    private final double[][] gains;         // [arm][i], weighted welfare; arm 0 is 0
    private final double[][] efficiency;    // [arm][i], utilitarian welfare
    private final double[][] rebates;       // [arm][i], E[R_j | x] in JPY
    private final double[] logTreated;
    private final double[] logTakers;
    private final double[] reduction;
    private final int[] selectionDriven;
    private final int[] selectionAbsent;
    private final double[] quartileCuts;
    private final EnergyMoments moments;

    EnergyOracle(EnergyHouseholds households, WelfareSpec welfare, EnergyMoments moments) {
        this.households = households;
        this.welfare = welfare;
        int n = households.size();
        EnergyTypes types = households.types();
        this.weights = welfare.weights(households.x().income());
        this.takeUp = moments.takeUp().clone();
        this.gains = new double[3][n];
        this.efficiency = new double[3][n];
        this.rebates = new double[3][n];
        this.logTreated = moments.logTreated().clone();
        this.logTakers = moments.logTakers().clone();
        this.reduction = moments.reduction().clone();
        this.selectionDriven = new int[n];
        this.selectionAbsent = new int[n];
        double rebatePerKw = welfare.rebateRate() * welfare.peakHours();
        double a = welfare.adminCost();
        for (int i = 0; i < n; i++) {
            double ybar = types.baseline()[i];
            double w = weights[i];
            double benefit = welfare.benefit(w);
            rebates[1][i] = rebatePerKw * moments.shortfallTreated()[i];
            rebates[2][i] = rebatePerKw * moments.shortfallTakers()[i];
            efficiency[1][i] = welfare.beta() * ybar * moments.reduction()[i] - a;
            efficiency[2][i] = welfare.beta() * ybar * moments.takerReduction()[i] - a * takeUp[i];
            gains[1][i] = benefit * ybar * moments.reduction()[i] - (1 - w) * rebates[1][i] - a;
            gains[2][i] = benefit * ybar * moments.takerReduction()[i] - a * takeUp[i] - (1 - w) * rebates[2][i];
            // argmax over {0, T, S} with ties to the lowest index.
            int best = gains[1][i] > 0 ? 1 : 0;
            if (gains[2][i] > (best == 0 ? 0 : gains[1][i])) {
                best = 2;
            }
            selectionDriven[i] = best;
            selectionAbsent[i] = gains[1][i] > 0 ? 1 : 0;
        }
        this.quartileCuts = quantiles(households.x().income(), 0.25, 0.5, 0.75);
        this.moments = moments;
    }

    /**
     * The truth of the same households under other welfare parameters, e.g. {@code withWelfare(welfare().nu(1))};
     * reuses the quadrature, so it costs one pass over the households.
     */
    public EnergyOracle withWelfare(WelfareSpec other) {
        java.util.Objects.requireNonNull(other, "welfare");
        return new EnergyOracle(households, other, moments);
    }

    /** The welfare parameters and Pareto exponent this truth uses. */
    public WelfareSpec welfare() {
        return welfare;
    }

    /** U (0), T (1), S (2). */
    public Arms arms() {
        return households.arms();
    }

    /** Number of households. */
    public int size() {
        return takeUp.length;
    }

    /** Pareto weights w_i (mean 1 over these households; all 1 when ν = 0); a fresh copy. */
    public double[] weights() {
        return weights.clone();
    }

    /** E[W_arm − W_U | x_i] for every household under this welfare (0 for arm U); a fresh copy. */
    public double[] gains(int arm) {
        checkArm(arm);
        return gains[arm].clone();
    }

    /** The same gains under utilitarian welfare (ν = 0, same prices): what "efficiency" measures. */
    public double[] efficiencyGains(int arm) {
        checkArm(arm);
        return efficiency[arm].clone();
    }

    /** p₁(x_i) = E_u[Φ(ψ + λu)]: the probability that household i opts in when asked; a fresh copy. */
    public double[] takeUpProbabilities() {
        return takeUp.clone();
    }

    /** E[R_arm | x_i], the expected rebate paid in JPY (0 for arm U); a fresh copy. */
    public double[] expectedRebates(int arm) {
        checkArm(arm);
        return rebates[arm].clone();
    }

    /** The selection-driven optimum G*(x) = argmax over {U: 0, T, S} of the true gains, ties to the lowest arm. */
    public int[] selectionDriven() {
        return selectionDriven.clone();
    }

    /** The selection-absent optimum G†(x) = argmax over {U: 0, T}. */
    public int[] selectionAbsent() {
        return selectionAbsent.clone();
    }

    /** V(π) = mean_i E[W_π(i) − W_U | x_i]: the true welfare gain of an assignment (arms 0..2), JPY per household. */
    public double value(int[] assignment) {
        return mean(assignment, gains);
    }

    /** The utilitarian (ν = 0) welfare gain of an assignment: the "efficiency gain" of Table 7. */
    public double efficiency(int[] assignment) {
        return mean(assignment, efficiency);
    }

    /** The value of giving everyone the same arm. */
    public double constantValue(int arm) {
        checkArm(arm);
        return average(gains[arm]);
    }

    /** ATE of T on welfare: the value of enrolling everyone (92.4 JPY in the spec's reference draw). */
    public double ittTreated() {
        return constantValue(EnergyRebate.TREATED);
    }

    /** ITT of S on welfare: the value of asking everyone to opt in (142.3 JPY). */
    public double ittSelfSelection() {
        return constantValue(EnergyRebate.SELF_SELECTION);
    }

    /** Mean p₁: the take-up rate if everyone were asked (0.360). */
    public double takeUp() {
        return average(takeUp);
    }

    /** Population LATE for takers, ITT_S / p₁ (395). */
    public double lateTakers() {
        return ittSelfSelection() / takeUp();
    }

    /** Population LATE for non-takers, (ITT_T − ITT_S)/(1 − p₁) (−78). */
    public double lateNonTakers() {
        return (ittTreated() - ittSelfSelection()) / (1 - takeUp());
    }

    /** V(G*). */
    public double selectionDrivenValue() {
        return value(selectionDriven);
    }

    /** V(G†). */
    public double selectionAbsentValue() {
        return value(selectionAbsent);
    }

    /** Shares of households given U, T and S by an assignment. */
    public double[] shares(int[] assignment) {
        checkLength(assignment);
        double[] shares = new double[3];
        for (int a : assignment) {
            checkArm(a);
            shares[a]++;
        }
        for (int k = 0; k < 3; k++) {
            shares[k] /= assignment.length;
        }
        return shares;
    }

    /** True effects within each group of an assignment (a policy's U, T and S groups), in arm order. */
    public List<Group> groups(int[] assignment) {
        checkLength(assignment);
        double[] count = new double[3];
        double[] itt = new double[3];
        double[] its = new double[3];
        double[] p = new double[3];
        for (int i = 0; i < assignment.length; i++) {
            int g = assignment[i];
            checkArm(g);
            count[g]++;
            itt[g] += gains[1][i];
            its[g] += gains[2][i];
            p[g] += takeUp[i];
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            double m = count[g];
            double t = m == 0 ? Double.NaN : itt[g] / m;
            double s = m == 0 ? Double.NaN : its[g] / m;
            double q = m == 0 ? Double.NaN : p[g] / m;
            groups.add(new Group(g, m / assignment.length, t, s, q, s / q, (t - s) / (1 - q)));
        }
        return groups;
    }

    /** True effects within the groups of G* (the spec's oracle groups). */
    public List<Group> groups() {
        return groups(selectionDriven);
    }

    /** The 25/50/75% quantiles of income (linear interpolation) that cut households into quartiles. */
    public double[] incomeQuartileCuts() {
        return quartileCuts.clone();
    }

    /**
     * The mean expected rebate (JPY) an assignment pays within each income quartile, Q1 (poorest) to Q4; households
     * assigned U contribute 0, and income ≤ cut goes to the lower quartile.
     */
    public double[] rebatesByIncomeQuartile(int[] assignment) {
        checkLength(assignment);
        double[] sum = new double[4];
        double[] count = new double[4];
        double[] income = households.x().income();
        for (int i = 0; i < assignment.length; i++) {
            int a = assignment[i];
            checkArm(a);
            int quartile = 0;
            while (quartile < 3 && income[i] > quartileCuts[quartile]) {
                quartile++;
            }
            sum[quartile] += rebates[a][i];
            count[quartile]++;
        }
        for (int k = 0; k < 4; k++) {
            sum[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
        }
        return sum;
    }

    /** β_T of eq. 10 in truth: E[log(1 − r)], the mean log-usage effect of enrolment (−0.109). */
    public double logEffectTreated() {
        return average(logTreated);
    }

    /** β_S of eq. 10 in truth: E[D_S·log(1 − r)] (−0.075). */
    public double logEffectSelfSelection() {
        return average(logTakers);
    }

    /** The log-usage LATE for takers, β_S / p₁ (−0.21). */
    public double logLateTakers() {
        return logEffectSelfSelection() / takeUp();
    }

    /** Σ ȳ·E[r] / Σ ȳ: the mean proportional cut in kW if everyone were enrolled (10.6%). */
    public double meanReductionTreated() {
        double cut = 0;
        double total = 0;
        double[] ybar = households.types().baseline();
        for (int i = 0; i < size(); i++) {
            cut += ybar[i] * reduction[i];
            total += ybar[i];
        }
        return cut / total;
    }

    /**
     * Oracle columns per household, table "energy-rebate truth": id, weight, gain_T, gain_S (E[W_j − W_U | x]),
     * take_up_probability, late_takers, late_non_takers (conditional on x), rebate_T, rebate_S, log_effect_T,
     * log_effect_S, g_star and g_dagger (0 U, 1 T, 2 S). Rows follow {@link EnergyHouseholds#covariates()}.
     */
    public Table householdTable() {
        int n = size();
        int[] id = new int[n];
        double[] lateT = new double[n];
        double[] lateNt = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            lateT[i] = gains[2][i] / takeUp[i];
            lateNt[i] = (gains[1][i] - gains[2][i]) / (1 - takeUp[i]);
        }
        return Table.create("energy-rebate truth",
                IntColumn.create("id", id),
                DoubleColumn.create("weight", weights.clone()),
                DoubleColumn.create("gain_T", gains[1].clone()),
                DoubleColumn.create("gain_S", gains[2].clone()),
                DoubleColumn.create("take_up_probability", takeUp.clone()),
                DoubleColumn.create("late_takers", lateT),
                DoubleColumn.create("late_non_takers", lateNt),
                DoubleColumn.create("rebate_T", rebates[1].clone()),
                DoubleColumn.create("rebate_S", rebates[2].clone()),
                DoubleColumn.create("log_effect_T", logTreated.clone()),
                DoubleColumn.create("log_effect_S", logTakers.clone()),
                IntColumn.create("g_star", selectionDriven.clone()),
                IntColumn.create("g_dagger", selectionAbsent.clone()));
    }

    // Rendering.

    private List<int[]> policies() {
        int n = size();
        int[] allU = new int[n];
        int[] allT = new int[n];
        int[] allS = new int[n];
        Arrays.fill(allT, 1);
        Arrays.fill(allS, 2);
        return List.of(allU, allT, allS, selectionAbsent, selectionDriven);
    }

    private static final List<String> POLICY_NAMES = List.of("100% U", "100% T", "100% S", "G† (U/T)", "G* (U/T/S)");

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        List<int[]> policies = policies();
        for (int k = 0; k < policies.size(); k++) {
            int[] policy = policies.get(k);
            double[] shares = shares(policy);
            double[] q = rebatesByIncomeQuartile(policy);
            rows.add(List.of(POLICY_NAMES.get(k), Fmt.fixed(value(policy), 1), Fmt.fixed(efficiency(policy), 1),
                    Fmt.pp(shares[0], 1), Fmt.pp(shares[1], 1), Fmt.pp(shares[2], 1),
                    Fmt.fixed(q[0], 0), Fmt.fixed(q[1], 0), Fmt.fixed(q[2], 0), Fmt.fixed(q[3], 0)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Take-up if asked " + Fmt.pp(takeUp(), 1) + "%; LATE takers " + Fmt.fixed(lateTakers(), 0)
                + ", non-takers " + Fmt.fixed(lateNonTakers(), 0) + " JPY (Wald ratios of means).");
        StringBuilder groups = new StringBuilder("G* groups (ITT_T, ITT_S, p₁, LATE_t, LATE_nt):");
        for (Group g : groups()) {
            groups.append(' ').append(ARM_NAMES[g.arm()]).append(" (").append(Fmt.fixed(g.ittTreated(), 0)).append(", ")
                    .append(Fmt.fixed(g.ittSelfSelection(), 0)).append(", ").append(Fmt.fixed(g.takeUp(), 2)).append(", ")
                    .append(Fmt.fixed(g.lateTakers(), 0)).append(", ").append(Fmt.fixed(g.lateNonTakers(), 0)).append(")");
        }
        notes.add(groups.append('.').toString());
        notes.add("Log usage: β_T " + Fmt.fixed(logEffectTreated(), 3) + ", β_S " + Fmt.fixed(logEffectSelfSelection(), 3)
                + ", log-LATE takers " + Fmt.fixed(logLateTakers(), 3) + "; mean kW cut under T "
                + Fmt.pp(meanReductionTreated(), 1) + "%.");
        notes.add(welfare.toString() + ".");
        String title = "True welfare gains over 100% U (JPY/household) — energy rebate, n = " + Fmt.count(size())
                + ", seed " + households.seed() + (welfare.utilitarian() ? "" : ", ν = " + Fmt.fixed(welfare.nu(), 2));
        return new Report(title, List.of("policy", "welfare", "efficiency", "U %", "T %", "S %", "rebate Q1", "Q2", "Q3",
                "Q4"), rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /**
     * One row per benchmark policy (100% U, 100% T, 100% S, G†, G*): value (this welfare), efficiency (utilitarian),
     * the shares of U, T and S, and mean rebates by income quartile rebate_q1..rebate_q4.
     */
    @Override
    public Table table() {
        StringColumn name = StringColumn.create("policy");
        DoubleColumn value = DoubleColumn.create("value");
        DoubleColumn eff = DoubleColumn.create("efficiency");
        DoubleColumn[] share = {DoubleColumn.create("share_U"), DoubleColumn.create("share_T"), DoubleColumn.create("share_S")};
        DoubleColumn[] quartile = new DoubleColumn[4];
        for (int k = 0; k < 4; k++) {
            quartile[k] = DoubleColumn.create("rebate_q" + (k + 1));
        }
        List<int[]> policies = policies();
        for (int k = 0; k < policies.size(); k++) {
            int[] policy = policies.get(k);
            name.append(POLICY_NAMES.get(k));
            value.append(value(policy));
            eff.append(efficiency(policy));
            double[] s = shares(policy);
            double[] q = rebatesByIncomeQuartile(policy);
            for (int j = 0; j < 3; j++) {
                share[j].append(s[j]);
            }
            for (int j = 0; j < 4; j++) {
                quartile[j].append(q[j]);
            }
        }
        Table table = Table.create("energy-rebate true policy values", name, value, eff);
        table.addColumns(share);
        table.addColumns(quartile);
        return table;
    }

    private double mean(int[] assignment, double[][] byArm) {
        checkLength(assignment);
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            int a = assignment[i];
            checkArm(a);
            sum += byArm[a][i];
        }
        return sum / assignment.length;
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Quantiles with linear interpolation between order statistics (position (n − 1)·q). */
    static double[] quantiles(double[] values, double... levels) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            double position = (sorted.length - 1) * levels[k];
            int lo = (int) Math.floor(position);
            int hi = Math.min(lo + 1, sorted.length - 1);
            out[k] = sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }

    private void checkLength(int[] assignment) {
        if (assignment.length != size()) {
            throw new IllegalArgumentException("An assignment needs one arm per household (" + Fmt.count(size()) + "), got "
                    + Fmt.count(assignment.length) + ".");
        }
    }

    private static void checkArm(int arm) {
        if (arm < 0 || arm > 2) {
            throw new IllegalArgumentException("Arm " + arm + " is not one of 0 (U, untreated), 1 (T, enrolled), 2 (S, opt-in).");
        }
    }
}
