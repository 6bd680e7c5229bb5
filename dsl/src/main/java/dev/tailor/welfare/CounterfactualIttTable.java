package dev.tailor.welfare;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A policy's counterfactual ITT table (ENERGY Table 6): rows "if assigned U / T / S", columns the policy groups
 * Ĝ_U, Ĝ_T, Ĝ_S; cell (j, g) estimates the effect of arm j against U within group g, so row U is 0. Immutable.
 */
public final class CounterfactualIttTable implements Rendered {

    private static final List<String> ARMS = ThreeArmData.ARM_NAMES;

    private final String method;
    private final String tableName;
    private final String outcome;
    private final int n;
    private final int[] groupSizes;
    private final Estimate[][] itt;     // [arm][group]
    private final Estimate value;
    private final List<String> notes;

    private CounterfactualIttTable(String method, String tableName, String outcome, int n, int[] groupSizes,
                                   Estimate[][] itt, Estimate value, List<String> notes) {
        this.method = method;
        this.tableName = tableName;
        this.outcome = outcome;
        this.n = n;
        this.groupSizes = groupSizes;
        this.itt = itt;
        this.value = value;
        this.notes = List.copyOf(notes);
    }

    static CounterfactualIttTable cells(ThreeArmData data, int[] policy) {
        int[][] count = new int[3][3];      // [arm][group]
        double[][] sum = new double[3][3];
        int[] groupSizes = new int[3];
        for (int i = 0; i < policy.length; i++) {
            count[data.arm()[i]][policy[i]]++;
            sum[data.arm()[i]][policy[i]] += data.outcome()[i];
            groupSizes[policy[i]]++;
        }
        double[][] mean = new double[3][3];
        double[][] squares = new double[3][3];
        for (int j = 0; j < 3; j++) {
            for (int g = 0; g < 3; g++) {
                mean[j][g] = count[j][g] == 0 ? Double.NaN : sum[j][g] / count[j][g];
            }
        }
        for (int i = 0; i < policy.length; i++) {
            double dev = data.outcome()[i] - mean[data.arm()[i]][policy[i]];
            squares[data.arm()[i]][policy[i]] += dev * dev;
        }
        List<String> notes = new ArrayList<>();
        Estimate[][] itt = new Estimate[3][3];
        for (int g = 0; g < 3; g++) {
            itt[0][g] = new Estimate(0, 0);
            for (int j = 1; j < 3; j++) {
                double estimate = mean[j][g] - mean[0][g];
                double se = count[j][g] < 2 || count[0][g] < 2 ? Double.NaN
                        : Math.sqrt(squares[j][g] / (count[j][g] - 1) / count[j][g] + squares[0][g] / (count[0][g] - 1) / count[0][g]);
                itt[j][g] = new Estimate(estimate, se);
                if (groupSizes[g] > 0 && Double.isNaN(se)) {
                    notes.add("Group Ĝ_" + ARMS.get(g) + " has " + count[j][g] + " units in arm " + ARMS.get(j) + " and "
                            + count[0][g] + " in U; a Neyman SE needs at least 2 in each, so the cell shows —.");
                }
            }
        }
        double gain = 0;
        double variance = 0;
        for (int g = 1; g < 3; g++) {
            if (groupSizes[g] > 0) {
                double share = (double) groupSizes[g] / policy.length;
                gain += share * itt[g][g].estimate();
                variance += share * share * itt[g][g].stdError() * itt[g][g].stdError();
            }
        }
        return finish(IttEstimator.CELL.label(), data.tableName(), data.outcomeName(), policy.length, groupSizes, itt,
                new Estimate(gain, Math.sqrt(variance)), notes);
    }

    static CounterfactualIttTable rewards(double[][] gamma, int[] policy, String method, String tableName, String outcome) {
        int n = policy.length;
        int[] groupSizes = new int[3];
        double[][] sum = new double[3][3];
        for (int i = 0; i < n; i++) {
            groupSizes[policy[i]]++;
            for (int j = 1; j < 3; j++) {
                sum[j][policy[i]] += gamma[i][j] - gamma[i][0];
            }
        }
        double[][] squares = new double[3][3];
        for (int i = 0; i < n; i++) {
            int g = policy[i];
            for (int j = 1; j < 3; j++) {
                double dev = gamma[i][j] - gamma[i][0] - sum[j][g] / groupSizes[g];
                squares[j][g] += dev * dev;
            }
        }
        List<String> notes = new ArrayList<>();
        Estimate[][] itt = new Estimate[3][3];
        for (int g = 0; g < 3; g++) {
            itt[0][g] = new Estimate(0, 0);
            for (int j = 1; j < 3; j++) {
                int m = groupSizes[g];
                itt[j][g] = new Estimate(m == 0 ? Double.NaN : sum[j][g] / m,
                        m < 2 ? Double.NaN : Math.sqrt(squares[j][g] / (m - 1) / m));
            }
            if (groupSizes[g] == 1) {
                notes.add("Group Ĝ_" + ARMS.get(g) + " has 1 unit; its SEs show —.");
            }
        }
        double total = 0;
        double[] contribution = new double[n];
        for (int i = 0; i < n; i++) {
            contribution[i] = gamma[i][policy[i]] - gamma[i][0];
            total += contribution[i];
        }
        double mean = total / n;
        double squaresAll = 0;
        for (double c : contribution) {
            squaresAll += (c - mean) * (c - mean);
        }
        double se = n < 2 ? Double.NaN : Math.sqrt(squaresAll / (n - 1) / n);
        return finish(method, tableName, outcome, n, groupSizes, itt, new Estimate(mean, se), notes);
    }

    private static CounterfactualIttTable finish(String method, String tableName, String outcome, int n, int[] groupSizes,
                                                 Estimate[][] itt, Estimate value, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        for (int g = 0; g < 3; g++) {
            if (groupSizes[g] == 0) {
                all.add("The policy assigns nobody to " + ARMS.get(g) + ", so column Ĝ_" + ARMS.get(g) + " is empty (—).");
            }
        }
        CounterfactualIttTable table = new CounterfactualIttTable(method, tableName, outcome, n, groupSizes, itt, value, all);
        List<String> violations = table.violations();
        List<String> withViolations = new ArrayList<>(all);
        if (violations.isEmpty()) {
            withViolations.add("Each group's own arm has the largest ITT in its column.");
        } else {
            withViolations.addAll(violations);
        }
        return new CounterfactualIttTable(method, tableName, outcome, n, groupSizes, itt, value, withViolations);
    }

    /** The estimate of arm j's effect against U within the group the policy assigns to arm g (0 U, 1 T, 2 S). */
    public Estimate itt(int arm, int group) {
        check(arm);
        check(group);
        return itt[arm][group];
    }

    /** Units the policy assigns to each arm: n_g for g = U, T, S. */
    public int[] groupSizes() {
        return groupSizes.clone();
    }

    /** n_g/n for g = U, T, S. */
    public double[] shares() {
        double[] shares = new double[3];
        for (int g = 0; g < 3; g++) {
            shares[g] = (double) groupSizes[g] / n;
        }
        return shares;
    }

    /** ITT_{g,g}: each group's estimated gain from its own arm (0 for Ĝ_U; NaN for an empty group). */
    public double[] diagonal() {
        return new double[] {groupSizes[0] == 0 ? Double.NaN : 0, itt[1][1].estimate(), itt[2][2].estimate()};
    }

    /**
     * The policy's estimated welfare gain over 100% U, Σ_g share_g·ITT_{g,g}, with its SE: for cell means the
     * post-stratified SE of methods spec §2.9(c), for rewards sd_i(Γ_{i,π(i)} − Γ_iU)/√n.
     */
    public Estimate value() {
        return value;
    }

    /** Whether, in every non-empty group, no arm's ITT exceeds that of the group's own arm. */
    public boolean diagonalIsColumnMaximum() {
        return violations().isEmpty();
    }

    /** One sentence per group whose own arm is beaten by another arm in its column, with both numbers. */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            if (groupSizes[g] == 0) {
                continue;
            }
            double own = g == 0 ? 0 : itt[g][g].estimate();
            for (int j = 0; j < 3; j++) {
                double other = j == 0 ? 0 : itt[j][g].estimate();
                if (j != g && other > own) {
                    out.add("Violation: in Ĝ_" + ARMS.get(g) + " arm " + ARMS.get(j) + " (" + String.format(java.util.Locale.ROOT,
                            "%.4g", other) + ") beats the assigned arm " + ARMS.get(g) + " (" + String.format(java.util.Locale.ROOT,
                            "%.4g", own) + ").");
                }
            }
        }
        return out;
    }

    public List<String> notes() {
        return notes;
    }

    private static String cell(Estimate e, boolean diagonal) {
        if (Double.isNaN(e.estimate())) {
            return "—";
        }
        return Digits.withSe(e) + (diagonal ? " *" : "");
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        double[] shares = shares();
        rows.add(List.of("share", Fmt.pp(shares[0], 1) + "%", Fmt.pp(shares[1], 1) + "%", Fmt.pp(shares[2], 1) + "%"));
        for (int j = 0; j < 3; j++) {
            List<String> row = new ArrayList<>();
            row.add("if assigned " + ARMS.get(j));
            for (int g = 0; g < 3; g++) {
                row.add(groupSizes[g] == 0 ? "—" : j == 0 ? "0" + (g == 0 ? " *" : "") : cell(itt[j][g], j == g));
            }
            rows.add(row);
        }
        List<String> lines = new ArrayList<>();
        lines.add("* the group's assigned arm. Policy value Σ share·diagonal = " + Digits.withSe(value) + ".");
        lines.addAll(notes);
        String title = "Counterfactual ITT by policy group — " + outcome + ", " + method + ", table \"" + tableName + "\", n = "
                + Fmt.count(n);
        return new Report(title, List.of("", "Ĝ_U", "Ĝ_T", "Ĝ_S"), rows, lines);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per (assigned arm, group): arm, group, estimate, std_error, group_share and group_n. */
    @Override
    public Table table() {
        StringColumn arm = StringColumn.create("arm");
        StringColumn group = StringColumn.create("group");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn share = DoubleColumn.create("group_share");
        IntColumn size = IntColumn.create("group_n");
        double[] shares = shares();
        for (int j = 0; j < 3; j++) {
            for (int g = 0; g < 3; g++) {
                arm.append(ARMS.get(j));
                group.append("G_" + ARMS.get(g));
                estimate.append(itt[j][g].estimate());
                se.append(itt[j][g].stdError());
                share.append(shares[g]);
                size.append(groupSizes[g]);
            }
        }
        return Table.create("counterfactual ITT of " + outcome, arm, group, estimate, se, share, size);
    }

    private static void check(int arm) {
        if (arm < 0 || arm > 2) {
            throw new IndexOutOfBoundsException("Arm " + arm + " is not 0 (U), 1 (T) or 2 (S).");
        }
    }
}
