package dev.tailor.forest.internal;

import java.util.List;

/**
 * A trained forest: its trees (grouped in little bags of {@code options.ciGroupSize()} consecutive trees), the
 * training data whose rows populate the leaves, and the strategy that turns leaves into estimates. Immutable.
 */
public final class Forest {

    private final List<Tree> trees;
    private final ForestData data;
    private final ForestOptions options;
    private final PredictionStrategy strategy;

    Forest(List<Tree> trees, ForestData data, ForestOptions options, PredictionStrategy strategy) {
        this.trees = List.copyOf(trees);
        this.data = data;
        this.options = options;
        this.strategy = strategy;
    }

    public List<Tree> trees() {
        return trees;
    }

    public ForestOptions options() {
        return options;
    }

    public ForestData data() {
        return data;
    }

    PredictionStrategy strategy() {
        return strategy;
    }

    /** Length of each estimate. */
    public int estimateLength() {
        return strategy.estimateLength();
    }

    /** Estimates (and variances if asked) for new points, given column-major as {@code x[j][point]}. */
    public Predictions predict(double[][] x, boolean variance) {
        return ForestPredictor.predict(this, x, variance, false);
    }

    /** Out-of-bag estimates for the training rows: each row uses only trees whose subsample excluded it. */
    public Predictions predictOutOfBag(boolean variance) {
        return ForestPredictor.predict(this, data.x(), variance, true);
    }
}
