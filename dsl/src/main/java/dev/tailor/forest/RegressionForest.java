package dev.tailor.forest;

import dev.tailor.data.Columns;
import dev.tailor.forest.internal.Forest;
import dev.tailor.forest.internal.ForestData;
import dev.tailor.forest.internal.ForestOptions;
import dev.tailor.forest.internal.Trainers;
import dev.tailor.progress.Progress;
import dev.tailor.render.Fmt;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A regression forest specification (honest, subsampled, grf semantics): E[Y | X = x] with out-of-bag
 * predictions for the training rows. It is the model behind the causal forest's Ŷ and ê, and useful on its own
 * (e.g. a T-learner). Immutable; {@link #fit} returns a {@link RegressionForestFit}.
 *
 * <pre>{@code
 * RegressionForestFit fit = RegressionForest.spec().trees(500).seed(3).fit(table, "minutes", List.of("age", "grade"));
 * }</pre>
 */
public final class RegressionForest {

    private final ForestOptions options;
    private final ProgressListener progress;

    private RegressionForest(ForestOptions options, ProgressListener progress) {
        this.options = options;
        this.progress = progress;
    }

    /** grf's defaults: 2,000 trees, sample fraction 0.5, honesty 0.5, min node size 5, α 0.05, little bags of 2, seed 1. */
    public static RegressionForest spec() {
        return new RegressionForest(ForestOptions.defaults(2000, 1), null);
    }

    public RegressionForest trees(int count) {
        return new RegressionForest(options.withTrees(count), progress);
    }

    public RegressionForest seed(long seed) {
        return new RegressionForest(options.withSeed(seed), progress);
    }

    public RegressionForest minNodeSize(int size) {
        return new RegressionForest(new ForestOptions(options.trees(), options.sampleFraction(), options.mtry(), size,
                options.honesty(), options.honestyFraction(), true, options.alpha(), options.ciGroupSize(), options.seed(),
                options.threads()), progress);
    }

    /** Honest trees with this share of each subsample choosing splits. */
    public RegressionForest honesty(double fraction) {
        return new RegressionForest(new ForestOptions(options.trees(), options.sampleFraction(), options.mtry(),
                options.minNodeSize(), true, fraction, true, options.alpha(), options.ciGroupSize(), options.seed(),
                options.threads()), progress);
    }

    /** Trees per little bag; 1 lets each tree draw sampleFraction·n rows but gives no variances. */
    public RegressionForest ciGroupSize(int size) {
        return new RegressionForest(options.withCiGroupSize(size), progress);
    }

    public RegressionForest threads(int count) {
        return new RegressionForest(options.withThreads(count), progress);
    }

    public RegressionForest progress(ProgressListener listener) {
        return new RegressionForest(options, Objects.requireNonNull(listener, "listener"));
    }

    public int trees() {
        return options.trees();
    }

    public long seed() {
        return options.seed();
    }

    /** Fits E[outcome | covariates]; data errors name the column. */
    public RegressionForestFit fit(Table table, String outcome, List<String> covariates) {
        double[][] x = Inputs.covariates(table, covariates, "regression forest");
        double[] y = Columns.numeric(table, outcome, "the outcome");
        Inputs.requireRows(y.length, options.minNodeSize(), "regression forest");
        return fit(x, y, table.name(), outcome, covariates);
    }

    RegressionForestFit fit(double[][] x, double[] y, String tableName, String outcome, List<String> covariates) {
        int total = options.trees();
        // Without a listener of its own, training shows in the environment's progress bar (none outside a kernel).
        Progress bar = progress == null ? Progress.range(total, "regression forest: trees") : null;
        ProgressListener listener = bar == null ? progress : (done, all) -> bar.completedSoFar(done);
        Forest forest = Trainers.regression(1, options).train(
                ForestData.of(x).withResponses(new double[][] {y}, new double[0][]), options,
                done -> listener.progress(done, total));
        if (bar != null) {
            bar.done();
        }
        return new RegressionForestFit(this, tableName, outcome, covariates, y, forest);
    }

    String describe() {
        return "regression forest (" + Fmt.count(options.trees()) + " trees, honest "
                + Fmt.fixed(options.honestyFraction(), 2) + ", min node " + options.minNodeSize() + ", seed "
                + options.seed() + ")";
    }

    @Override
    public String toString() {
        return "RegressionForest" + options.toString().substring("ForestOptions".length());
    }
}
