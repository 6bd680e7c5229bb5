package dev.tailor.design;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of {@link Design#randomize(Table)}: each unit's arm, the arm × stratum counts, and the units' table
 * with the treatment column added. Immutable: every accessor returns a copy.
 */
public final class Assignment implements Rendered {

    private final Design design;
    private final Table data;
    private final int[] arm;
    private final int[] stratum;
    private final List<String> strataLabels;
    private final long[][] counts;

    Assignment(Design design, Table data, int[] arm, int[] stratum, List<String> strataLabels, long[][] counts) {
        this.design = design;
        this.data = data;
        this.arm = arm;
        this.stratum = stratum;
        this.strataLabels = List.copyOf(strataLabels);
        this.counts = counts;
    }

    /** The design that produced this assignment. */
    public Design design() {
        return design;
    }

    public Arms arms() {
        return design.arms();
    }

    /** The seed the assignment was drawn with. */
    public long seed() {
        return design.seed();
    }

    /**
     * A copy of the randomized units with the treatment column ({@link Design#treatmentColumn()}, arm indices 0..K)
     * added as the last column. Each call copies, so changes to the returned table never reach the assignment.
     */
    public Table data() {
        return data.copy();
    }

    /** Each unit's arm index, in the row order of the input table (a copy). */
    public int[] armIndices() {
        return arm.clone();
    }

    /** Each unit's stratum index into {@link #strataLabels()}, in row order (a copy). */
    public int[] stratumIndices() {
        return stratum.clone();
    }

    /** The stratum labels in sorted order; "all" for an unstratified design. */
    public List<String> strataLabels() {
        return strataLabels;
    }

    /**
     * Each unit's probability of each arm: the design's shares, control first. Complete randomization within
     * strata gives every unit exactly these probabilities, so estimators can use them as known propensities.
     */
    public double[] propensities() {
        return design.shares();
    }

    /** Units per stratum and arm: {@code counts()[s][k]} for stratum s and arm k (a copy). */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            copy[s] = counts[s].clone();
        }
        return copy;
    }

    /** Units assigned to each arm over all strata. */
    public long[] armTotals() {
        long[] totals = new long[design.arms().size()];
        for (long[] row : counts) {
            for (int k = 0; k < row.length; k++) {
                totals[k] += row[k];
            }
        }
        return totals;
    }

    /** Units in the table. */
    public int size() {
        return arm.length;
    }

    /**
     * The largest gap, in units, between an arm's count in a stratum and its target {@code n_s·share_k}; below 1
     * by construction.
     */
    public double maxDeviation() {
        double[] shares = design.shares();
        double max = 0;
        for (long[] row : counts) {
            long n = 0;
            for (long c : row) {
                n += c;
            }
            for (int k = 0; k < row.length; k++) {
                max = Math.max(max, Math.abs(row[k] - n * shares[k]));
            }
        }
        return max;
    }

    /**
     * The largest gap between an arm's share of a stratum and its target share, {@code |count/n_s − share_k|}; at
     * most 1/n_s by construction.
     */
    public double maxShareDeviation() {
        double[] shares = design.shares();
        double max = 0;
        for (long[] row : counts) {
            long n = 0;
            for (long c : row) {
                n += c;
            }
            for (int k = 0; k < row.length; k++) {
                max = Math.max(max, Math.abs(row[k] / (double) n - shares[k]));
            }
        }
        return max;
    }

    /**
     * Covariate balance across the arms of this assignment; see {@link BalanceTable}. Covariates must be number or
     * boolean columns of the randomized units.
     */
    public BalanceTable balance(String... covariates) {
        return BalanceTable.of(data, design.treatmentColumn(), design.arms(), covariates);
    }

    private String stratumHeader(int s) {
        return design.strata().map(column -> column + "=" + strataLabels.get(s)).orElse("units");
    }

    private String title() {
        return "Assignment — design \"" + design.name() + "\": " + Fmt.count(arm.length) + " units, "
                + design.arms().size() + " arms × " + strataLabels.size() + (strataLabels.size() == 1 ? " stratum" : " strata")
                + design.strata().map(column -> " (" + column + ")").orElse("") + ", seed " + design.seed();
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(List.of("arm", "share"));
        for (int s = 0; s < strataLabels.size(); s++) {
            header.add(stratumHeader(s));
        }
        if (strataLabels.size() > 1) {
            header.add("total");
        }
        return header;
    }

    private List<List<String>> rows() {
        double[] shares = design.shares();
        long[] totals = armTotals();
        List<List<String>> rows = new ArrayList<>();
        for (Arm a : design.arms().all()) {
            List<String> row = new ArrayList<>(List.of(a.name(), Fmt.pp(shares[a.index()], 2) + "%"));
            for (long[] stratumCounts : counts) {
                row.add(Fmt.count(stratumCounts[a.index()]));
            }
            if (strataLabels.size() > 1) {
                row.add(Fmt.count(totals[a.index()]));
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("total", "100.00%"));
        for (long[] stratumCounts : counts) {
            long n = 0;
            for (long c : stratumCounts) {
                n += c;
            }
            total.add(Fmt.count(n));
        }
        if (strataLabels.size() > 1) {
            total.add(Fmt.count(arm.length));
        }
        rows.add(total);
        return rows;
    }

    private List<String> notes() {
        return List.of(
                "Max deviation from the target counts n_s·share: " + Fmt.fixed(maxDeviation(), 2)
                        + " units (complete randomization keeps it below 1); largest share gap "
                        + Fmt.pp(maxShareDeviation(), 3) + " pp.",
                "Treatment column \"" + design.treatmentColumn() + "\" added to data() (0 = " + design.control().name()
                        + "); propensities() = the shares.");
    }

    private Report report() {
        return new Report(title(), header(), rows(), notes());
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
     * The counts: one row per arm with its index, name and share, one count column per stratum (named
     * "column=value", or "units" without strata) and, with more than one stratum, the total.
     */
    @Override
    public Table table() {
        double[] shares = design.shares();
        long[] totals = armTotals();
        Table table = Table.create("assignment " + design.name(),
                IntColumn.create("arm_index"), StringColumn.create("arm"), DoubleColumn.create("share"));
        for (Arm a : design.arms().all()) {
            table.intColumn("arm_index").append(a.index());
            table.stringColumn("arm").append(a.name());
            table.doubleColumn("share").append(shares[a.index()]);
        }
        for (int s = 0; s < counts.length; s++) {
            table.addColumns(LongColumn.create(stratumHeader(s), counts[s]));
        }
        if (strataLabels.size() > 1) {
            table.addColumns(LongColumn.create("total", totals));
        }
        return table;
    }
}
