package dev.tailor.policy.tree;

import dev.tailor.render.Fmt;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The {@code tailor policy-tree} command: reads covariates and a reward matrix from CSV files, fits an exact
 * policy tree, writes the chosen action of every row and prints the total reward and the tree.
 *
 * <pre>
 * policy-tree --covariates X.csv --scores G.csv --depth 2 [--split-step 100] [--min-node-size 1]
 *             [--features a,b] [--threads 1] --out actions.csv
 * </pre>
 *
 * Every column of X.csv is a feature unless {@code --features} names some; every column of G.csv is an action's
 * reward, in file order. The output has a header {@code action_index,action} and one line per input row. Exit code
 * 0 on success, 1 for bad data or files (one line on stderr), 2 for a usage error.
 */
public final class PolicyTreeCommand {

    static final String USAGE = "Usage: tailor policy-tree --covariates X.csv --scores G.csv --depth 1..3 "
            + "[--split-step N] [--min-node-size N] [--features a,b,...] [--threads N] --out ACTIONS.csv";

    /** Runs the command; returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        PolicyTree spec;
        try {
            options = parse(args);
            spec = PolicyTree.spec().depth(integer(options, "--depth", 2)).splitStep(integer(options, "--split-step", 1))
                    .minNodeSize(integer(options, "--min-node-size", 1)).threads(integer(options, "--threads", 1));
            if (options.containsKey("--features")) {
                spec = spec.features(options.get("--features").split(","));
            }
        } catch (IllegalArgumentException e) {
            err.println("tailor policy-tree: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Table covariates = readNumbers(Path.of(options.get("--covariates")));
            Table scores = readNumbers(Path.of(options.get("--scores")));
            RewardMatrix rewards = RewardMatrix.from(scores);
            PolicyTreeFit fit = spec.fit(covariates, rewards);
            int[] actions = fit.predict(covariates);
            StringBuilder csv = new StringBuilder("action_index,action\n");
            for (int a : actions) {
                csv.append(a).append(',').append(quote(rewards.actions().get(a))).append('\n');
            }
            Path target = Path.of(options.get("--out"));
            try {
                Files.writeString(target, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + target + ": " + e.getMessage());
            }
            out.println("Total reward " + PolicyTreeFit.number(fit.reward()) + " over " + Fmt.count(fit.n())
                    + " rows (mean " + PolicyTreeFit.number(fit.meanReward()) + "); wrote " + target);
            out.print(fit);
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("tailor policy-tree: " + e.getMessage().lines().findFirst().orElse(""));
            return 1;
        }
    }

    private static Map<String, String> parse(String[] args) {
        List<String> known = List.of("--covariates", "--scores", "--depth", "--split-step", "--min-node-size",
                "--features", "--threads", "--out");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option \"" + name + "\".");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value.");
            }
            options.put(name, args[++i]);
        }
        for (String required : List.of("--covariates", "--scores", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required.");
            }
        }
        return options;
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got \"" + value + "\".");
        }
    }

    /** Reads a CSV with a header as text, then parses every cell as a number, naming the first bad cell. */
    static Table readNumbers(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist (looked in " + file.toAbsolutePath() + ").");
        }
        Table text;
        try {
            text = Table.read().csv(CsvReadOptions.builder(file.toFile()).columnTypes(name -> ColumnType.STRING)
                    .missingValueIndicator().build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + " as CSV: " + e.getMessage());
        }
        if (text.columnCount() == 0 || text.rowCount() == 0) {
            throw new IllegalArgumentException(file + " has no data rows; expected a header line and one line per unit.");
        }
        List<DoubleColumn> columns = new ArrayList<>();
        for (String name : text.columnNames()) {
            StringColumn cells = text.stringColumn(name);
            double[] values = new double[cells.size()];
            for (int i = 0; i < values.length; i++) {
                String cell = cells.get(i).trim();
                if (cell.isEmpty()) {
                    throw new IllegalArgumentException(file + ": column \"" + name + "\", row " + (i + 1) + " (line "
                            + (i + 2) + ") is missing (empty, NA or NaN). Every cell must be a number; drop or impute that row.");
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": column \"" + name + "\", row " + (i + 1) + " (line "
                            + (i + 2) + ") holds \"" + cell + "\", which is not a number. Every cell must be numeric.");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(file + ": column \"" + name + "\", row " + (i + 1) + " (line "
                            + (i + 2) + ") is " + cell + "; values must be finite. Drop or impute that row.");
                }
                values[i] = v;
            }
            columns.add(DoubleColumn.create(name, values));
        }
        return Table.create(new File(file.toString()).getName(), columns.toArray(DoubleColumn[]::new));
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
