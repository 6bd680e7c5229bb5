package dev.tailor.policy;

import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Several policies evaluated on the same units by one estimator: the value of each, and each candidate compared
 * with a baseline policy (paired). Immutable.
 *
 * @param title       what was evaluated and how
 * @param values      one value per policy, baseline first
 * @param comparisons each candidate minus the baseline
 * @param notes       remarks about the evaluation (propensities, outcome model)
 */
public record PolicyReport(String title, List<PolicyValue> values, List<PolicyComparison> comparisons, List<String> notes)
        implements Rendered {

    public PolicyReport {
        values = List.copyOf(values);
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
    }

    /** The value of the named policy. */
    public PolicyValue value(String policy) {
        return values.stream().filter(v -> v.policy().equals(policy)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "No policy named \"" + policy + "\" in this report. Policies: " + values.stream().map(PolicyValue::policy).toList() + "."));
    }

    private boolean truth() {
        return values.stream().anyMatch(v -> v.trueValue().isPresent());
    }

    private List<String> allNotes() {
        List<String> all = new ArrayList<>(notes);
        for (PolicyValue v : values) {
            for (String note : v.notes()) {
                if (!all.contains(note)) {
                    all.add(note);
                }
            }
        }
        for (PolicyComparison c : comparisons) {
            for (String note : c.notes()) {
                if (!all.contains(note)) {
                    all.add(note);
                }
            }
        }
        return all;
    }

    @Override
    public String toString() {
        boolean truth = truth();
        TextTable text = TextTable.withHeader(PolicyValue.header(truth).toArray(String[]::new));
        for (PolicyValue v : values) {
            text.row(v.cells(truth).toArray(String[]::new));
        }
        StringBuilder out = new StringBuilder(title).append('\n').append(text);
        if (!comparisons.isEmpty()) {
            boolean trueDiff = comparisons.stream().anyMatch(c -> c.trueDifference().isPresent());
            TextTable diff = TextTable.withHeader(PolicyComparison.header(trueDiff).toArray(String[]::new));
            for (PolicyComparison c : comparisons) {
                diff.row(c.cells(trueDiff).toArray(String[]::new));
            }
            out.append('\n').append(diff).append("p tests H0: V(candidate) ≤ V(baseline).\n");
        }
        for (String note : allNotes()) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        boolean truth = truth();
        List<List<String>> rows = new ArrayList<>();
        for (PolicyValue v : values) {
            rows.add(v.cells(truth));
        }
        StringBuilder out = new StringBuilder("<div class=\"tailor-result\">\n");
        out.append(Html.table(title, PolicyValue.header(truth), rows, comparisons.isEmpty() ? allNotes() : List.of()));
        if (!comparisons.isEmpty()) {
            boolean trueDiff = comparisons.stream().anyMatch(c -> c.trueDifference().isPresent());
            List<List<String>> diffs = new ArrayList<>();
            for (PolicyComparison c : comparisons) {
                diffs.add(c.cells(trueDiff));
            }
            List<String> notes = new ArrayList<>(List.of("p tests H0: V(candidate) ≤ V(baseline)."));
            notes.addAll(allNotes());
            out.append('\n').append(Html.table("Comparisons with the baseline", PolicyComparison.header(trueDiff), diffs, notes));
        }
        return out.append("\n</div>").toString();
    }

    /** One row per policy (see {@link PolicyValue#table()}); {@link #comparisonTable()} holds the comparisons. */
    @Override
    public Table table() {
        return valueTable(title, values);
    }

    /** One row per comparison with the baseline. */
    public Table comparisonTable() {
        return comparisonTable(title, comparisons);
    }

    static Table valueTable(String title, List<PolicyValue> values) {
        Table table = PolicyValue.emptyValueTable(title);
        for (PolicyValue v : values) {
            table.stringColumn("policy").append(v.policy());
            table.stringColumn("estimator").append(v.estimator().label());
            table.doubleColumn("value").append(v.value());
            table.doubleColumn("value_se").append(v.valueStdError());
            table.doubleColumn("gain").append(v.gain());
            table.doubleColumn("gain_se").append(v.gainStdError());
            table.doubleColumn("gain_p").append(v.gainPValue());
            table.doubleColumn("true_value").append(v.trueValue().orElse(Double.NaN));
            table.doubleColumn("true_gain").append(v.trueGain().orElse(Double.NaN));
            table.doubleColumn("regret").append(v.regret().orElse(Double.NaN));
        }
        return table;
    }

    static Table comparisonTable(String title, List<PolicyComparison> comparisons) {
        Table table = PolicyComparison.emptyTable(title);
        for (PolicyComparison c : comparisons) {
            table.stringColumn("first").append(c.first());
            table.stringColumn("second").append(c.second());
            table.stringColumn("estimator").append(c.estimator().label());
            table.doubleColumn("difference").append(c.estimate());
            table.doubleColumn("se").append(c.stdError());
            table.doubleColumn("p_one_sided").append(c.pValue());
            table.doubleColumn("disagreement").append(c.disagreement());
            table.doubleColumn("true_difference").append(c.trueDifference().orElse(Double.NaN));
        }
        return table;
    }
}
