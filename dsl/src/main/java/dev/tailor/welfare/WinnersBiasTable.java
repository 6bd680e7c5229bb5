package dev.tailor.welfare;

import dev.tailor.estimate.NormalInference;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * In-sample against winner's-bias-corrected welfare gains (methods spec §2.14): for every policy its gain over U
 * estimated on the observed sample and on the artificial test samples, and the same for every comparison of two
 * policies. Immutable. Gains p-values are two-sided; comparison p-values one-sided, 1 − Φ(Δ/SE), for
 * H0: V(first) ≤ V(second).
 *
 * @param title       caption with provenance
 * @param policies    one row per policy, in the order given
 * @param comparisons one row per comparison "first − second", in the order given
 * @param notes       diagnostics (e.g. replicates where the cell estimator fell back to IPW)
 */
public record WinnersBiasTable(String title, List<Row> policies, List<Row> comparisons, List<String> notes)
        implements Rendered {

    public WinnersBiasTable {
        policies = List.copyOf(policies);
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
    }

    /**
     * One policy or comparison.
     *
     * @param label      the policy's name, or "first − second"
     * @param inSample   the estimate on the observed sample, with its usual SE (V̂_train)
     * @param corrected  the mean over replicates of the estimate on artificial test data, with SE_test = √(mean_b SE_b²)
     * @param replicates the estimate on each replicate, b = 0..B−1
     */
    public record Row(String label, Estimate inSample, Estimate corrected, double[] replicates) {

        public Row {
            replicates = replicates.clone();
        }

        @Override
        public double[] replicates() {
            return replicates.clone();
        }

        /** The estimated winner's bias: in-sample minus corrected. */
        public double bias() {
            return inSample.estimate() - corrected.estimate();
        }

        /**
         * The Monte Carlo SE of the corrected mean, SD over replicates / √B: how much another set of B replicates
         * could move it (NaN for B = 1).
         */
        public double monteCarloError() {
            int b = replicates.length;
            if (b < 2) {
                return Double.NaN;
            }
            double sum = 0;
            for (double v : replicates) {
                sum += v;
            }
            double centre = sum / b;
            double ss = 0;
            for (double v : replicates) {
                ss += (v - centre) * (v - centre);
            }
            return Math.sqrt(ss / (b - 1) / b);
        }
    }

    /** The row of the policy named {@code name}. */
    public Row policy(String name) {
        return find(policies, name, "policy");
    }

    /** The row of the comparison "first − second". */
    public Row comparison(String first, String second) {
        return find(comparisons, first + " − " + second, "comparison");
    }

    private static Row find(List<Row> rows, String label, String kind) {
        for (Row row : rows) {
            if (row.label().equals(label)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No " + kind + " \"" + label + "\". Available: "
                + rows.stream().map(Row::label).toList() + ".");
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : policies) {
            rows.add(cells(row, false));
        }
        for (Row row : comparisons) {
            rows.add(cells(row, true));
        }
        List<String> all = new ArrayList<>();
        all.add("Corrected = mean over replicates; its SE = √(mean SE_b²); bias = in-sample − corrected; MC error = SD over"
                + " replicates/√B. p: two-sided for gains, one-sided (H0: first ≤ second) for differences.");
        all.addAll(notes);
        return new Report(title, List.of("policy / comparison", "in-sample (SE)", "p", "corrected (SE)", "p", "bias",
                "MC error"), rows, all);
    }

    private static List<String> cells(Row row, boolean comparison) {
        return List.of(row.label(), format(row.inSample()), Fmt.pValue(p(row.inSample(), comparison)), format(row.corrected()),
                Fmt.pValue(p(row.corrected(), comparison)), Fmt.fixed(row.bias(), 1),
                Double.isNaN(row.monteCarloError()) ? "" : Fmt.fixed(row.monteCarloError(), 1));
    }

    private static double p(Estimate e, boolean comparison) {
        return comparison ? NormalInference.oneSidedPValue(e.estimate(), e.stdError())
                : NormalInference.twoSidedPValue(e.estimate(), e.stdError());
    }

    private static String format(Estimate e) {
        return Fmt.fixed(e.estimate(), 1) + " (" + Fmt.fixed(e.stdError(), 1) + ")";
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per policy, then per comparison: estimates, SEs, p-values, bias and Monte Carlo error. */
    @Override
    public Table table() {
        StringColumn kind = StringColumn.create("kind");
        StringColumn label = StringColumn.create("label");
        DoubleColumn in = DoubleColumn.create("in_sample");
        DoubleColumn inSe = DoubleColumn.create("in_sample_se");
        DoubleColumn inP = DoubleColumn.create("in_sample_p");
        DoubleColumn cor = DoubleColumn.create("corrected");
        DoubleColumn corSe = DoubleColumn.create("corrected_se");
        DoubleColumn corP = DoubleColumn.create("corrected_p");
        DoubleColumn bias = DoubleColumn.create("bias");
        DoubleColumn mc = DoubleColumn.create("mc_error");
        for (int t = 0; t < policies.size() + comparisons.size(); t++) {
            boolean comparison = t >= policies.size();
            Row row = comparison ? comparisons.get(t - policies.size()) : policies.get(t);
            kind.append(comparison ? "comparison" : "policy");
            label.append(row.label());
            in.append(row.inSample().estimate());
            inSe.append(row.inSample().stdError());
            inP.append(p(row.inSample(), comparison));
            cor.append(row.corrected().estimate());
            corSe.append(row.corrected().stdError());
            corP.append(p(row.corrected(), comparison));
            bias.append(row.bias());
            mc.append(row.monteCarloError());
        }
        return Table.create(title, kind, label, in, inSe, inP, cor, corSe, corP, bias, mc);
    }
}
