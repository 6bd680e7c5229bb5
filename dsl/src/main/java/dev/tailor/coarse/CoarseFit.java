package dev.tailor.coarse;

import dev.tailor.policy.Policy;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of {@link CoarseSpec#fit}: the chosen treatments, a treatment for every row, the objective and how
 * much of full personalization it recovers. Immutable; arrays are copied in and out.
 *
 * <p>Values are means per row. The recovery ratio is ρ = [V(S) − V(null)] / [V(full) − V(null)], where V(null)
 * gives every row column 0 and V(full) every row its best column among all M + 1 (capacities ignored); it is 1
 * when full personalization gains nothing over the null. With capacities, {@link #prices()} are the optimal dual
 * prices of the offered columns and {@link #dualityGap()} certifies the assignment: it is ≥ 0 and 0 at the optimum.
 */
public final class CoarseFit implements Rendered {

    private final CoarseSpec spec;
    private final List<String> names;
    private final Solver solver;
    private final long subsetsEvaluated;
    private final int[] chosen;
    private final int[] offered;
    private final int[] assignment;
    private final int[] counts;
    private final int[] caps;
    private final int[] mins;
    private final double[] prices;
    private final double dualityGap;
    private final double objective;
    private final double nullValue;
    private final double fullValue;
    private final double[] segmentMeans;
    private final double[] trace;

    private CoarseFit(CoarseSpec spec, List<String> names, Solver solver, long subsetsEvaluated, int[] chosen,
            int[] offered, int[] assignment, int[] counts, int[] caps, int[] mins, double[] prices, double dualityGap,
            double objective, double nullValue, double fullValue, double[] segmentMeans, double[] trace) {
        this.spec = spec;
        this.names = names;
        this.solver = solver;
        this.subsetsEvaluated = subsetsEvaluated;
        this.chosen = chosen;
        this.offered = offered;
        this.assignment = assignment;
        this.counts = counts;
        this.caps = caps;
        this.mins = mins;
        this.prices = prices;
        this.dualityGap = dualityGap;
        this.objective = objective;
        this.nullValue = nullValue;
        this.fullValue = fullValue;
        this.segmentMeans = segmentMeans;
        this.trace = trace;
    }

    static CoarseFit of(CoarseSpec spec, ValueMatrix values, Solver solver, long evaluated, int[] chosen,
            Objective objective, int[] allCaps, double[] trace) {
        int n = values.rows();
        int[] subset = chosen.clone();
        Arrays.sort(subset);
        int[] atoms = objective.atoms(subset);
        Transport.Plan plan = objective.plan(subset);
        int[] columnOf = plan.columnOf();
        int[] counts = new int[atoms.length];
        double[] sums = new double[atoms.length];
        for (int i = 0; i < n; i++) {
            int a = Arrays.binarySearch(atoms, columnOf[i]);
            counts[a]++;
            sums[a] += values.get(i, columnOf[i]);
        }
        double[] means = new double[atoms.length];
        for (int a = 0; a < atoms.length; a++) {
            means[a] = counts[a] == 0 ? 0 : sums[a] / counts[a];
        }
        int[] full = values.argmax();
        double[] perRowTrace = Arrays.stream(trace).map(t -> t / n).toArray();
        return new CoarseFit(spec, values.names(), solver, evaluated, subset, atoms, columnOf, counts,
                allCaps == null ? null : objective.capsOf(atoms), allCaps == null ? null : objective.minsOf(atoms),
                plan.prices(), plan.gap() / n, plan.total() / n,
                values.mean(0), values.value(full), means, perRowTrace);
    }

    public CoarseSpec spec() {
        return spec;
    }

    /** The search that produced the chosen set: EXACT, LOCAL_SEARCH or GREEDY (never AUTO). */
    public Solver solver() {
        return solver;
    }

    /** Subsets whose value was computed by exact search (with capacities: those not pruned); −1 for heuristics. */
    public long subsetsEvaluated() {
        return subsetsEvaluated;
    }

    /** The chosen columns in ascending order: the K treatments (the null among them only if it counts toward K). */
    public int[] chosen() {
        return chosen.clone();
    }

    /** The chosen treatments' names, in column order. */
    public List<String> chosenNames() {
        return Arrays.stream(chosen).mapToObj(names::get).toList();
    }

    /** The offered columns in ascending order: the chosen ones, plus the null when it is always available. */
    public int[] offered() {
        return offered.clone();
    }

    /** The column given to each row; use it as the assignment rule (an arm per row). A fresh copy. */
    public int[] assignment() {
        return assignment.clone();
    }

    /** The column given to row i. */
    public int arm(int row) {
        return assignment[row];
    }

    /**
     * Applies the chosen set to other rows (e.g. new customers with predicted values for the same columns): each
     * row gets the offered column maximizing value − price, the semi-discrete transport rule. Without capacities
     * the prices are 0 and this is each row's best offered column; with capacities the shares on new rows
     * respect the capacities only approximately.
     *
     * @throws IllegalArgumentException when {@code values} has other columns than the fitted matrix
     */
    public int[] assign(ValueMatrix values) {
        java.util.Objects.requireNonNull(values, "values");
        if (!values.names().equals(names)) {
            throw new IllegalArgumentException("The value matrix has columns " + values.names() + " but the fit was made on "
                    + names + ". Give predicted values for the same columns, in the same order.");
        }
        int[] out = new int[values.rows()];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < offered.length; a++) {
                double v = values.get(i, offered[a]) - prices[a];
                if (v > bestValue) {
                    bestValue = v;
                    best = a;
                }
            }
            out[i] = offered[best];
        }
        return out;
    }

    /**
     * The assignment of the fitted rows as a {@link Policy}, to evaluate and compare with the study's other rules;
     * {@code Policy.fromAssignments(fit.assign(other), name)} does the same for new rows.
     */
    public Policy policy(String name) {
        return Policy.fromAssignments(assignment(), name);
    }

    /** Number of rows n. */
    public int rows() {
        return assignment.length;
    }

    /** The objective: the mean value per row of the assignment, V(S). */
    public double objective() {
        return objective;
    }

    /** V(null): the mean of column 0. */
    public double nullValue() {
        return nullValue;
    }

    /** V(full): the mean over rows of the best of all M + 1 columns. */
    public double fullValue() {
        return fullValue;
    }

    /** ρ = [V(S) − V(null)] / [V(full) − V(null)]; 1 when full personalization gains nothing. */
    public double recovery() {
        double gain = fullValue - nullValue;
        return gain == 0 ? 1 : (objective - nullValue) / gain;
    }

    /** The share of rows given each offered column, in the order of {@link #offered()}. */
    public double[] shares() {
        return Arrays.stream(counts).mapToDouble(c -> c / (double) assignment.length).toArray();
    }

    /** The share of rows given column t (0 when t is not offered). */
    public double share(int column) {
        int a = Arrays.binarySearch(offered, column);
        return a < 0 ? 0 : counts[a] / (double) assignment.length;
    }

    /** Whether capacities bounded the assignment. */
    public boolean isCapacitated() {
        return caps != null;
    }

    /** The offered columns' capacities in rows (order of {@link #offered()}), or an empty array without capacities. */
    public int[] capacities() {
        return caps == null ? new int[0] : caps.clone();
    }

    /** The offered columns' minimums in rows (order of {@link #offered()}), or an empty array without capacities. */
    public int[] minimums() {
        return mins == null ? new int[0] : mins.clone();
    }

    /**
     * Dual prices λ of the offered columns (order of {@link #offered()}): with capacities, every row's column
     * maximizes value − λ; λ > 0 only for a full column and λ < 0 only for one held at its minimum. All 0 without
     * capacities.
     */
    public double[] prices() {
        return prices.clone();
    }

    /** The duality gap per row of the assignment given the chosen set: ≥ 0, and 0 (to rounding) at the optimum. */
    public double dualityGap() {
        return dualityGap;
    }

    /** The local search's objective (mean per row) after each step of its winning start; empty for other solvers. */
    public double[] objectiveTrace() {
        return trace.clone();
    }

    // Rendering.

    private static final List<String> HEADER = List.of("treatment", "rows", "share (%)", "mean value", "capacity", "price");

    private String title() {
        String how = switch (solver) {
            case EXACT -> subsetsEvaluated >= 0 ? "exact, " + Fmt.count(subsetsEvaluated)
                    + (subsetsEvaluated == 1 ? " subset" : " subsets") + " evaluated" : "exact";
            case LOCAL_SEARCH -> "local search, " + spec.restarts() + " starts, seed " + spec.seed();
            case GREEDY -> "greedy";
            case AUTO -> "auto";
        };
        int m = names.size() - 1;
        return "Coarse personalization — K = " + spec.treatments() + " of " + m + " treatments"
                + (spec.nullCountsTowardK() ? " (the null counts toward K)" : " + " + names.get(0)) + " (" + how
                + "), n = " + Fmt.count(rows());
    }

    private String capacityText(int a) {
        if (caps == null) {
            return "—";
        }
        String max = caps[a] >= rows() ? "" : "≤ " + Fmt.count(caps[a]);
        String min = mins[a] == 0 ? "" : "≥ " + Fmt.count(mins[a]);
        String both = (min + (min.isEmpty() || max.isEmpty() ? "" : ", ") + max);
        return both.isEmpty() ? "—" : both;
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < offered.length; a++) {
            rows.add(List.of(names.get(offered[a]), Fmt.count(counts[a]), Fmt.pp(counts[a] / (double) rows(), 1),
                    Fmt.fixed(segmentMeans[a], 3), capacityText(a),
                    caps == null ? "—" : Fmt.fixed(prices[a], 4)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Objective V(S) = " + Fmt.fixed(objective, 4) + " per row; V(" + names.get(0) + ") = "
                + Fmt.fixed(nullValue, 4) + ", full personalization V(full) = " + Fmt.fixed(fullValue, 4) + ".");
        notes.add("Recovery of the gain of full personalization: " + Fmt.pp(recovery(), 2) + "%.");
        if (caps != null) {
            notes.add("Capacities: " + spec.capacities() + "; assignment certified by dual prices, duality gap "
                    + String.format(java.util.Locale.ROOT, "%.2e", dualityGap) + " per row.");
        }
        return new Report(title(), HEADER, rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /**
     * One row per offered column: column, treatment, rows, share, mean_value, capacity (n if none), minimum (0 if
     * none), price.
     */
    @Override
    public Table table() {
        IntColumn column = IntColumn.create("column");
        StringColumn name = StringColumn.create("treatment");
        IntColumn size = IntColumn.create("rows");
        DoubleColumn share = DoubleColumn.create("share");
        DoubleColumn mean = DoubleColumn.create("mean_value");
        IntColumn capacity = IntColumn.create("capacity");
        IntColumn minimum = IntColumn.create("minimum");
        DoubleColumn price = DoubleColumn.create("price");
        for (int a = 0; a < offered.length; a++) {
            column.append(offered[a]);
            name.append(names.get(offered[a]));
            size.append(counts[a]);
            share.append(counts[a] / (double) rows());
            mean.append(segmentMeans[a]);
            capacity.append(caps == null ? rows() : caps[a]);
            minimum.append(mins == null ? 0 : mins[a]);
            price.append(prices[a]);
        }
        return Table.create("coarse personalization, K = " + spec.treatments(), column, name, size, share, mean,
                capacity, minimum, price);
    }
}
