package dev.tailor.design;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A randomized experiment before any unit is assigned: the arms, their shares, the stratum column and the seed.
 * {@link #randomize(Table)} applies it to a table of units and returns an {@link Assignment}.
 *
 * <pre>{@code
 * Design design = Design.named("school-year phase 1")
 *         .arms(Arms.orderedPairs("T", "P", "R", "F").withControl("control"))   // 17 arms
 *         .allocation(Allocation.controlShare(0.20))                            // control 20%, pairs 5% each
 *         .stratifyBy("prior_login")
 *         .seed(20231009L)
 *         .build();
 * Assignment assignment = design.randomize(students);
 * }</pre>
 *
 * <p>Randomization is complete within each stratum: a stratum of n units puts exactly {@code floor(n·share)} or
 * one more unit in each arm (see {@link #randomize(Table)}). It is deterministic for the seed.
 */
public final class Design implements Rendered {

    /** The treatment column added by {@link #randomize(Table)} unless the builder names another. */
    public static final String DEFAULT_TREATMENT_COLUMN = "arm";

    private final String name;
    private final Arms arms;
    private final Allocation allocation;
    private final double[] shares;
    private final Optional<String> strata;
    private final long seed;
    private final String treatmentColumn;

    private Design(Builder builder, double[] shares) {
        this.name = builder.name;
        this.arms = builder.arms;
        this.allocation = builder.allocation;
        this.shares = shares;
        this.strata = builder.strata;
        this.seed = builder.seed;
        this.treatmentColumn = builder.treatmentColumn;
    }

    /** Starts a design with a readable name (shown in every report); {@code .arms(..)} comes next. */
    public static NameStage named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A design needs a non-blank name, e.g. Design.named(\"school-year phase 1\").");
        }
        return new NameStage(name);
    }

    /** The first stage: a named design still waiting for its arms. */
    public static final class NameStage {

        private final String name;

        private NameStage(String name) {
            this.name = name;
        }

        /** The arms, control first, e.g. {@code Arms.orderedPairs("T", "P", "R", "F").withControl("control")}. */
        public Builder arms(Arms arms) {
            Objects.requireNonNull(arms, "arms");
            return new Builder(name, arms, Allocation.equal(), Optional.empty(), null, DEFAULT_TREATMENT_COLUMN);
        }

        @Override
        public String toString() {
            return "Design \"" + name + "\" (not built): no arms yet — call .arms(Arms.of(...).withControl(\"control\"))";
        }
    }

    /**
     * The options of a design with arms. Every step returns a new builder, so a builder can be shared and
     * branched. Allocation defaults to equal shares, stratification to none (one stratum), the treatment column to
     * "arm"; the seed has no default.
     */
    public static final class Builder {

        private final String name;
        private final Arms arms;
        private final Allocation allocation;
        private final Optional<String> strata;
        private final Long seed;
        private final String treatmentColumn;

        private Builder(String name, Arms arms, Allocation allocation, Optional<String> strata, Long seed, String treatmentColumn) {
            this.name = name;
            this.arms = arms;
            this.allocation = allocation;
            this.strata = strata;
            this.seed = seed;
            this.treatmentColumn = treatmentColumn;
        }

        /** How units are split over the arms; checked against the arms right away. */
        public Builder allocation(Allocation allocation) {
            Objects.requireNonNull(allocation, "allocation");
            allocation.sharesFor(arms);
            return new Builder(name, arms, allocation, strata, seed, treatmentColumn);
        }

        /**
         * Randomize separately within each level of this column (any type: booleans, codes, text), so every arm
         * gets its share of every stratum. Missing values in the column are an error at {@code randomize}.
         */
        public Builder stratifyBy(String column) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("The stratum column name must not be blank; leave out .stratifyBy(..) for no strata.");
            }
            return new Builder(name, arms, allocation, Optional.of(column), seed, treatmentColumn);
        }

        /** The seed of every random draw; the same seed and units give the same assignment. */
        public Builder seed(long seed) {
            return new Builder(name, arms, allocation, strata, seed, treatmentColumn);
        }

        /** The name of the column of arm indices (0 = control) that randomization adds; "arm" by default. */
        public Builder treatmentColumn(String column) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("The treatment column name must not be blank; the default is \""
                        + DEFAULT_TREATMENT_COLUMN + "\".");
            }
            return new Builder(name, arms, allocation, strata, seed, column);
        }

        /** The immutable design. Fails without a seed. */
        public Design build() {
            if (seed == null) {
                throw new IllegalArgumentException("Design \"" + name + "\" has no seed. Call .seed(..) before .build(),"
                        + " e.g. .seed(20231009L), so the assignment can be reproduced.");
            }
            return new Design(this, allocation.sharesFor(arms));
        }

        /** A hint for the notebook: e.g. {@code Design (not built): 17 arms, stratified by prior_login — call .build()}. */
        @Override
        public String toString() {
            return "Design (not built): " + arms.size() + " arms, "
                    + strata.map(column -> "stratified by " + column).orElse("no strata")
                    + (seed == null ? ", no seed yet — call .seed(..) and .build()" : " — call .build()");
        }
    }

    /**
     * Assigns every row of {@code units} to an arm, by complete randomization within each stratum, and returns the
     * assignment with a copy of the table that has the treatment column added.
     *
     * <p>In a stratum of n units arm k gets exactly {@code floor(n·share_k)} or one more unit; the left-over units
     * go to arms drawn with probability equal to their fractional parts (randomized systematic sampling over a
     * random order of the arms), so every unit's probability of arm k is exactly share_k. A random permutation then
     * decides which units get which arm. Stratum s (strata in the sorted order of their labels) draws from its own
     * {@link SplittableRandom} derived from (seed, s); the result depends on nothing but the seed and the table.
     *
     * @throws DataException if the table is empty, lacks the stratum column, has a missing stratum value, or
     *                       already has the treatment column
     */
    public Assignment randomize(Table units) {
        Objects.requireNonNull(units, "units");
        int n = units.rowCount();
        if (n == 0) {
            throw new DataException("Table \"" + units.name() + "\" has no rows; design \"" + name
                    + "\" needs at least one unit to randomize. Check the filter that produced it.");
        }
        if (units.containsColumn(treatmentColumn)) {
            throw new DataException("Table \"" + units.name() + "\" already has a column \"" + treatmentColumn
                    + "\"; randomizing would overwrite it. Drop it first, or name the new column with"
                    + " .treatmentColumn(\"" + treatmentColumn + "_2\") on the design builder.");
        }
        int[] stratum;
        List<String> labels;
        if (strata.isPresent()) {
            Columns.Groups groups = Columns.groups(units, strata.get(), "the stratum column of design \"" + name + "\"");
            stratum = groups.codes();
            labels = groups.labels();
        } else {
            stratum = new int[n];
            labels = List.of("all");
        }

        // Rows of each stratum, in table order.
        int[] size = new int[labels.size()];
        for (int s : stratum) {
            size[s]++;
        }
        int[][] rows = new int[labels.size()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = new int[size[s]];
        }
        int[] filled = new int[labels.size()];
        for (int i = 0; i < n; i++) {
            rows[stratum[i]][filled[stratum[i]]++] = i;
        }

        // Exact counts, then a permutation, per stratum and per stream.
        int[] arm = new int[n];
        long[][] counts = new long[labels.size()][];
        for (int s = 0; s < rows.length; s++) {
            SplittableRandom random = CompleteRandomization.stream(seed, s);
            int[] stratumCounts = CompleteRandomization.counts(rows[s].length, shares, random);
            int[] assigned = CompleteRandomization.assign(stratumCounts, random);
            for (int i = 0; i < assigned.length; i++) {
                arm[rows[s][i]] = assigned[i];
            }
            counts[s] = new long[shares.length];
            for (int k = 0; k < shares.length; k++) {
                counts[s][k] = stratumCounts[k];
            }
        }

        Table data = units.copy();
        data.addColumns(IntColumn.create(treatmentColumn, arm));
        return new Assignment(this, data, arm, stratum, labels, counts);
    }

    public String name() {
        return name;
    }

    public Arms arms() {
        return arms;
    }

    /** The arm with this name; the error lists the arms. */
    public Arm arm(String armName) {
        return arms.get(armName);
    }

    public Arm control() {
        return arms.control();
    }

    public Allocation allocation() {
        return allocation;
    }

    /** The share of each arm, control first, summing to 1 (a copy). */
    public double[] shares() {
        return shares.clone();
    }

    /** The stratum column, if the design is stratified. */
    public Optional<String> strata() {
        return strata;
    }

    public long seed() {
        return seed;
    }

    /** The column of arm indices (0 = control) that {@link #randomize(Table)} adds. */
    public String treatmentColumn() {
        return treatmentColumn;
    }

    /** Two designs are equal when they would assign the same units identically: same arms, shares, strata, seed, column and name. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Design that && name.equals(that.name) && arms.equals(that.arms)
                && allocation.equals(that.allocation) && strata.equals(that.strata) && seed == that.seed
                && treatmentColumn.equals(that.treatmentColumn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, arms, allocation, strata, seed, treatmentColumn);
    }

    String title() {
        return "Design \"" + name + "\": " + arms.size() + " arms, "
                + strata.map(column -> "stratified by " + column).orElse("no strata") + ", seed " + seed;
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Allocation: " + allocation + " (" + allocation.describe() + ").");
        notes.add("Complete randomization " + strata.map(column -> "within each level of " + column).orElse("over all units")
                + "; adds column \"" + treatmentColumn + "\" (0 = " + arms.control().name() + ").");
        return notes;
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Arm arm : arms.all()) {
            rows.add(List.of(arm.name(), Integer.toString(arm.index()), Fmt.pp(shares[arm.index()], 2) + "%"));
        }
        return rows;
    }

    private static final List<String> HEADER = List.of("arm", "index", "share");

    private Report report() {
        return new Report(title(), HEADER, rows(), notes());
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per arm: index, name, share. */
    @Override
    public Table table() {
        IntColumn index = IntColumn.create("arm_index");
        StringColumn armName = StringColumn.create("arm");
        DoubleColumn share = DoubleColumn.create("share");
        for (Arm arm : arms.all()) {
            index.append(arm.index());
            armName.append(arm.name());
            share.append(shares[arm.index()]);
        }
        return Table.create("design " + name, index, armName, share);
    }
}
