package dev.tailor.welfare;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * How to fit {@link PanelItt}. Immutable.
 *
 * @param scale  LOG (default; the paper's log usage) or LEVEL
 * @param errors CR0 (default; equals HC0 of the collapsed regression) or CR1 (Stata's small-sample correction)
 * @param level  confidence level of the printed intervals, in (0, 1)
 * @param solver COLLAPSE (default) or ALTERNATING_PROJECTIONS (the full panel regression, to verify it)
 */
public record PanelIttSpec(OutcomeScale scale, ClusterSe errors, double level, PanelSolver solver) {

    public PanelIttSpec {
        Objects.requireNonNull(solver, "solver must be PanelSolver.COLLAPSE or PanelSolver.ALTERNATING_PROJECTIONS, got null.");
        Objects.requireNonNull(scale, "scale must be OutcomeScale.LOG or OutcomeScale.LEVEL, got null.");
        Objects.requireNonNull(errors, "errors must be ClusterSe.CR0 or ClusterSe.CR1, got null.");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level + "; 0.95 is usual.");
        }
    }

    /** The same spec on another outcome scale. */
    public PanelIttSpec scale(OutcomeScale outcomeScale) {
        return new PanelIttSpec(outcomeScale, errors, level, solver);
    }

    /** The same spec with CR0 or CR1 cluster-robust SEs. */
    public PanelIttSpec errors(ClusterSe clusterSe) {
        return new PanelIttSpec(scale, clusterSe, level, solver);
    }

    /** The same spec with another confidence level. */
    public PanelIttSpec level(double confidence) {
        return new PanelIttSpec(scale, errors, confidence, solver);
    }

    /** The same spec with another solver; ALTERNATING_PROJECTIONS runs the full panel regression. */
    public PanelIttSpec solver(PanelSolver panelSolver) {
        return new PanelIttSpec(scale, errors, level, panelSolver);
    }

    /**
     * Fits eq. 10 on a balanced long panel.
     *
     * @throws DataException if a column is missing or has missing values, the panel is unbalanced or has duplicate
     *                       unit-periods, post differs across units in a period, arm or take-up varies within a
     *                       unit, a logged outcome is not positive, or an arm has fewer than 2 units
     */
    public PanelIttFit fit(Table panel, PanelRoles roles) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(roles, "roles");
        PanelData data = PanelData.read(panel, roles, scale);
        boolean[] all = new boolean[data.units()];
        java.util.Arrays.fill(all, true);
        return PanelIttFit.fit(this, roles, data, all, "all");
    }

    /**
     * Eq. 10 separately for units at or below ("low") and above ("high") the median of a unit-level covariate, as
     * in ENERGY Table 2. The median interpolates linearly (the mean of the two middle values for even counts).
     *
     * @param units     one row per unit, with the unit column named as in the roles and the covariate
     * @param covariate the unit-level column to split on
     */
    public PanelIttSplit medianSplit(Table panel, PanelRoles roles, Table units, String covariate) {
        Objects.requireNonNull(units, "units");
        PanelData data = PanelData.read(panel, roles, scale);
        double[] ids = Columns.numeric(units, roles.unit(), "the unit id, to match the panel");
        double[] values = Columns.numeric(units, covariate, "the covariate to split on");
        Map<Double, Double> byUnit = new HashMap<>();
        for (int r = 0; r < ids.length; r++) {
            if (byUnit.put(ids[r], values[r]) != null) {
                throw new DataException("Unit " + ids[r] + " appears twice in table \"" + units.name()
                        + "\"; give one row per unit.");
            }
        }
        double[] x = new double[data.units()];
        for (int i = 0; i < x.length; i++) {
            Double value = byUnit.get(data.unitIds()[i]);
            if (value == null) {
                throw new DataException("Unit " + data.unitIds()[i] + " of panel \"" + panel.name() + "\" has no row in table \""
                        + units.name() + "\" (column \"" + roles.unit() + "\"); the covariate table must cover every unit.");
            }
            x[i] = value;
        }
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double position = (sorted.length - 1) * 0.5;
        int lo = (int) Math.floor(position);
        double median = sorted[lo] + (position - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
        boolean[] low = new boolean[x.length];
        boolean[] high = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            low[i] = x[i] <= median;
            high[i] = !low[i];
        }
        return new PanelIttSplit(covariate, median, PanelIttFit.fit(this, roles, data, low, covariate + " ≤ median"),
                PanelIttFit.fit(this, roles, data, high, covariate + " > median"));
    }

    @Override
    public String toString() {
        return "Panel ITT spec: " + (scale == OutcomeScale.LOG ? "log outcome" : "outcome in levels")
                + ", unit and period fixed effects, " + errors + " SEs clustered by unit, " + Math.round(level * 100)
                + "% intervals" + (solver == PanelSolver.COLLAPSE ? "" : ", full panel by alternating projections");
    }
}
