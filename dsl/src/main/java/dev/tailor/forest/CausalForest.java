package dev.tailor.forest;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import dev.tailor.forest.internal.CausalEngine;
import dev.tailor.forest.internal.ForestOptions;
import dev.tailor.progress.Progress;
import dev.tailor.render.Fmt;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A causal forest specification (Wager and Athey 2018; Athey, Tibshirani and Wager 2019): heterogeneous effects
 * τ_k(x) = E[Y(k) − Y(0) | X = x] of each arm against control, with honest trees, local centering and
 * little-bag variance estimates. One treatment arm gives grf's causal forest, several give its multi-arm forest.
 * The spec is immutable; every setter returns a new spec, and {@link #fit} returns a {@link CausalForestFit}.
 *
 * <pre>{@code
 * CausalForestFit fit = CausalForest.spec().trees(2_000).seed(7).knownPropensities(0.5, 0.5).fit(table, roles);
 * fit.averageEffects()   // AIPW ATE per arm
 * }</pre>
 *
 * <p>Cost: training grows {@code trees} trees on half-samples, about O(trees · n/2 · log n · p · K) for K arms;
 * every tree stores the mean statistics of its leaves (O(K²) doubles per leaf), so out-of-bag estimates with
 * variances cost O(trees · n · (depth + K²)). On 2 cores with n = 100,000 and p = 10, see ForestBenchmark in the
 * tests for measured times.
 */
public final class CausalForest {

    private final int trees;
    private final long seed;
    private final int minNodeSize;
    private final boolean honesty;
    private final double honestyFraction;
    private final double sampleFraction;
    private final int mtry;
    private final double alpha;
    private final int ciGroupSize;
    private final int threads;
    private final int nuisanceTrees;
    private final double[] knownPropensities;
    private final ProgressListener progress;

    private CausalForest(int trees, long seed, int minNodeSize, boolean honesty, double honestyFraction,
                         double sampleFraction, int mtry, double alpha, int ciGroupSize, int threads, int nuisanceTrees,
                         double[] knownPropensities, ProgressListener progress) {
        this.trees = trees;
        this.seed = seed;
        this.minNodeSize = minNodeSize;
        this.honesty = honesty;
        this.honestyFraction = honestyFraction;
        this.sampleFraction = sampleFraction;
        this.mtry = mtry;
        this.alpha = alpha;
        this.ciGroupSize = ciGroupSize;
        this.threads = threads;
        this.nuisanceTrees = nuisanceTrees;
        this.knownPropensities = knownPropensities;
        this.progress = progress;
    }

    /** grf's defaults: 2,000 trees, sample fraction 0.5, honesty 0.5, min node size 5, α 0.05, little bags of 2, seed 1, all processors. */
    public static CausalForest spec() {
        return new CausalForest(2000, 1, 5, true, 0.5, 0.5, 0, 0.05, 2, Runtime.getRuntime().availableProcessors(), 0,
                null, null);
    }

    /** Number of trees; more trees make variance estimates steadier (grf uses 2,000). A multiple of ciGroupSize. */
    public CausalForest trees(int count) {
        require(count >= 1, "trees must be ≥ 1, got " + count + ".");
        return new CausalForest(count, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha,
                ciGroupSize, threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Seed of every random draw; the same seed gives the same fit on any number of threads. */
    public CausalForest seed(long value) {
        return new CausalForest(trees, value, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha,
                ciGroupSize, threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Nodes with at most this many split-sample units become leaves; 5 is grf's default. */
    public CausalForest minNodeSize(int size) {
        require(size >= 1, "minNodeSize must be ≥ 1, got " + size + ".");
        return new CausalForest(trees, seed, size, honesty, honestyFraction, sampleFraction, mtry, alpha, ciGroupSize,
                threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Honest trees with this share of each subsample choosing splits (the rest fills the leaves); 0.5 is usual. */
    public CausalForest honesty(double fraction) {
        require(fraction > 0 && fraction < 1, "honesty fraction must be in (0, 1), got " + fraction + ".");
        return new CausalForest(trees, seed, minNodeSize, true, fraction, sampleFraction, mtry, alpha, ciGroupSize,
                threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Switches honesty off or on; without honesty, confidence intervals lose their guarantee. */
    public CausalForest honesty(boolean on) {
        return new CausalForest(trees, seed, minNodeSize, on, honestyFraction, sampleFraction, mtry, alpha, ciGroupSize,
                threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Share of rows each tree sees, without replacement; at most 0.5 with little bags (ciGroupSize ≥ 2). */
    public CausalForest sampleFraction(double fraction) {
        require(fraction > 0 && fraction <= 1, "sampleFraction must be in (0, 1], got " + fraction + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, fraction, mtry, alpha, ciGroupSize,
                threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Mean number of covariates tried per split; the default min(⌈√p + 20⌉, p) tries all of up to ~25 covariates. */
    public CausalForest mtry(int count) {
        require(count >= 1, "mtry must be ≥ 1, got " + count + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, count, alpha,
                ciGroupSize, threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Imbalance bound: each child keeps at least this share of the parent's treatment spread; 0.05 by default. */
    public CausalForest alpha(double value) {
        require(value >= 0 && value < 0.25, "alpha must be in [0, 0.25), got " + value + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, value,
                ciGroupSize, threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Trees per little bag; 2 or more gives variance estimates (and confidence intervals), 1 gives none. */
    public CausalForest ciGroupSize(int size) {
        require(size >= 1, "ciGroupSize must be ≥ 1, got " + size + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha, size,
                threads, nuisanceTrees, knownPropensities, progress);
    }

    /** Worker threads; results are bit-identical for any count. Defaults to all processors. */
    public CausalForest threads(int count) {
        require(count >= 1, "threads must be ≥ 1, got " + count + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha,
                ciGroupSize, count, nuisanceTrees, knownPropensities, progress);
    }

    /** Trees of each nuisance forest (Ŷ, and ê when propensities are not known); default max(50, trees/4). */
    public CausalForest nuisanceTrees(int count) {
        require(count >= 1, "nuisanceTrees must be ≥ 1, got " + count + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha,
                ciGroupSize, threads, count, knownPropensities, progress);
    }

    /**
     * The design's assignment probabilities of arms 0..K (control first), e.g. {@code knownPropensities(0.5, 0.5)}.
     * In a randomized experiment, pass them: the forest then centers on what is known instead of estimating it.
     */
    public CausalForest knownPropensities(double... perArm) {
        require(perArm.length >= 2, "knownPropensities needs one probability per arm, control first (at least 2), got "
                + perArm.length + ".");
        double sum = 0;
        for (int k = 0; k < perArm.length; k++) {
            require(perArm[k] > 0 && perArm[k] < 1, "knownPropensities must lie in (0, 1), got " + perArm[k] + " for arm "
                    + k + ".");
            sum += perArm[k];
        }
        require(Math.abs(sum - 1) < 1e-6, "knownPropensities must sum to 1 over arms 0..K, got "
                + String.format(Locale.ROOT, "%.6f", sum) + " for " + Arrays.toString(perArm) + ".");
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha,
                ciGroupSize, threads, nuisanceTrees, perArm.clone(), progress);
    }

    /** Reports trees done on the calling thread while fitting. */
    public CausalForest progress(ProgressListener listener) {
        return new CausalForest(trees, seed, minNodeSize, honesty, honestyFraction, sampleFraction, mtry, alpha,
                ciGroupSize, threads, nuisanceTrees, knownPropensities, Objects.requireNonNull(listener, "listener"));
    }

    public int trees() {
        return trees;
    }

    public long seed() {
        return seed;
    }

    public int minNodeSize() {
        return minNodeSize;
    }

    public boolean honest() {
        return honesty;
    }

    public double honestyFraction() {
        return honestyFraction;
    }

    public int ciGroupSize() {
        return ciGroupSize;
    }

    public int threads() {
        return threads;
    }

    /** Design propensities of arms 0..K, or null when they are estimated. */
    public double[] knownPropensities() {
        return knownPropensities == null ? null : knownPropensities.clone();
    }

    /** Nuisance trees actually used: the explicit value or max(50, trees/4). */
    public int effectiveNuisanceTrees() {
        return nuisanceTrees > 0 ? nuisanceTrees : Math.max(50, trees / 4);
    }

    ForestOptions mainOptions() {
        if (trees % ciGroupSize != 0) {
            throw new IllegalArgumentException("trees (" + trees + ") must be a multiple of ciGroupSize (" + ciGroupSize
                    + "); use trees(" + (trees + ciGroupSize - trees % ciGroupSize) + ").");
        }
        return new ForestOptions(trees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, true, alpha,
                ciGroupSize, seed, threads);
    }

    ForestOptions nuisanceOptions() {
        return new ForestOptions(effectiveNuisanceTrees(), sampleFraction, mtry, minNodeSize, honesty, honestyFraction,
                true, alpha, 1, seed, threads);
    }

    /**
     * Fits the forest: reads the outcome, the treatment (arm indices 0..K) and the covariates named by the roles,
     * estimates Ŷ (and ê unless known) out of bag, trains the causal forest on the centered data and computes
     * out-of-bag effects with variances.
     *
     * @throws DataException for a missing column, a NaN, a text column, a treatment outside 0..K or a constant one
     * @throws ForestInterruptedException if the calling thread is interrupted while fitting
     */
    public CausalForestFit fit(Table table, Roles roles) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(roles, "roles");
        double[][] x = Inputs.covariates(table, roles.covariates(), "causal forest");
        double[] y = Columns.numeric(table, roles.outcome(), "the outcome");
        Arms arms = Inputs.arms(table, roles);
        int[] w = Columns.treatment(table, roles.treatment(), arms);
        int armCount = arms.size() - 1;
        Inputs.requireRows(y.length, minNodeSize, "causal forest");
        if (knownPropensities != null && knownPropensities.length != arms.size()) {
            throw new DataException("knownPropensities has " + knownPropensities.length + " values but the treatment has "
                    + arms.size() + " arms (" + String.join(", ", arms.names()) + "); give one probability per arm, "
                    + "control first.");
        }
        ForestOptions main = mainOptions();
        ForestOptions nuisance = nuisanceOptions();
        int total = main.trees() + nuisance.trees() * (knownPropensities == null ? 2 : 1);
        // Without a listener of its own, training shows in the environment's progress bar (none outside a kernel).
        Progress bar = progress == null ? Progress.range(total, "causal forest: trees") : null;
        ProgressListener listener = bar == null ? progress : (done, all) -> bar.completedSoFar(done);
        CausalEngine.Result result = CausalEngine.fit(x, y, w, armCount, knownPropensities, main, nuisance,
                CausalEngine.Recipe.AUTO, done -> listener.progress(done, total));
        if (bar != null) {
            bar.done();
        }
        return new CausalForestFit(this, table.name(), roles, arms, y, w, result);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The spec as one line, e.g. "CausalForest(trees=2000, seed=1, honesty=0.5, ...)". */
    @Override
    public String toString() {
        return "CausalForest(trees=" + trees + ", seed=" + seed + ", minNodeSize=" + minNodeSize + ", honesty="
                + (honesty ? Fmt.fixed(honestyFraction, 2) : "off") + ", sampleFraction=" + Fmt.fixed(sampleFraction, 2)
                + ", mtry=" + (mtry == 0 ? "min(ceil(sqrt(p)+20), p)" : mtry) + ", alpha=" + Fmt.fixed(alpha, 3)
                + ", ciGroupSize=" + ciGroupSize + ", nuisanceTrees=" + effectiveNuisanceTrees() + ", propensities="
                + (knownPropensities == null ? "estimated" : "known " + Arrays.toString(knownPropensities))
                + ", threads=" + threads + ")";
    }

    /** Short provenance for result headers. */
    String describe() {
        return "causal forest (" + Fmt.count(trees) + " trees, " + (honesty ? "honest " + Fmt.fixed(honestyFraction, 2)
                : "not honest") + ", min node " + minNodeSize + ", seed " + seed + ")";
    }
}
