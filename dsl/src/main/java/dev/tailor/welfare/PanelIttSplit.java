package dev.tailor.welfare;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Eq. 10 fitted separately below-or-at and above the median of a unit covariate (one column pair of ENERGY
 * Table 2). Immutable.
 *
 * @param covariate the unit-level covariate split on
 * @param median    its median over the panel's units; units with covariate ≤ median are "low"
 * @param low       the fit on units at or below the median
 * @param high      the fit on units above it
 */
public record PanelIttSplit(String covariate, double median, PanelIttFit low, PanelIttFit high) implements Rendered {

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        for (PanelIttFit fit : List.of(low, high)) {
            rows.add(List.of(fit == low ? "low (≤ " + Fmt.fixed(median, 2) + ")" : "high", Fmt.count(fit.units()),
                    Digits.withSe(fit.treated()), Digits.withSe(fit.selfSelection()), Fmt.pValue(fit.equalityPValue()),
                    Double.isNaN(fit.takeUp()) ? "—" : Fmt.pp(fit.takeUp(), 1) + "%"));
        }
        return new Report("Panel ITT by median split of " + covariate + " — " + low.spec().errors() + " SEs by "
                + low.roles().unit(), List.of("half", "units", "β_T (SE)", "β_S (SE)", "p(T = S)", "take-up in S"), rows,
                List.of("Units with " + covariate + " ≤ median are low, as in ENERGY Table 2."));
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** The two halves' coefficient tables, stacked, with a half column ("low" or "high"). */
    @Override
    public Table table() {
        Table lowTable = low.table();
        Table highTable = high.table();
        lowTable.addColumns(tech.tablesaw.api.StringColumn.create("half", "low", "low"));
        highTable.addColumns(tech.tablesaw.api.StringColumn.create("half", "high", "high"));
        Table both = lowTable.append(highTable);
        both.setName("panel ITT by median of " + covariate);
        return both;
    }
}
