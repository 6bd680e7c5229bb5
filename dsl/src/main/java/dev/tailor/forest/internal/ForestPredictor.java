package dev.tailor.forest.internal;

import java.util.Arrays;

/**
 * Forest-weighted predictions. For each target point it finds the point's leaf in every eligible tree (all trees,
 * or out-of-bag trees only), averages the leaves' mean statistics and asks the strategy for the estimate. The
 * variance uses the little bags: trees come in groups of g that share a half-sample, and
 * V̂ = debiased(Var between groups − within-group noise / …), see {@link #debiasedVariance}.
 */
final class ForestPredictor {

    /** Points per task: each tree's nodes are read once per chunk, so larger chunks mean fewer cache misses. */
    private static final int CHUNK = 2048;

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

        Worker(Forest forest, boolean variance) {
            this.forest = forest;
            this.strategy = forest.strategy();
            this.statistics = strategy.statisticsLength();
            this.variance = variance;
            this.rowStatistics = new double[statistics];
            this.leafMean = new double[statistics];
        }

        void predict(double[][] x, int from, int to, boolean outOfBag, double[][] estimates, double[][] variances) {
            ForestData data = forest.data();
            var trees = forest.trees();
            int treeCount = trees.size();
            int count = to - from;
            // leaves[b * count + i]: point i's leaf in tree b, or −1 when the tree is not used for it. Tree-major, so
            // that both passes over the trees write and read it sequentially.
            int[] leaves = new int[count * treeCount];
            double[] sums = new double[count * statistics];
            int[] used = new int[count];
            for (int b = 0; b < treeCount; b++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TreeGrower.TrainingInterrupted();
                }
                Tree tree = trees.get(b);
                double[] stored = tree.storedLeafMeans();
                int row = b * count;
                for (int i = 0; i < count; i++) {
                    int point = from + i;
                    int leaf = -1;
                    if (!(outOfBag && tree.inSubsample(point))) {
                        leaf = tree.leafOf(x, point);
                        if (tree.leafSize(leaf) == 0) {
                            leaf = -1;
                        }
                    }
                    leaves[row + i] = leaf;
                    if (leaf < 0) {
                        continue;
                    }
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
            int g = forest.options().ciGroupSize();
            PredictionStrategy.Influence[] influences = variance ? new PredictionStrategy.Influence[count] : null;
            for (int i = 0; i < count; i++) {
                double[] estimate = estimates[from + i];
                if (used[i] == 0) {
                    java.util.Arrays.fill(estimate, Double.NaN);
                    if (variance) {
                        java.util.Arrays.fill(variances[from + i], Double.NaN);
                    }
                    continue;
                }
                double[] means = new double[statistics];
                for (int s = 0; s < statistics; s++) {
                    means[s] = sums[i * statistics + s] / used[i];
                }
                boolean ok = strategy.estimate(means, estimate);
                if (variance) {
                    influences[i] = ok && g >= 2 ? strategy.influence(means, estimate) : null;
                    if (influences[i] == null) {
                        java.util.Arrays.fill(variances[from + i], Double.NaN);
                    }
                }
            }
            if (variance) {
                variances(leaves, count, influences, from, variances);
            }
        }

        /**
         * Little-bag variances of every point with an influence, group by group (trees in order), accumulating each
         * point's sums in the same order as a point-by-point loop would.
         */
        private void variances(int[] leaves, int count, PredictionStrategy.Influence[] influences, int from,
                               double[][] variances) {
            ForestData data = forest.data();
            var trees = forest.trees();
            int treeCount = trees.size();
            int g = forest.options().ciGroupSize();
            int components = forest.estimateLength();
            double[] rho = new double[components];
            double[] groupSum = new double[count * components];
            double[] between = new double[count * components];
            double[] total = new double[count * components];
            int[] goodGroups = new int[count];
            double[] scratch = new double[statistics];
            for (int group = 0; group + g <= treeCount; group += g) {
                java.util.Arrays.fill(groupSum, 0);
                for (int i = 0; i < count; i++) {
                    if (influences[i] == null) {
                        continue;
                    }
                    boolean good = true;
                    for (int b = group; b < group + g; b++) {
                        good &= leaves[b * count + i] >= 0;
                    }
                    if (!good) {
                        continue;
                    }
                    goodGroups[i]++;
                    int base = i * components;
                    for (int b = group; b < group + g; b++) {
                        Tree tree = trees.get(b);
                        int leaf = leaves[b * count + i];
                        double[] stored = tree.storedLeafMeans();
                        if (stored != null) {
                            influences[i].of(stored, tree.leafSlot(leaf) * statistics, rho);
                        } else {
                            tree.leafMeans(leaf, data, strategy, rowStatistics, scratch, 0);
                            influences[i].of(scratch, 0, rho);
                        }
                        for (int c = 0; c < components; c++) {
                            groupSum[base + c] += rho[c];
                            total[base + c] += rho[c] * rho[c];
                        }
                    }
                    for (int c = 0; c < components; c++) {
                        double groupMean = groupSum[base + c] / g;
                        between[base + c] += groupMean * groupMean;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                if (influences[i] == null) {
                    continue;
                }
                double[] variance = variances[from + i];
                for (int c = 0; c < components; c++) {
                    int at = i * components + c;
                    variance[c] = goodGroups[i] == 0 ? Double.NaN
                            : debiasedVariance(between[at] / goodGroups[i], total[at] / (goodGroups[i] * (double) g), g,
                                    goodGroups[i]);
                }
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
