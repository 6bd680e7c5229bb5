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
            int end = Math.min(points, (chunk + 1) * CHUNK);
            for (int point = chunk * CHUNK; point < end; point++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TreeGrower.TrainingInterrupted();
                }
                worker.predict(x, point, outOfBag, estimates[point], variance ? variances[point] : null);
            }
        }, done -> { }, "Forest prediction");
        return new Predictions(estimates, variances);
    }

    /** Per-task scratch space: leaf means of every tree for one point. */
    private static final class Worker {
        private final Forest forest;
        private final PredictionStrategy strategy;
        private final int statistics;
        private final double[] leafMeans;
        private final boolean[] used;
        private final double[] rowStatistics;
        private final double[] means;

        Worker(Forest forest, boolean variance) {
            this.forest = forest;
            this.strategy = forest.strategy();
            this.statistics = strategy.statisticsLength();
            int trees = forest.trees().size();
            this.leafMeans = new double[(variance ? trees : 1) * statistics];
            this.used = new boolean[trees];
            this.rowStatistics = new double[statistics];
            this.means = new double[statistics];
        }

        void predict(double[][] x, int point, boolean outOfBag, double[] estimate, double[] variance) {
            ForestData data = forest.data();
            var trees = forest.trees();
            Arrays.fill(means, 0);
            int usedCount = 0;
            boolean keep = variance != null;
            for (int b = 0; b < trees.size(); b++) {
                Tree tree = trees.get(b);
                used[b] = false;
                if (outOfBag && tree.inSubsample(point)) {
                    continue;
                }
                int leaf = tree.leafOf(x, point);
                int size = tree.leafSize(leaf);
                if (size == 0) {
                    continue;
                }
                int offset = keep ? b * statistics : 0;
                tree.leafMeans(leaf, data, strategy, rowStatistics, leafMeans, offset);
                for (int s = 0; s < statistics; s++) {
                    means[s] += leafMeans[offset + s];
                }
                used[b] = true;
                usedCount++;
            }
            if (usedCount == 0) {
                Arrays.fill(estimate, Double.NaN);
                if (keep) {
                    Arrays.fill(variance, Double.NaN);
                }
                return;
            }
            for (int s = 0; s < statistics; s++) {
                means[s] /= usedCount;
            }
            boolean ok = strategy.estimate(means, estimate);
            if (keep) {
                if (!ok) {
                    Arrays.fill(variance, Double.NaN);
                    return;
                }
                variance(estimate, variance);
            }
        }

        private void variance(double[] estimate, double[] variance) {
            int g = forest.options().ciGroupSize();
            int components = estimate.length;
            PredictionStrategy.Influence influence = g < 2 ? null : strategy.influence(means, estimate);
            if (influence == null) {
                Arrays.fill(variance, Double.NaN);
                return;
            }
            int trees = forest.trees().size();
            double[] rho = new double[components];
            double[] groupSum = new double[components];
            double[] between = new double[components];
            double[] total = new double[components];
            int goodGroups = 0;
            for (int group = 0; group + g <= trees; group += g) {
                boolean good = true;
                for (int b = group; b < group + g; b++) {
                    good &= used[b];
                }
                if (!good) {
                    continue;
                }
                goodGroups++;
                Arrays.fill(groupSum, 0);
                for (int b = group; b < group + g; b++) {
                    influence.of(leafMeans, b * statistics, rho);
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
