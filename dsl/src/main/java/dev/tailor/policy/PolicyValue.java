package dev.tailor.policy;

import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The estimated value of one policy on evaluation data: the mean outcome if everyone followed it, and its gain
 * over giving everyone the reference arm (control by default), each with a standard error, plus the true values
 * when the evaluation knows them (a simulator's oracle).
 *
 * @param policy        the policy's name
 * @param estimator     how the value was estimated
 * @param arms          the arm catalog
 * @param reference     the arm the gain is measured against
 * @param n             evaluation units
 * @param shares        share of units the policy sends to each arm, control first
 * @param value         estimated mean outcome under the policy
 * @param valueStdError its standard error
 * @param gain          estimated value minus the value of giving everyone the reference arm
 * @param gainStdError  its standard error
 * @param trueValue     the true mean outcome under the policy, if known
 * @param trueGain      the true gain over the reference arm, if known
 * @param oracleValue   the true value of the best arm for every unit, if known
 * @param notes         diagnostics and remarks
 */
public record PolicyValue(String policy, PolicyEstimator estimator, Arms arms, Arm reference, long n, double[] shares,
        double value, double valueStdError, double gain, double gainStdError, OptionalDouble trueValue,
        OptionalDouble trueGain, OptionalDouble oracleValue, List<String> notes) implements Rendered {

    static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public PolicyValue {
        shares = shares.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] shares() {
        return shares.clone();
    }

    /** Two-sided p-value of the gain against zero: 2(1 − Φ(|gain|/SE)). */
    public double gainPValue() {
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(gain / gainStdError));
    }

    /** Normal confidence interval of the value at {@code level}, e.g. 0.95. */
    public double[] valueConfInt(double level) {
        double z = z(level);
        return new double[] {value - z * valueStdError, value + z * valueStdError};
    }

    /** Normal confidence interval of the gain at {@code level}, e.g. 0.95. */
    public double[] gainConfInt(double level) {
        double z = z(level);
        return new double[] {gain - z * gainStdError, gain + z * gainStdError};
    }

    /** True oracle value minus true value of this policy, when the truth is known. */
    public OptionalDouble regret() {
        return trueValue.isPresent() && oracleValue.isPresent()
                ? OptionalDouble.of(oracleValue.getAsDouble() - trueValue.getAsDouble()) : OptionalDouble.empty();
    }

    static double z(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level + ".");
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
    }

    static String sig(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    // The arms a policy uses, largest share first; beyond five arms only the top four and a count of the rest.
    static String shareText(Arms arms, double[] shares) {
        List<Integer> used = new ArrayList<>();
        for (int a = 0; a < shares.length; a++) {
            if (shares[a] > 0) {
                used.add(a);
            }
        }
        used.sort((a, b) -> shares[a] != shares[b] ? Double.compare(shares[b], shares[a]) : Integer.compare(a, b));
        int shown = used.size() > 5 ? 4 : used.size();
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < shown; t++) {
            int a = used.get(t);
            parts.add(arms.get(a).name() + " " + Fmt.fixed(100 * shares[a], 1) + "%");
        }
        if (used.size() > shown) {
            parts.add("+" + (used.size() - shown) + " more arms");
        }
        return String.join(", ", parts);
    }

    static List<String> header(boolean truth) {
        List<String> header = new ArrayList<>(List.of("policy", "value", "se", "gain vs ref", "se", "p (2-sided)"));
        if (truth) {
            header.addAll(List.of("true value", "true gain", "regret"));
        }
        header.add("shares");
        return header;
    }

    List<String> cells(boolean truth) {
        List<String> row = new ArrayList<>(List.of(policy, sig(value), sig(valueStdError), sig(gain), sig(gainStdError),
                Fmt.pValue(gainPValue())));
        if (truth) {
            row.add(trueValue.isPresent() ? sig(trueValue.getAsDouble()) : "");
            row.add(trueGain.isPresent() ? sig(trueGain.getAsDouble()) : "");
            row.add(regret().isPresent() ? sig(regret().getAsDouble()) : "");
        }
        row.add(shareText(arms, shares));
        return row;
    }

    private String title() {
        return "Value of policy \"" + policy + "\" — " + estimator.label() + ", n = " + Fmt.count(n) + ", gain vs "
                + reference.name();
    }

    @Override
    public String toString() {
        boolean truth = trueValue.isPresent();
        TextTable text = TextTable.withHeader(header(truth).toArray(String[]::new));
        text.row(cells(truth).toArray(String[]::new));
        StringBuilder out = new StringBuilder(title()).append('\n').append(text);
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        boolean truth = trueValue.isPresent();
        return Html.table(title(), header(truth), List.of(cells(truth)), notes);
    }

    /** One row: the estimates, their SEs, the p-value of the gain and the truth (NaN where unknown). */
    @Override
    public Table table() {
        return PolicyReport.valueTable(title(), List.of(this));
    }

    static Table emptyValueTable(String title) {
        return Table.create(title, StringColumn.create("policy"), StringColumn.create("estimator"),
                DoubleColumn.create("value"), DoubleColumn.create("value_se"), DoubleColumn.create("gain"),
                DoubleColumn.create("gain_se"), DoubleColumn.create("gain_p"), DoubleColumn.create("true_value"),
                DoubleColumn.create("true_gain"), DoubleColumn.create("regret"));
    }
}
