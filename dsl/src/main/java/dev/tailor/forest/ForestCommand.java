package dev.tailor.forest;

import dev.tailor.forest.internal.Aipw;
import dev.tailor.forest.internal.CausalEngine;
import dev.tailor.forest.internal.ForestOptions;
import dev.tailor.forest.internal.ForestTrainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code tailor forest} command: a causal forest on a CSV file.
 *
 * <pre>
 * tailor forest --csv data.csv --outcome Y --treatment W [--propensity e | --propensity e1,e2,...]
 *               [--covariates X1,X2,...] [--trees 2000] [--seed 1] [--threads N] --out cate.csv
 * </pre>
 *
 * <p>W is 0 for control and 1..K for the arms; every value 0..K needs rows. {@code --propensity} names the columns
 * of the known assignment probabilities of arms 1..K per row (control gets 1 − their sum); without it they are
 * estimated by forests. Covariates default to every other column. The output has, per input row and in input order,
 * {@code cate_k} and {@code variance_k} for each arm k (out of bag). The command prints the AIPW average effect of
 * each arm with its standard error, and the fit and predict seconds.
 *
 * <p>Bad input (a missing column, a non-numeric or empty cell, NaN, a treatment value that is not an integer in
 * 0..K or that has no rows) gives one error line on {@code err} and exit code 1; a usage error gives exit code 2.
 */
public final class ForestCommand {

    static final String USAGE = "Usage: tailor forest --csv DATA.csv --outcome Y --treatment W [--propensity E1,...] "
            + "[--covariates X1,X2,...] [--trees 2000] [--seed 1] [--threads N] --out CATE.csv";

    private ForestCommand() {
    }

    /** Runs the command; returns the exit code (0 ok, 1 bad data, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tailor forest: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return execute(options, out);
        } catch (BadInput | IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("tailor forest: " + e.getMessage());
            return 1;
        }
    }

    private static final List<String> KNOWN = List.of("--csv", "--outcome", "--treatment", "--propensity",
            "--covariates", "--trees", "--seed", "--threads", "--out");

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option \"" + name + "\".");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value.");
            }
            options.put(name, args[++i]);
        }
        for (String required : List.of("--csv", "--outcome", "--treatment", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required + ".");
            }
        }
        return options;
    }

    private static int execute(Map<String, String> options, PrintStream out) throws IOException {
        int trees = positive(options.getOrDefault("--trees", "2000"), "--trees");
        long seed = parseLong(options.getOrDefault("--seed", "1"), "--seed");
        int threads = positive(options.getOrDefault("--threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())), "--threads");
        Path csv = Path.of(options.get("--csv"));
        Csv data = Csv.read(csv);
        String outcomeName = options.get("--outcome");
        String treatmentName = options.get("--treatment");
        List<String> propensityNames = options.containsKey("--propensity") ? names(options.get("--propensity"))
                : List.of();
        List<String> covariateNames;
        if (options.containsKey("--covariates")) {
            covariateNames = names(options.get("--covariates"));
        } else {
            covariateNames = new ArrayList<>(data.header());
            covariateNames.remove(outcomeName);
            covariateNames.remove(treatmentName);
            covariateNames.removeAll(propensityNames);
        }
        if (covariateNames.isEmpty()) {
            throw new BadInput("no covariates: " + csv + " has no column besides the outcome, treatment and propensities.");
        }
        double[] y = data.numeric(outcomeName);
        double[] treatment = data.numeric(treatmentName);
        int n = y.length;
        int[] w = new int[n];
        int arms = 0;
        for (int i = 0; i < n; i++) {
            double value = treatment[i];
            if (value < 0 || value != Math.rint(value) || value > 1_000) {
                throw new BadInput("treatment \"" + treatmentName + "\" must be 0 (control) or an arm 1..K, got "
                        + Csv.format(value) + " on line " + data.line(i) + ".");
            }
            w[i] = (int) value;
            arms = Math.max(arms, w[i]);
        }
        if (arms == 0) {
            throw new BadInput("treatment \"" + treatmentName + "\" is 0 on every row; a causal forest needs treated rows.");
        }
        long[] counts = new long[arms + 1];
        for (int value : w) {
            counts[value]++;
        }
        for (int k = 0; k <= arms; k++) {
            if (counts[k] == 0) {
                throw new BadInput("treatment value " + k + " has no rows, but values go up to " + arms
                        + "; arms must be numbered 0 (control), 1, ..., K without gaps.");
            }
        }
        double[][] x = new double[covariateNames.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = data.numeric(covariateNames.get(j));
        }
        double[][] propensities = null;
        if (!propensityNames.isEmpty()) {
            if (propensityNames.size() != arms) {
                throw new BadInput("--propensity names " + propensityNames.size() + " column(s) but the treatment has "
                        + arms + " arm(s) besides control; give one column per arm 1.." + arms + ".");
            }
            double[][] columns = new double[arms][];
            for (int k = 0; k < arms; k++) {
                columns[k] = data.numeric(propensityNames.get(k));
            }
            propensities = new double[n][arms + 1];
            for (int i = 0; i < n; i++) {
                double control = 1;
                for (int k = 1; k <= arms; k++) {
                    double e = columns[k - 1][i];
                    if (!(e > 0 && e < 1)) {
                        throw new BadInput("propensity \"" + propensityNames.get(k - 1) + "\" must lie in (0, 1), got "
                                + Csv.format(e) + " on line " + data.line(i) + ".");
                    }
                    propensities[i][k] = e;
                    control -= e;
                }
                if (!(control > 0)) {
                    throw new BadInput("propensities of arms 1.." + arms + " sum to " + Csv.format(1 - control)
                            + " on line " + data.line(i) + "; they must sum to less than 1 (control gets the rest).");
                }
                propensities[i][0] = control;
            }
        }
        CausalForest spec = CausalForest.spec().trees(trees).seed(seed).threads(threads);
        if (n <= 2 * spec.minNodeSize()) {
            throw new BadInput(csv + " has " + n + " rows; a causal forest needs more than " + 2 * spec.minNodeSize() + ".");
        }
        ForestOptions main = spec.mainOptions();
        ForestOptions nuisance = spec.nuisanceOptions();
        CausalEngine.Result result = CausalEngine.fitWithPropensities(x, y, w, arms, propensities, main, nuisance,
                CausalEngine.Recipe.AUTO, ForestTrainer.Progress.NONE);
        double[][] tau = result.outOfBag().estimates();
        double[][] variance = result.outOfBag().variances();
        double[][] scores = Aipw.scores(y, w, result.outcomeHat(), result.propensities(), tau,
                CausalForestFit.PROPENSITY_FLOOR);
        write(Path.of(options.get("--out")), tau, variance, arms);
        out.printf(Locale.ROOT, "Causal forest: %s ~ %s | %s; n = %d, %d arm(s) vs control, %d trees, seed %d, "
                        + "propensities %s%n", outcomeName, treatmentName, String.join(", ", covariateNames), n, arms,
                trees, seed, propensities == null ? "estimated" : "given (" + String.join(", ", propensityNames) + ")");
        out.println("arm  ATE (AIPW)  se");
        for (int k = 1; k <= arms; k++) {
            double[] estimate = Aipw.meanAndStdError(scores, k - 1);
            if (estimate[2] < 2) {
                throw new BadInput("only " + (long) estimate[2] + " rows have an out-of-bag estimate; use more trees.");
            }
            out.printf(Locale.ROOT, "%-4d %10.4f  %.4f%n", k, estimate[0], estimate[1]);
        }
        out.printf(Locale.ROOT, "fit %.1f s, predict %.1f s; wrote %s (%d rows)%n", result.fitSeconds(),
                result.predictSeconds(), options.get("--out"), n);
        return 0;
    }

    private static void write(Path path, double[][] tau, double[][] variance, int arms) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int k = 1; k <= arms; k++) {
                line.append(k == 1 ? "" : ",").append("cate_").append(k).append(",variance_").append(k);
            }
            writer.write(line.toString());
            writer.newLine();
            for (int i = 0; i < tau.length; i++) {
                line.setLength(0);
                for (int k = 0; k < arms; k++) {
                    line.append(k == 0 ? "" : ",").append(Csv.format(tau[i][k])).append(',')
                            .append(Csv.format(variance[i][k]));
                }
                writer.write(line.toString());
                writer.newLine();
            }
        }
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static int positive(String value, String option) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInput(option + " must be a positive integer, got \"" + value + "\".");
    }

    private static long parseLong(String value, String option) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInput(option + " must be an integer, got \"" + value + "\".");
        }
    }

    /** A data or option problem reported as one line. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** A strict numeric CSV: a header line, then comma-separated cells; quotes around a cell are dropped. */
    record Csv(Path path, List<String> header, List<String[]> rows, List<Integer> lines) {

        static Csv read(Path path) throws IOException {
            if (!Files.isRegularFile(path)) {
                throw new BadInput("cannot read " + path + ": no such file.");
            }
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                throw new BadInput(path + " is empty; it needs a header line and data rows.");
            }
            List<String> header = Arrays.stream(split(lines.getFirst())).map(String::strip).toList();
            List<String[]> rows = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (cells.length != header.size()) {
                    throw new BadInput(path + " line " + (i + 1) + " has " + cells.length + " cells but the header has "
                            + header.size() + ".");
                }
                rows.add(cells);
                numbers.add(i + 1);
            }
            if (rows.isEmpty()) {
                throw new BadInput(path + " has a header but no data rows.");
            }
            return new Csv(path, header, rows, numbers);
        }

        private static String[] split(String line) {
            String[] cells = line.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].strip();
                if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                    cell = cell.substring(1, cell.length() - 1);
                }
                cells[c] = cell;
            }
            return cells;
        }

        /** The file's line number of data row i. */
        int line(int i) {
            return lines.get(i);
        }

        /** The named column as numbers; empty cells, text and NaN are errors naming the line. */
        double[] numeric(String name) {
            int column = header.indexOf(name);
            if (column < 0) {
                throw new BadInput("no column \"" + name + "\" in " + path + "; its columns are "
                        + String.join(", ", header) + ".");
            }
            double[] values = new double[rows.size()];
            for (int i = 0; i < values.length; i++) {
                String cell = rows.get(i)[column];
                double value;
                try {
                    value = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new BadInput("column \"" + name + "\" line " + line(i) + ": "
                            + (cell.isEmpty() ? "empty cell" : "\"" + cell + "\" is not a number") + ".");
                }
                if (!Double.isFinite(value)) {
                    throw new BadInput("column \"" + name + "\" line " + line(i) + ": " + cell
                            + " is not a finite number.");
                }
                values[i] = value;
            }
            return values;
        }

        static String format(double value) {
            return Double.isNaN(value) ? "NaN" : Double.toString(value);
        }
    }
}
