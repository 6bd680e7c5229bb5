package dev.tailor.policy;

import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A treatment rule: the arm (0 = control, 1..K = treatments) that each row of an evaluation table gets.
 *
 * <p>Two kinds exist. Rules that apply to any number of rows ({@link #always(Arm)}, {@link #random(Arms, long)})
 * and rules computed elsewhere for a fixed set of rows ({@link #fromAssignments(int[], String)},
 * {@link #argmax(String, double[][])}, {@link #topShare}, {@link #threshold}), whose row i is row i of the table
 * they are evaluated on. Immutable; prints the share of rows per arm.
 *
 * <pre>{@code
 * Policy best = Policy.always(arms.get("TR"));
 * Policy nn = Policy.argmax("kNN best arm", knn.predict(phase2).cate()).withArms(arms);
 * Policy top = Policy.topShare("top 30% by τ̂", score, 0.30, arms.get("T"));
 * }</pre>
 */
public final class Policy implements Rendered {

    private enum Kind { CONSTANT, FIXED, RANDOM }

    private final Kind kind;
    private final String name;
    private final String rule;
    private final int constant;      // CONSTANT
    private final int[] assignments; // FIXED
    private final int treatments;    // RANDOM: uniform over 1..treatments
    private final long seed;         // RANDOM
    private final Optional<Arms> arms;

    private Policy(Kind kind, String name, String rule, int constant, int[] assignments, int treatments, long seed,
            Optional<Arms> arms) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A policy needs a non-blank name, e.g. \"kNN best arm\".");
        }
        this.kind = kind;
        this.name = name;
        this.rule = rule;
        this.constant = constant;
        this.assignments = assignments;
        this.treatments = treatments;
        this.seed = seed;
        this.arms = arms;
        arms.ifPresent(this::check);
    }

    /** Everyone gets {@code arm}, e.g. the best arm overall or the control (nobody treated). */
    public static Policy always(Arm arm) {
        return new Policy(Kind.CONSTANT, "always " + arm.name(), "everyone gets " + arm.name(), arm.index(), null, 0, 0,
                Optional.empty());
    }

    /** A rule computed elsewhere: row i gets arm {@code arms[i]} (0 = control). */
    public static Policy fromAssignments(int[] arms, String name) {
        for (int i = 0; i < arms.length; i++) {
            if (arms[i] < 0) {
                throw new IllegalArgumentException("Policy \"" + name + "\" assigns arm " + arms[i] + " to row " + i
                        + "; arms are indices 0..K with 0 = control.");
            }
        }
        return new Policy(Kind.FIXED, name, "assignments computed elsewhere", 0, arms.clone(), 0, 0, Optional.empty());
    }

    /**
     * The treatment with the largest estimated effect for each row: {@code cate} is n × K, column k − 1 holding
     * τ̂_k for arm k; ties go to the lowest index. Control is never chosen.
     */
    public static Policy argmax(String name, double[][] cate) {
        int[] best = new int[cate.length];
        for (int i = 0; i < cate.length; i++) {
            if (cate[i].length == 0) {
                throw new IllegalArgumentException("Row " + i + " of the CATE matrix for \"" + name + "\" has no columns; expected"
                        + " one per treatment arm 1..K.");
            }
            if (cate[i].length != cate[0].length) {
                throw new IllegalArgumentException("Row " + i + " of the CATE matrix for \"" + name + "\" has " + cate[i].length
                        + " columns but row 0 has " + cate[0].length + "; expected n × K.");
            }
            int arg = 0;
            for (int k = 0; k < cate[i].length; k++) {
                if (Double.isNaN(cate[i][k])) {
                    throw new IllegalArgumentException("The CATE of arm " + (k + 1) + " in row " + i + " for \"" + name
                            + "\" is NaN; the argmax would be arbitrary. Fix the estimates first.");
                }
                if (cate[i][k] > cate[i][arg]) {
                    arg = k;
                }
            }
            best[i] = arg + 1;
        }
        return new Policy(Kind.FIXED, name, "argmax over " + (cate.length == 0 ? 0 : cate[0].length)
                + " treatments of a CATE matrix, ties to the lowest index", 0, best, 0, 0, Optional.empty());
    }

    /**
     * Each row gets one of the treatments 1..K uniformly at random (never control): the no-personalization
     * benchmark. Row i's draw depends only on the seed and i, so the rule is the same on every evaluation.
     */
    public static Policy random(Arms arms, long seed) {
        return new Policy(Kind.RANDOM, "random treatment", "uniform over the " + (arms.size() - 1) + " treatments, seed "
                + seed, 0, null, arms.size() - 1, seed, Optional.of(arms));
    }

    /**
     * Treat the share {@code q} of rows with the highest score with {@code arm} and give the rest control:
     * round(q·n) rows, ties in score to the lower row index.
     */
    public static Policy topShare(String name, double[] score, double q, Arm arm) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("The treated share q must be in [0, 1], got " + q + ".");
        }
        checkScores(name, score);
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int treated = (int) Math.round(q * n);
        int[] assigned = new int[n];
        for (int r = 0; r < treated; r++) {
            assigned[order[r]] = arm.index();
        }
        return new Policy(Kind.FIXED, name, arm.name() + " for the top " + Fmt.fixed(100 * q, 1) + "% by score ("
                + Fmt.count(treated) + " of " + Fmt.count(n) + ")", 0, assigned, 0, 0, Optional.empty());
    }

    /** Treat with {@code arm} every row whose score exceeds {@code cost} (e.g. τ̂ above a message cost), else control. */
    public static Policy threshold(String name, double[] score, double cost, Arm arm) {
        checkScores(name, score);
        int[] assigned = new int[score.length];
        for (int i = 0; i < score.length; i++) {
            assigned[i] = score[i] > cost ? arm.index() : 0;
        }
        return new Policy(Kind.FIXED, name, arm.name() + " if score > " + cost, 0, assigned, 0, 0, Optional.empty());
    }

    private static void checkScores(String name, double[] score) {
        for (int i = 0; i < score.length; i++) {
            if (Double.isNaN(score[i])) {
                throw new IllegalArgumentException("The score of row " + i + " for policy \"" + name + "\" is NaN; a NaN score"
                        + " cannot be ranked. Fix or drop that row first.");
            }
        }
    }

    /** The same rule with arm names, for display; fails if the rule uses an arm outside the catalog. */
    public Policy withArms(Arms names) {
        return new Policy(kind, name, rule, constant, assignments, treatments, seed, Optional.of(names));
    }

    /** The same rule under another name. */
    public Policy named(String newName) {
        return new Policy(kind, newName, rule, constant, assignments, treatments, seed, arms);
    }

    private void check(Arms names) {
        int max = switch (kind) {
            case CONSTANT -> constant;
            case FIXED -> Arrays.stream(assignments).max().orElse(0);
            case RANDOM -> treatments;
        };
        if (max >= names.size()) {
            throw new IllegalArgumentException("Policy \"" + name + "\" uses arm index " + max + " but the catalog has "
                    + names.size() + " arms (0.." + (names.size() - 1) + "): " + names.names() + ".");
        }
    }

    public String name() {
        return name;
    }

    /** How the rule assigns arms, in words. */
    public String rule() {
        return rule;
    }

    public Optional<Arms> arms() {
        return arms;
    }

    /** The number of rows the rule was computed for, or empty if it applies to any number of rows. */
    public OptionalInt rows() {
        return kind == Kind.FIXED ? OptionalInt.of(assignments.length) : OptionalInt.empty();
    }

    /** The arm of every row of an n-row table; a rule computed for other rows fails with both row counts. */
    public int[] assign(int n) {
        return switch (kind) {
            case CONSTANT -> {
                int[] out = new int[n];
                Arrays.fill(out, constant);
                yield out;
            }
            case FIXED -> {
                if (assignments.length != n) {
                    throw new IllegalArgumentException("Policy \"" + name + "\" was computed for " + Fmt.count(assignments.length)
                            + " rows but the evaluation data have " + Fmt.count(n) + ". Compute the rule on the evaluation rows,"
                            + " in the same order.");
                }
                yield assignments.clone();
            }
            case RANDOM -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = 1 + new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1))).nextInt(treatments);
                }
                yield out;
            }
        };
    }

    /** The arm of every row of the table (see {@link #assign(int)}). */
    public int[] assign(Table table) {
        return assign(table.rowCount());
    }

    /**
     * Share of rows per arm index 0..armCount−1: exact for a rule with its own rows, the expected share for
     * {@link #random} and 1 on one arm for {@link #always}.
     */
    public double[] shares(int armCount) {
        double[] shares = new double[armCount];
        switch (kind) {
            case CONSTANT -> shares[constant] = 1;
            case RANDOM -> {
                for (int k = 1; k <= treatments; k++) {
                    shares[k] = 1.0 / treatments;
                }
            }
            case FIXED -> {
                for (int a : assignments) {
                    shares[a] += 1.0 / assignments.length;
                }
            }
        }
        return shares;
    }

    private int armCount() {
        return arms.map(Arms::size).orElseGet(() -> switch (kind) {
            case CONSTANT -> constant + 1;
            case FIXED -> Arrays.stream(assignments).max().orElse(0) + 1;
            case RANDOM -> treatments + 1;
        });
    }

    private String armName(int index) {
        return arms.map(a -> a.get(index).name()).orElse(index == 0 ? "control (0)" : "arm " + index);
    }

    private List<List<String>> shareRows() {
        double[] shares = shares(armCount());
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < shares.length; a++) {
            if (shares[a] > 0 || arms.isPresent()) {
                rows.add(List.of(armName(a), Fmt.fixed(100 * shares[a], 1) + "%"));
            }
        }
        return rows;
    }

    private String title() {
        String size = kind == Kind.FIXED ? Fmt.count(assignments.length) + " rows" : kind == Kind.RANDOM ? "expected shares"
                : "any rows";
        return "Policy \"" + name + "\": " + rule + " (" + size + ")";
    }

    /** One row per arm: its name and the share of rows it gets. */
    @Override
    public Table table() {
        double[] shares = shares(armCount());
        StringColumn arm = StringColumn.create("arm");
        IntColumn index = IntColumn.create("index");
        DoubleColumn share = DoubleColumn.create("share");
        for (int a = 0; a < shares.length; a++) {
            arm.append(armName(a));
            index.append(a);
            share.append(shares[a]);
        }
        return Table.create(title(), index, arm, share);
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader("arm", "share");
        for (List<String> row : shareRows()) {
            text.row(row.toArray(String[]::new));
        }
        return title() + "\n" + text;
    }

    @Override
    public String toHtml() {
        return Html.table(title(), List.of("arm", "share"), shareRows(), List.of());
    }
}
