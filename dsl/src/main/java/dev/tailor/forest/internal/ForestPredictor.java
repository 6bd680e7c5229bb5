package dev.tailor.forest.internal;

import java.util.Arrays;

/**
 * Forest-weighted predictions. For each target point it finds the point's leaf in every eligible tree (all trees,
 * or out-of-bag trees only), averages the leaves' mean statistics and asks the strategy for the estimate. The
 * variance uses the little bags: trees come in groups of g that share a half-sample, and
 * V̂ = debiased(Var between groups − within-group noise / …), see {@link #debiasedVariance}.
 */
final class ForestPredictor {

    private static final int CHUNK = 256;

    private ForestPredictor() {
    }

    static Predictions predict(Forest forest, double[][] x, boolean variance, boolean outOfBag) {
        int points = x.length == 0 ? 0 : x[0].length;
        if (x.length != forest.data().covariates()) {
            throw new IllegalArgumentException("Expected " + forest.data().covariates() + " covariates, got " + x.length + ".");
        }
        int components = forest.estimateLength();
        double[][] estimates = new double[points][components];
        double[][] variances = variance ? new double[points][components] : null;
        int chunks = (points + CHUNK - 1) / CHUNK;
        Parallel.run(forest.options().threads(), chunks, chunk -> {
            Worker worker = new Worker(forest, variance);
            int from = chunk * CHUNK;
            int to = Math.min(points, from + CHUNK);
            worker.predict(x, from, to, outOfBag, estimates, variances);
        }, done -> { }, "Forest prediction");
        return new Predictions(estimates, variances);
    }

    /**
     * One chunk of target points, tree by tree: each tree is walked by all points of the chunk while its nodes are
     * in cache, and every point records its leaf in each tree. Each point still adds its leaves' means in tree order,
     * so the sums (and results) do not depend on the chunking or the thread count.
     */
    private static final class Worker {
        private final Forest forest;
        private final PredictionStrategy strategy;
        private final int statistics;
        private final boolean variance;
        private final double[] rowStatistics;
        private final double[] leafMean;
        private final double[] means;

        Worker(Forest forest, boolean variance) {
            this.forest = forest;
            this.strategy = forest.strategy();
            this.statistics = strategy.statisticsLength();
            this.variance = variance;
            this.rowStatistics = new double[statistics];
            this.leafMean = new double[statistics];
            this.means = new double[statistics];
        }

        void predict(double[][] x, int from, int to, boolean outOfBag, double[][] estimates, double[][] variances) {
            ForestData data = forest.data();
            var trees = forest.trees();
            int treeCount = trees.size();
            int count = to - from;
            // leaves[point * trees + b]: the point's leaf in tree b, or −1 when the tree is not used for it.
            int[] leaves = new int[count * treeCount];
            double[] sums = new double[count * statistics];
            int[] used = new int[count];
            for (int b = 0; b < treeCount; b++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TreeGrower.TrainingInterrupted();
                }
                Tree tree = trees.get(b);
                for (int i = 0; i < count; i++) {
                    int point = from + i;
                    int leaf = -1;
                    if (!(outOfBag && tree.inSubsample(point))) {
                        leaf = tree.leafOf(x, point);
                        if (tree.leafSize(leaf) == 0) {
                            leaf = -1;
                        }
                    }
                    leaves[i * treeCount + b] = leaf;
                    if (leaf < 0) {
                        continue;
                    }
                    double[] stored = tree.storedLeafMeans();
                    double[] source;
                    int at;
                    if (stored != null) {
                        source = stored;
                        at = tree.leafSlot(leaf) * statistics;
                    } else {
                        tree.leafMeans(leaf, data, strategy, rowStatistics, leafMean, 0);
                        source = leafMean;
                        at = 0;
                    }
                    int base = i * statistics;
                    for (int s = 0; s < statistics; s++) {
                        sums[base + s] += source[at + s];
                    }
                    used[i]++;
                }
            }
            double[] leafMeans = variance ? new double[treeCount * statistics] : null;
            for (int i = 0; i < count; i++) {
                double[] estimate = estimates[from + i];
                double[] pointVariance = variance ? variances[from + i] : null;
                if (used[i] == 0) {
                    java.util.Arrays.fill(estimate, Double.NaN);
                    if (variance) {
                        java.util.Arrays.fill(pointVariance, Double.NaN);
                    }
                    continue;
                }
                for (int s = 0; s < statistics; s++) {
                    means[s] = sums[i * statistics + s] / used[i];
                }
                boolean ok = strategy.estimate(means, estimate);
                if (variance) {
                    if (!ok) {
                        java.util.Arrays.fill(pointVariance, Double.NaN);
                        continue;
                    }
                    variance(leaves, i * treeCount, data, leafMeans, estimate, pointVariance);
                }
            }
        }

        private void variance(int[] leaves, int offset, ForestData data, double[] scratch, double[] estimate,
                              double[] variance) {
            int g = forest.options().ciGroupSize();
            int components = estimate.length;
            PredictionStrategy.Influence influence = g < 2 ? null : strategy.influence(means, estimate);
            if (influence == null) {
                Arrays.fill(variance, Double.NaN);
                return;
            }
            var trees = forest.trees();
            int treeCount = trees.size();
            double[] rho = new double[components];
            double[] groupSum = new double[components];
            double[] between = new double[components];
            double[] total = new double[components];
            int goodGroups = 0;
            for (int group = 0; group + g <= treeCount; group += g) {
                boolean good = true;
                for (int b = group; b < group + g; b++) {
                    good &= leaves[offset + b] >= 0;
                }
                if (!good) {
                    continue;
                }
                goodGroups++;
                Arrays.fill(groupSum, 0);
                for (int b = group; b < group + g; b++) {
                    Tree tree = trees.get(b);
                    int leaf = leaves[offset + b];
                    double[] stored = tree.storedLeafMeans();
                    if (stored != null) {
                        influence.of(stored, tree.leafSlot(leaf) * statistics, rho);
                    } else {
                        tree.leafMeans(leaf, data, strategy, rowStatistics, scratch, 0);
                        influence.of(scratch, 0, rho);
                    }
                    for (int c = 0; c < components; c++) {
                        groupSum[c] += rho[c];
                        total[c] += rho[c] * rho[c];
                    }
                }
                for (int c = 0; c < components; c++) {
                    double groupMean = groupSum[c] / g;
                    between[c] += groupMean * groupMean;
                }
            }
            for (int c = 0; c < components; c++) {
                variance[c] = goodGroups == 0 ? Double.NaN
                        : debiasedVariance(between[c] / goodGroups, total[c] / (goodGroups * (double) g), g, goodGroups);
            }
        }
    }

    /**
     * The little-bag variance with objective-Bayes debiasing: the between-group variance minus the within-group
     * noise, pulled towards positive values by S + se·φ(S/se)/Φ(S/se).
     */
    static double debiasedVariance(double between, double total, int groupSize, int groups) {
        double noise = (total - between) / (groupSize - 1);
        double signal = between - noise;
        double se = Math.max(between, noise) * Math.sqrt(2.0 / groups);
        if (!(se > 1e-300)) {
            return Math.max(0, signal);
        }
        double ratio = signal / se;
        return signal + se * millsRatio(ratio);
    }

    /** φ(r)/Φ(r), stable for very negative r. */
    static double millsRatio(double r) {
        if (r < -8) {
            double t = -r;
            // Asymptotic expansion of φ(t)/(1 − Φ(t)) = t + 1/t − 2/t³ + 10/t⁵ …
            return t + 1 / t - 2 / (t * t * t) + 10 / Math.pow(t, 5);
        }
        double density = Math.exp(-0.5 * r * r) / Math.sqrt(2 * Math.PI);
        double cdf = 0.5 * org.apache.commons.math3.special.Erf.erfc(-r / Math.sqrt(2));
        return density / cdf;
    }
}
