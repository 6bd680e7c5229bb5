package dev.tailor.welfare;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The average rebate a policy would pay per household in each income quartile (ENERGY Table 7; methods spec
 * §2.13), estimated by the cell estimator: within quartile q, R̂_q = Σ_g (n_{q,g}/n_q)·R̄_{q,g}, where g runs over
 * the policy's T and S groups and R̄_{q,g} is the mean rebate of the quartile's group-g households randomized into
 * arm g. Households the policy leaves untreated contribute 0. SE_q² = Σ_g (n_{q,g}/n_q)²·s²_{q,g}/m_{q,g}.
 *
 * @param cuts      the 25/50/75% income quantiles (linear interpolation); income ≤ cut falls in the lower quartile
 * @param quartiles Q1 (poorest) to Q4, JPY per household
 * @param notes     remarks, e.g. cells without households
 */
public record RebatesByIncome(double[] cuts, List<Estimate> quartiles, List<String> notes) implements Rendered {

    public RebatesByIncome {
        cuts = cuts.clone();
        quartiles = List.copyOf(quartiles);
        notes = List.copyOf(notes);
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    /** Q4/Q1: how regressive the policy's rebates are (4.3 for the utilitarian oracle policy). */
    public double ratioTopToBottom() {
        return quartiles.get(3).estimate() / quartiles.get(0).estimate();
    }

    static RebatesByIncome estimate(double[] income, double[] rebate, int[] arm, int[] policy) {
        double[] cuts = quantiles(income);
        int n = income.length;
        int[] quartile = new int[n];
        int[] size = new int[4];
        int[][] groupSize = new int[4][3];
        int[][] cellSize = new int[4][3];
        double[][] cellSum = new double[4][3];
        for (int i = 0; i < n; i++) {
            int q = 0;
            while (q < 3 && income[i] > cuts[q]) {
                q++;
            }
            quartile[i] = q;
            size[q]++;
            groupSize[q][policy[i]]++;
            if (arm[i] == policy[i]) {
                cellSize[q][policy[i]]++;
                cellSum[q][policy[i]] += rebate[i];
            }
        }
        double[][] squares = new double[4][3];
        for (int i = 0; i < n; i++) {
            int q = quartile[i];
            if (arm[i] == policy[i] && cellSize[q][arm[i]] > 0) {
                double dev = rebate[i] - cellSum[q][arm[i]] / cellSize[q][arm[i]];
                squares[q][arm[i]] += dev * dev;
            }
        }
        List<Estimate> estimates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            double mean = 0;
            double variance = 0;
            for (int g = 1; g < 3; g++) {
                if (groupSize[q][g] == 0) {
                    continue;
                }
                double share = (double) groupSize[q][g] / size[q];
                int m = cellSize[q][g];
                if (m == 0) {
                    notes.add("Q" + (q + 1) + ": no household of the policy's " + ThreeArmData.ARM_NAMES.get(g)
                            + " group was randomized into " + ThreeArmData.ARM_NAMES.get(g) + ", so the quartile shows —.");
                    mean = Double.NaN;
                    continue;
                }
                mean += share * cellSum[q][g] / m;
                variance += m < 2 ? Double.NaN : share * share * squares[q][g] / (m - 1) / m;
            }
            estimates.add(new Estimate(size[q] == 0 ? Double.NaN : mean, Math.sqrt(variance)));
        }
        return new RebatesByIncome(cuts, estimates, notes);
    }

    static double[] quantiles(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            double position = (sorted.length - 1) * 0.25 * (k + 1);
            int lo = (int) Math.floor(position);
            int hi = Math.min(lo + 1, sorted.length - 1);
            out[k] = sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        String[] bounds = {"≤ " + Fmt.fixed(cuts[0], 0), Fmt.fixed(cuts[0], 0) + "–" + Fmt.fixed(cuts[1], 0),
                Fmt.fixed(cuts[1], 0) + "–" + Fmt.fixed(cuts[2], 0), "> " + Fmt.fixed(cuts[2], 0)};
        for (int q = 0; q < 4; q++) {
            rows.add(List.of("Q" + (q + 1), bounds[q], Digits.withSe(quartiles.get(q))));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Q4/Q1 = " + Fmt.fixed(ratioTopToBottom(), 2) + ". Cell estimator; households the policy leaves in U get no "
                + "rebate.");
        lines.addAll(notes);
        return new Report("Average rebate by income quartile (JPY per household)", List.of("quartile", "income", "rebate (SE)"),
                rows, lines);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per quartile: quartile, income_cut (upper cut; NaN for Q4), estimate, std_error. */
    @Override
    public Table table() {
        StringColumn name = StringColumn.create("quartile", "Q1", "Q2", "Q3", "Q4");
        DoubleColumn cut = DoubleColumn.create("income_cut", cuts[0], cuts[1], cuts[2], Double.NaN);
        DoubleColumn estimate = DoubleColumn.create("estimate", quartiles.stream().mapToDouble(Estimate::estimate).toArray());
        DoubleColumn se = DoubleColumn.create("std_error", quartiles.stream().mapToDouble(Estimate::stdError).toArray());
        return Table.create("rebates by income quartile", name, cut, estimate, se);
    }
}
