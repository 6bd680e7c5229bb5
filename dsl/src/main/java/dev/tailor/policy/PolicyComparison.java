package dev.tailor.policy;

import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The estimated difference in value between two policies on the same units, V(first) − V(second), with a paired
 * standard error and the one-sided p-value 1 − Φ(Δ̂/SE) of H0: V(first) ≤ V(second).
 *
 * @param first        the policy whose value comes first in the difference
 * @param second       the policy subtracted
 * @param estimator    how the difference was estimated
 * @param n            evaluation units
 * @param disagreement share of units the two policies send to different arms
 * @param estimate     Δ̂ = V̂(first) − V̂(second)
 * @param stdError     its standard error
 * @param trueDifference the true difference, if the evaluation knows the truth
 * @param notes        diagnostics and remarks (e.g. a fall-back from the cell estimator)
 */
public record PolicyComparison(String first, String second, PolicyEstimator estimator, long n, double disagreement,
        double estimate, double stdError, OptionalDouble trueDifference, List<String> notes) implements Rendered {

    public PolicyComparison {
        notes = List.copyOf(notes);
        if (!(stdError >= 0)) {
            throw new IllegalArgumentException("The SE of \"" + first + "\" − \"" + second + "\" must be >= 0, got " + stdError + ".");
        }
    }

    /** One-sided p-value 1 − Φ(Δ̂/SE) of H0: V(first) ≤ V(second) against V(first) > V(second). */
    public double pValue() {
        return 1 - PolicyValue.STANDARD_NORMAL.cumulativeProbability(estimate / stdError);
    }

    /** Two-sided normal confidence interval of the difference at {@code level}. */
    public double[] confInt(double level) {
        double z = PolicyValue.z(level);
        return new double[] {estimate - z * stdError, estimate + z * stdError};
    }

    /** A label such as "kNN best arm − always TR". */
    public String label() {
        return first + " − " + second;
    }

    static List<String> header(boolean truth) {
        List<String> header = new ArrayList<>(List.of("comparison", "difference", "se", "p (1-sided)", "disagree"));
        if (truth) {
            header.add("true difference");
        }
        return header;
    }

    List<String> cells(boolean truth) {
        List<String> row = new ArrayList<>(List.of(label(), PolicyValue.sig(estimate), PolicyValue.sig(stdError),
                Fmt.pValue(pValue()), Fmt.fixed(100 * disagreement, 1) + "%"));
        if (truth) {
            row.add(trueDifference.isPresent() ? PolicyValue.sig(trueDifference.getAsDouble()) : "");
        }
        return row;
    }

    private String title() {
        return "Policy comparison " + label() + " — " + estimator.label() + ", n = " + Fmt.count(n);
    }

    @Override
    public String toString() {
        boolean truth = trueDifference.isPresent();
        TextTable text = TextTable.withHeader(header(truth).toArray(String[]::new));
        text.row(cells(truth).toArray(String[]::new));
        StringBuilder out = new StringBuilder(title()).append('\n').append(text);
        out.append("p tests H0: V(").append(first).append(") ≤ V(").append(second).append(").\n");
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<String> allNotes = new ArrayList<>();
        allNotes.add("p tests H0: V(" + first + ") ≤ V(" + second + ").");
        allNotes.addAll(notes);
        return Html.table(title(), header(trueDifference.isPresent()), List.of(cells(trueDifference.isPresent())), allNotes);
    }

    /** One row: the difference, its SE, the one-sided p, the disagreement share and the true difference (NaN if unknown). */
    @Override
    public Table table() {
        return PolicyReport.comparisonTable(title(), List.of(this));
    }

    static Table emptyTable(String title) {
        return Table.create(title, StringColumn.create("first"), StringColumn.create("second"), StringColumn.create("estimator"),
                DoubleColumn.create("difference"), DoubleColumn.create("se"), DoubleColumn.create("p_one_sided"),
                DoubleColumn.create("disagreement"), DoubleColumn.create("true_difference"));
    }
}
