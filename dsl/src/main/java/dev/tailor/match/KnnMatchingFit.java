package dev.tailor.match;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.data.Roles;
import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.policy.Policy;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * A fitted {@link KnnMatching} model: one exact KD-tree per arm over the standardized training covariates, and
 * the leave-one-out estimates of every training row. Immutable; safe to predict from several threads.
 *
 * <p>Prints as a per-arm summary of the training CATEs; {@link #table()} is that summary as a table and
 * {@link #training()} holds the row-level estimates.
 */
public final class KnnMatchingFit implements Rendered {

    private static final int CHUNK = 256;

    private final KnnMatchingSpec spec;
    private final int k;
    private final KnnCrossValidation crossValidation;   // null when k was fixed
    private final Roles roles;
    private final String tableName;
    private final Arms arms;
    private final long[] armCounts;
    private final List<String> used;      // covariates that enter the distance
    private final List<String> dropped;   // constant covariates left out
    private final double[] center;        // per used covariate
    private final double[] scale;
    private final int p;
    private final double[] y;
    private final double[] x;             // standardized training covariates, row-major n × p
    private final NeighbourIndex[] trees;
    private final NeighbourSearch searchUsed;
    private final KnnPrediction training;
    private final List<String> notes;

    private KnnMatchingFit(KnnMatchingSpec spec, Roles roles, Table table) {
        this.spec = spec;
        this.roles = roles;
        this.tableName = table.name();
        this.y = Columns.numeric(table, roles.outcome(), "the outcome");
        this.arms = roles.arms().orElseGet(() -> inferArms(table, roles.treatment()));
        int[] w = Columns.treatment(table, roles.treatment(), arms);
        int n = y.length;

        armCounts = new long[arms.size()];
        for (int a : w) {
            armCounts[a]++;
        }
        List<String> notes = new ArrayList<>();
        if (spec.kSelection() instanceof KSelection.Fixed fixed) {
            checkArmSizes(fixed.k(), notes);
        }

        // Covariates: named, distinct, numeric, complete; constant ones are dropped.
        List<String> names = roles.covariates();
        if (names.isEmpty()) {
            throw new DataException("kNN matching needs covariates to measure distance, but Roles.covariates() is empty. Name"
                    + " them, e.g. roles.covariates(\"grade\", \"math_z\", \"prior_weeks\").");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new DataException("Covariate \"" + name + "\" is listed twice in Roles.covariates(" + names + "). List each"
                        + " column once.");
            }
            if (name.equals(roles.outcome()) || name.equals(roles.treatment())) {
                throw new DataException("Covariate \"" + name + "\" is the " + (name.equals(roles.outcome()) ? "outcome" : "treatment")
                        + " column. Remove it from Roles.covariates(...): matching on it is not matching on baseline covariates.");
            }
        }
        List<String> kept = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<Double> centers = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (String name : names) {
            double[] values = Columns.numeric(table, name, "a covariate");
            double mean = 0;
            for (double v : values) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            boolean varies = false;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
                varies |= v != values[0];
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            if (!varies || !(sd > 0)) {
                constant.add(name);
                continue;
            }
            kept.add(name);
            columns.add(values);
            boolean z = spec.standardization() == Standardization.Z_SCORE;
            centers.add(z ? mean : 0.0);
            scales.add(z ? sd : 1.0);
        }
        if (kept.isEmpty()) {
            throw new DataException("Every covariate is constant in table \"" + tableName + "\" (" + String.join(", ", constant)
                    + "), so no distance can tell units apart. Add covariates that vary.");
        }
        if (!constant.isEmpty()) {
            notes.add("Dropped constant covariate" + (constant.size() == 1 ? " " : "s ") + String.join(", ", constant)
                    + ": no variation in " + Fmt.count(n) + " rows, so " + (constant.size() == 1 ? "it" : "they")
                    + " cannot separate units.");
        }
        if (spec.kSelection() instanceof KSelection.CrossValidated cv) {
            this.crossValidation = KnnCrossValidation.run(cv, columns, kept, y, w, arms, spec, tableName);
            this.k = crossValidation.chosenK();
            checkArmSizes(k, notes);
        } else {
            this.crossValidation = null;
            this.k = ((KSelection.Fixed) spec.kSelection()).k();
        }
        this.used = List.copyOf(kept);
        this.dropped = List.copyOf(constant);
        this.p = kept.size();
        this.center = centers.stream().mapToDouble(Double::doubleValue).toArray();
        this.scale = scales.stream().mapToDouble(Double::doubleValue).toArray();
        double[] x = new double[n * p];
        this.x = x;
        for (int j = 0; j < p; j++) {
            double[] values = columns.get(j);
            for (int i = 0; i < n; i++) {
                x[i * p + j] = standardize(values[i], j);
            }
        }

        // One tree per arm, over that arm's rows in increasing row order.
        boolean tree = spec.search() == NeighbourSearch.KD_TREE || (spec.search() == NeighbourSearch.AUTO && p <= 4);
        searchUsed = tree ? NeighbourSearch.KD_TREE : NeighbourSearch.SCAN;
        trees = new NeighbourIndex[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            int[] subset = new int[(int) armCounts[a]];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] == a) {
                    subset[t++] = i;
                }
            }
            trees[a] = tree ? new KdTree(x, p, subset) : new ScanIndex(x, p, subset);
        }
        this.notes = List.copyOf(notes);
        this.training = estimate(x, n, true, "kNN leave-one-out estimates for the " + Fmt.count(n) + " training rows of \""
                + tableName + "\" (k = " + k + ")");
    }

    private void checkArmSizes(int k, List<String> notes) {
        for (int a = 0; a < arms.size(); a++) {
            if (armCounts[a] < k) {
                throw new DataException("k = " + k + " is larger than arm \"" + arms.get(a).name() + "\" (index " + a
                        + "), which has " + Fmt.count(armCounts[a]) + (armCounts[a] == 1 ? " unit" : " units") + " in table \""
                        + tableName + "\"; every arm needs at least k units. Use KnnMatching.spec().k(" + smallest() + ") or less,"
                        + " or drop the arm.");
            }
            if (armCounts[a] == k) {
                notes.add("Arm \"" + arms.get(a).name() + "\" has exactly k = " + k + " units, so leave-one-out estimates"
                        + " for its own units use the other " + (k - 1) + ".");
            }
        }
    }

    static KnnMatchingFit fit(KnnMatchingSpec spec, Table table, Roles roles) {
        return new KnnMatchingFit(spec, roles, table);
    }

    private long smallest() {
        long min = Long.MAX_VALUE;
        for (long c : armCounts) {
            min = Math.min(min, c);
        }
        return min;
    }

    private double standardize(double value, int j) {
        return (value - center[j]) / scale[j];
    }

    /** The specification this model was fitted with. */
    public KnnMatchingSpec spec() {
        return spec;
    }

    /** Neighbours per arm: the fixed k of the spec, or the one cross-validation chose. */
    public int k() {
        return k;
    }

    /** The cross-validation curve behind k, when the spec asked for {@link KnnMatchingSpec#kByCrossValidation}. */
    public Optional<KnnCrossValidation> crossValidation() {
        return Optional.ofNullable(crossValidation);
    }

    public Roles roles() {
        return roles;
    }

    public Arms arms() {
        return arms;
    }

    /** Training rows. */
    public int n() {
        return y.length;
    }

    /** Training units per arm, control first. */
    public long[] armCounts() {
        return armCounts.clone();
    }

    /** Covariates that enter the distance, in the order of the roles. */
    public List<String> covariates() {
        return used;
    }

    /** Covariates left out because they are constant in the training data. */
    public List<String> droppedCovariates() {
        return dropped;
    }

    /** The exact search actually used: {@link NeighbourSearch#KD_TREE} or {@link NeighbourSearch#SCAN}. */
    public NeighbourSearch search() {
        return searchUsed;
    }

    /** Diagnostics of the fit (dropped covariates, arms with exactly k units). */
    public List<String> notes() {
        return notes;
    }

    /** Leave-one-out estimates for the training rows: μ̂, τ̂, V̂ and the best arm of each. */
    public KnnPrediction training() {
        return training;
    }

    /** Leave-one-out τ̂_a(x_i) of the training rows, n × K (column a − 1 is arm a). */
    public double[][] cate() {
        return training.cate();
    }

    /** Leave-one-out V̂_a(x_i) = s_a²/k + s_0²/k of the training rows, n × K. */
    public double[][] variance() {
        return training.variance();
    }

    /** Leave-one-out μ̂_a(x_i) of the training rows, n × (K + 1). */
    public double[][] mu() {
        return training.mu();
    }

    /** The best treatment (1..K, ties to the lowest index) of every training row, from leave-one-out estimates. */
    public int[] bestArms() {
        return training.bestArms();
    }

    /** {@link #bestArms()} as a named policy over the training rows. */
    public Policy policy(String name) {
        return training.policy(name);
    }

    /**
     * Estimates for new units (no leave-one-out: every training unit is a candidate neighbour). The table needs
     * the covariate columns of the roles; outcome and treatment columns are not read.
     */
    public KnnPrediction predict(Table newData) {
        int m = newData.rowCount();
        double[] x = new double[m * p];
        for (int j = 0; j < p; j++) {
            double[] values = Columns.numeric(newData, used.get(j), "a covariate");
            for (int i = 0; i < m; i++) {
                x[i * p + j] = standardize(values[i], j);
            }
        }
        return estimate(x, m, false, "kNN estimates for the " + Fmt.count(m) + " rows of \"" + newData.name() + "\" (k = "
                + k + ", fitted on \"" + tableName + "\")");
    }

    /**
     * The training rows that are the k nearest neighbours of training row {@code row} in {@code arm}, nearest first
     * (ties to the lower row index), leaving the row itself out.
     */
    public int[] neighbours(int row, Arm arm) {
        if (row < 0 || row >= y.length) {
            throw new IllegalArgumentException("Row " + row + " is outside the training rows 0.." + (y.length - 1) + ".");
        }
        NeighbourIndex tree = trees[arms.get(arm.index()).index()];
        double[] q = java.util.Arrays.copyOfRange(x, row * p, (row + 1) * p);
        int[] out = new int[k];
        int count = tree.search(q, k, row, KdTree.scratch(p, k), out);
        return java.util.Arrays.copyOf(out, count);
    }

    private KnnPrediction estimate(double[] x, int m, boolean leaveOneOut, String title) {
        int arms = this.arms.size();
        int k = this.k;
        double[][] mu = new double[m][arms];
        double[][] variance = new double[m][arms];
        int chunks = (m + CHUNK - 1) / CHUNK;
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(c -> {
            KdTree.Scratch scratch = KdTree.scratch(p, k);
            ScanIndex.Workspace workspace = new ScanIndex.Workspace(p, k);
            int[][] out = new int[CHUNK][k];
            int[] counts = new int[CHUNK];
            int[] exclude = new int[CHUNK];
            double[] q = new double[p];
            int from = c * CHUNK;
            int to = Math.min(m, from + CHUNK);
            for (int i = from; i < to; i++) {
                exclude[i - from] = leaveOneOut ? i : -1;
            }
            for (int a = 0; a < arms; a++) {
                if (trees[a] instanceof ScanIndex scan) {
                    scan.searchBlock(x, from, to, k, exclude, workspace, out, counts);
                } else {
                    for (int i = from; i < to; i++) {
                        System.arraycopy(x, i * p, q, 0, p);
                        counts[i - from] = trees[a].search(q, k, exclude[i - from], scratch, out[i - from]);
                    }
                }
                for (int i = from; i < to; i++) {
                    LeaveOneOutScan.summarize(out[i - from], counts[i - from], y, i, a, mu, variance);
                }
            }
        });
        if (leaveOneOut && searchUsed == NeighbourSearch.SCAN) {
            // Training rows: each distance between two arms serves both units' searches.
            ScanIndex[] scans = new ScanIndex[arms];
            for (int a = 0; a < arms; a++) {
                scans[a] = (ScanIndex) trees[a];
            }
            LeaveOneOutScan.estimate(scans, x, p, y, k, spec.threads(), mu, variance);
        } else {
            // Each row is computed on its own, so the numbers do not depend on the thread count.
            ForkJoinPool pool = new ForkJoinPool(spec.threads());
            try {
                pool.submit(work).join();
            } finally {
                pool.shutdown();
            }
        }
        List<String> predictionNotes = new ArrayList<>(notes);
        if (k == 1) {
            predictionNotes.add("With k = 1 the neighbour variance s² is undefined, so variances and SEs are NaN; use k >= 2"
                    + " for standard errors.");
        }
        return new KnnPrediction(title, this.arms, k, mu, variance, predictionNotes);
    }

    private static Arms inferArms(Table table, String treatment) {
        double[] raw = Columns.numeric(table, treatment, "the treatment");
        double max = Double.NEGATIVE_INFINITY;
        for (double value : raw) {
            max = Math.max(max, value);
        }
        if (!(max >= 1) || max != Math.rint(max) || max > raw.length / 2.0) {
            throw new DataException("Treatment column \"" + treatment + "\" of table \"" + table.name() + "\" has largest value "
                    + max + " in " + Fmt.count(raw.length) + " rows; expected arm indices 0..K with K >= 1 and control 0."
                    + " Code arms as integers, or name them with Roles.arms(...).");
        }
        return Arms.numbered((int) max);
    }

    /** Per-treatment summary of the leave-one-out CATEs (see {@link KnnPrediction#summary()}). */
    @Override
    public Table table() {
        return training.summary();
    }

    private List<String[]> header() {
        List<String[]> lines = new ArrayList<>();
        StringBuilder sizes = new StringBuilder();
        for (int a = 0; a < arms.size(); a++) {
            sizes.append(a == 0 ? "" : ", ").append(arms.get(a).name()).append(' ').append(Fmt.count(armCounts[a]));
        }
        lines.add(new String[] {"rows", Fmt.count(y.length) + " (" + sizes + ")"});
        lines.add(new String[] {"neighbours", "k = " + k + " per arm" + (crossValidation == null ? "" : " (chosen from "
                + java.util.Arrays.toString(crossValidation.candidates()) + " by " + crossValidation.foldCount()
                + "-fold cross-validated R-loss)") + "; leave-one-out for training rows; ties to the lower row index"});
        lines.add(new String[] {"search", "exact, " + (searchUsed == NeighbourSearch.KD_TREE ? "KD-tree" : "blocked scan") + " per arm ("
                + spec.search() + ")"});
        lines.add(new String[] {"distance", "Euclidean on " + (spec.standardization() == Standardization.Z_SCORE
                ? "z-scored covariates (training mean and SD)" : "raw covariates")});
        lines.add(new String[] {"covariates", String.join(", ", used) + (dropped.isEmpty() ? "" : " (dropped as constant: "
                + String.join(", ", dropped) + ")")});
        lines.add(new String[] {"variance", "s_a²/k + s_0²/k (neighbour sets as independent samples; matching bias ignored)"});
        return lines;
    }

    private String title() {
        return "kNN matching fit of " + roles.outcome() + " on " + arms.size() + " arms, table \"" + tableName + "\"";
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(title()).append('\n');
        for (String[] line : header()) {
            out.append("  ").append(line[0]).append(" ".repeat(12 - line[0].length())).append(line[1]).append('\n');
        }
        if (crossValidation != null) {
            out.append('\n').append(crossValidation);
        }
        out.append('\n').append("Leave-one-out CATEs vs ").append(arms.control().name()).append(":\n");
        out.append(KnnPrediction.text(KnnPrediction.SUMMARY_HEADER, training.summaryRows()));
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"tailor-result\">\n<p style=\"margin:2px 0\"><b>")
                .append(Html.escape(title())).append("</b><br>\n");
        for (String[] line : header()) {
            out.append(Html.escape(line[0] + ": " + line[1])).append("<br>\n");
        }
        out.append("</p>\n");
        if (crossValidation != null) {
            out.append(crossValidation.toHtml()).append('\n');
        }
        out.append(Html.table("Leave-one-out CATEs vs " + arms.control().name(), KnnPrediction.SUMMARY_HEADER,
                training.summaryRows(), notes));
        return out.append("\n</div>").toString();
    }
}
