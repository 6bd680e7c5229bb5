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

    /**
     * grf's variable importance: the share of splits on each covariate at depth d = 1..maxDepth, normalized per
     * depth, averaged with weights d^(−decay), and normalized to sum to 1 (all zeros if no tree split).
     */
    public double[] variableImportance(int maxDepth, double decay) {
        int p = data.covariates();
        int[][] counts = new int[maxDepth][p];
        for (Tree tree : trees) {
            tree.countSplits(counts);
        }
        double[] importance = new double[p];
        for (int d = 0; d < maxDepth; d++) {
            long total = 0;
            for (int count : counts[d]) {
                total += count;
            }
            if (total == 0) {
                continue;
            }
            double weight = Math.pow(d + 1, -decay);
            for (int j = 0; j < p; j++) {
                importance[j] += weight * counts[d][j] / total;
            }
        }
        double sum = 0;
        for (double value : importance) {
            sum += value;
        }
        if (sum > 0) {
            for (int j = 0; j < p; j++) {
                importance[j] /= sum;
            }
        }
        return importance;
    }

    /**
     * The forest weights of one target point, α_i(x) = (1/B') Σ_b 1{i ∈ L_b(x)} / |L_b(x)| over the B' eligible
     * trees with a non-empty leaf (all trees, or out-of-bag ones when {@code outOfBag}, where the point is training
     * row {@code point}). Dense, length n; they sum to 1 unless no tree is eligible.
     */
    public double[] weights(double[][] x, int point, boolean outOfBag) {
        double[] alpha = new double[data.rows()];
        int used = 0;
        for (Tree tree : trees) {
            if (outOfBag && tree.inSubsample(point)) {
                continue;
            }
            int leaf = tree.leafOf(x, point);
            int size = tree.leafSize(leaf);
            if (size == 0) {
                continue;
            }
            int[] rows = tree.leafRowsArray();
            for (int i = tree.leafStart(leaf); i < tree.leafStart(leaf) + size; i++) {
                alpha[rows[i]] += 1.0 / size;
            }
            used++;
        }
        if (used > 0) {
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] /= used;
            }
        }
        return alpha;
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
