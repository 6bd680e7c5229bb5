package dev.tailor.welfare;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The welfare outcome W̃_i of every household under one {@link WelfareSpec}, with the Pareto weights and rebates
 * it was built from (methods spec §2.13). Immutable; arrays are copied on the way in and out.
 *
 * <p>W̃_i = −b̃_i·Y_i − (1 − w_i)·R_i − a·D_i. It is the outcome an EWM policy search maximizes: differences of its
 * arm means estimate welfare gains relative to no program, because Y_U cancels.
 */
public final class WelfareOutcome implements Rendered {

    private final WelfareSpec spec;
    private final String tableName;
    private final WelfareColumns columns;
    private final double[] weights;
    private final double[] rebates;
    private final double[] outcomes;
    private final double[] income;
    private final int takers;

    private WelfareOutcome(WelfareSpec spec, String tableName, WelfareColumns columns, double[] weights, double[] rebates,
                           double[] outcomes, double[] income, int takers) {
        this.spec = spec;
        this.tableName = tableName;
        this.columns = columns;
        this.weights = weights;
        this.rebates = rebates;
        this.outcomes = outcomes;
        this.income = income;
        this.takers = takers;
    }

    static WelfareOutcome construct(WelfareSpec spec, Table data, WelfareColumns columns) {
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(columns, "columns");
        double[] usage = Columns.numeric(data, columns.usage(), "usage, kW");
        double[] baseline = Columns.numeric(data, columns.baseline(), "baseline usage, kW");
        double[] rawTakeUp = Columns.numeric(data, columns.takeUp(), "take-up, 0/1");
        double[] income = Columns.numeric(data, columns.income(), "income");
        int n = usage.length;
        int[] takeUp = new int[n];
        int takers = 0;
        for (int i = 0; i < n; i++) {
            if (rawTakeUp[i] != 0 && rawTakeUp[i] != 1) {
                throw new DataException("Take-up column \"" + columns.takeUp() + "\" has value " + rawTakeUp[i] + " in row " + i
                        + " of table \"" + data.name() + "\"; expected 0 or 1. Code participation as 0/1 (0 in U, 1 in T).");
            }
            if (!(income[i] > 0)) {
                throw new DataException("Income column \"" + columns.income() + "\" has value " + income[i] + " in row " + i
                        + " of table \"" + data.name() + "\"; Pareto weights need positive incomes. Drop or fix that row.");
            }
            takeUp[i] = (int) rawTakeUp[i];
            takers += takeUp[i];
        }
        double[] weights = spec.weights(income);
        double[] rebates = new double[n];
        double[] outcomes = new double[n];
        for (int i = 0; i < n; i++) {
            rebates[i] = spec.rebate(usage[i], baseline[i], takeUp[i]);
            outcomes[i] = spec.outcome(usage[i], baseline[i], takeUp[i], weights[i]);
        }
        return new WelfareOutcome(spec, data.name(), columns, weights, rebates, outcomes, income, takers);
    }

    /** The spec the outcomes were built with. */
    public WelfareSpec spec() {
        return spec;
    }

    public WelfareColumns columns() {
        return columns;
    }

    /** Number of households. */
    public int size() {
        return outcomes.length;
    }

    /** W̃_i for every row, JPY. */
    public double[] outcomes() {
        return outcomes.clone();
    }

    /** Pareto weights w_i (mean 1; all 1 when ν = 0). */
    public double[] weights() {
        return weights.clone();
    }

    /** Rebates R_i paid, JPY (0 for non-participants and for households above their baseline). */
    public double[] rebates() {
        return rebates.clone();
    }

    /**
     * The average rebate a policy would pay in each income quartile (Table 7), by the cell estimator of
     * {@link RebatesByIncome}, from these households' rebates and randomized arms.
     *
     * @param arm    the randomized arm of each row: 0 U, 1 T, 2 S
     * @param policy the policy's assigned arm of each row: 0 U, 1 T, 2 S
     */
    public RebatesByIncome rebatesByIncomeQuartile(int[] arm, int[] policy) {
        java.util.Objects.requireNonNull(arm, "arm");
        java.util.Objects.requireNonNull(policy, "policy");
        if (arm.length != size() || policy.length != size()) {
            throw new IllegalArgumentException("Expected one arm and one policy entry per household (" + Fmt.count(size())
                    + "), got " + Fmt.count(arm.length) + " arms and " + Fmt.count(policy.length) + " policy entries.");
        }
        for (int i = 0; i < size(); i++) {
            if (arm[i] < 0 || arm[i] > 2 || policy[i] < 0 || policy[i] > 2) {
                throw new IllegalArgumentException("Row " + i + " has arm " + arm[i] + " and policy " + policy[i]
                        + "; both must be 0 (U), 1 (T) or 2 (S).");
            }
        }
        return RebatesByIncome.estimate(income, rebates, arm, policy);
    }

    /** A copy of {@code data} (the table the outcomes were built from) with columns weight, rebate and welfare added. */
    public Table addTo(Table data) {
        if (data.rowCount() != size()) {
            throw new DataException("Table \"" + data.name() + "\" has " + Fmt.count(data.rowCount()) + " rows, but these "
                    + "welfare outcomes were built from " + Fmt.count(size()) + ". Pass the table they were built from.");
        }
        for (String name : List.of("weight", "rebate", "welfare")) {
            if (data.containsColumn(name)) {
                throw new DataException("Table \"" + data.name() + "\" already has a column \"" + name
                        + "\", which addTo() adds. Remove or rename it first.");
            }
        }
        Table copy = data.copy();
        copy.addColumns(DoubleColumn.create("weight", weights.clone()), DoubleColumn.create("rebate", rebates.clone()),
                DoubleColumn.create("welfare", outcomes.clone()));
        return copy;
    }

    /** One row per household: weight, rebate and welfare (W̃), in input order. */
    @Override
    public Table table() {
        return Table.create("welfare outcomes of " + tableName, DoubleColumn.create("weight", weights.clone()),
                DoubleColumn.create("rebate", rebates.clone()), DoubleColumn.create("welfare", outcomes.clone()));
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(summary("welfare W̃ (JPY)", outcomes));
        rows.add(summary("Pareto weight w", weights));
        rows.add(summary("rebate R (JPY)", rebates));
        List<String> notes = new ArrayList<>();
        notes.add("W̃ = −b̃·Y − (1 − w)·R − a·D with β = " + Fmt.fixed(spec.beta(), 0) + " JPY/kW, c − p = "
                + Fmt.fixed(spec.rebateRate(), 0) + " JPY/kWh, a = " + Fmt.fixed(spec.adminCost(), 1) + " JPY, H = "
                + Fmt.fixed(spec.peakHours(), 0) + " h; " + (spec.utilitarian() ? "utilitarian (w ≡ 1)."
                : "weights ∝ income^(−" + Fmt.fixed(spec.nu(), 2) + "), mean 1."));
        notes.add(Fmt.count(takers) + " participants (D = 1) of " + Fmt.count(size()) + "; columns " + columns.usage() + ", "
                + columns.baseline() + ", " + columns.takeUp() + ", " + columns.income() + ".");
        return new Report("Welfare outcomes — table \"" + tableName + "\", n = " + Fmt.count(size()),
                List.of("quantity", "mean", "SD", "min", "max"), rows, notes);
    }

    private static List<String> summary(String name, double[] values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = values.length == 0 ? Double.NaN : sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length < 2 ? Double.NaN : Math.sqrt(squares / (values.length - 1));
        int digits = name.startsWith("Pareto") ? 3 : 1;
        return List.of(name, Fmt.fixed(mean, digits), Fmt.fixed(sd, digits), Fmt.fixed(min, digits), Fmt.fixed(max, digits));
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }
}
