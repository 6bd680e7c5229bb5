package dev.tailor.forest;

import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Regression coefficients per arm with HC3 standard errors, t statistics and p-values: the result of
 * {@link CausalForestFit#bestLinearProjection} and {@link CausalForestFit#testCalibration}.
 *
 * @param title     what was regressed on what
 * @param rows      one row per arm and term
 * @param oneSided  whether p-values are one-sided (H1: coefficient &gt; 0) rather than two-sided
 * @param notes     method and caveats, printed under the table
 */
public record CoefficientTable(String title, List<Row> rows, boolean oneSided, List<String> notes) implements Rendered {

    /**
     * @param arm       the arm (contrast against control)
     * @param term      the regressor
     * @param estimate  its coefficient
     * @param stdError  HC3 standard error
     * @param tStat     estimate / stdError
     * @param pValue    from Student's t with n − (regressors) degrees of freedom
     */
    public record Row(String arm, String term, double estimate, double stdError, double tStat, double pValue) {

        /** Two-sided 95% interval, estimate ± 1.96·se. */
        public double[] confInt95() {
            return new double[] {estimate - 1.959963984540054 * stdError, estimate + 1.959963984540054 * stdError};
        }
    }

    public CoefficientTable {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** The row of this arm and term. */
    public Row row(String arm, String term) {
        for (Row row : rows) {
            if (row.arm().equals(arm) && row.term().equals(term)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No row for arm \"" + arm + "\" and term \"" + term + "\"; terms are "
                + rows.stream().map(Row::term).distinct().toList() + ".");
    }

    private List<String> header() {
        return List.of("arm", "term", "estimate", "se (HC3)", "t", oneSided ? "p (one-sided)" : "p", "95% CI");
    }

    private List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            double[] ci = row.confInt95();
            cells.add(List.of(row.arm(), row.term(), Fmt.fixed(row.estimate(), 4), Fmt.fixed(row.stdError(), 4),
                    Fmt.fixed(row.tStat(), 2), Fmt.pValue(row.pValue()),
                    "[" + Fmt.fixed(ci[0], 4) + ", " + Fmt.fixed(ci[1], 4) + "]"));
        }
        return cells;
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader(header().toArray(String[]::new));
        cells().forEach(row -> text.row(row.toArray(String[]::new)));
        return title + "\n" + text + String.join("\n", notes) + (notes.isEmpty() ? "" : "\n");
    }

    @Override
    public String toHtml() {
        return Html.table(title, header(), cells(), notes);
    }

    @Override
    public Table table() {
        return Table.create(title,
                StringColumn.create("arm", rows.stream().map(Row::arm).toList()),
                StringColumn.create("term", rows.stream().map(Row::term).toList()),
                DoubleColumn.create("estimate", rows.stream().mapToDouble(Row::estimate).toArray()),
                DoubleColumn.create("se", rows.stream().mapToDouble(Row::stdError).toArray()),
                DoubleColumn.create("t", rows.stream().mapToDouble(Row::tStat).toArray()),
                DoubleColumn.create("p", rows.stream().mapToDouble(Row::pValue).toArray()));
    }
}
