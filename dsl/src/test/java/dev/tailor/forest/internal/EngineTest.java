package dev.tailor.forest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the forest engine itself, on small simulated data with fixed seeds. */
class EngineTest {

    /** X ~ U(0,1)^p column-major, W ~ Bern(0.5), τ(x) = x1, Y = x2 + W·τ(x) + N(0,1). */
    static double[][] uniform(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j][i] = random.nextDouble();
            }
        }
        return x;
    }

    private static ForestOptions options(int trees, long seed, int threads) {
        return ForestOptions.defaults(trees, seed).withThreads(threads);
    }

    @Test
    void honestTreesNeverUseSplitRowsInTheirLeaves() {
        int n = 1_000;
        double[][] x = uniform(n, 4, 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[0][i] + 0.1 * i % 3;
        }
        ForestOptions options = options(20, 3, 1);
        Forest forest = Trainers.regression(1, options)
                .train(ForestData.of(x).withResponses(new double[][] {y}, new double[0][]), options, ForestTrainer.Progress.NONE);
        for (Tree tree : forest.trees()) {
            Set<Integer> split = new HashSet<>();
            for (int row : tree.splitRows()) {
                split.add(row);
            }
            int[] leafRows = tree.leafRows();
            assertTrue(tree.splitRows().length > 200 && leafRows.length > 200, "both halves are used");
            for (int row : leafRows) {
                assertTrue(!split.contains(row), "row " + row + " chose splits and sits in a leaf");
            }
            int[] sortedLeafRows = leafRows.clone();
            Arrays.sort(sortedLeafRows);
            assertArrayEquals(tree.estimationRows(), sortedLeafRows, "pruned leaves hold exactly J2");
            assertTrue(tree.leafCount() > 10, "the tree did split");
        }
    }

    @Test
    void predictionsAreForestWeightedAveragesAndWeightsSumToOne() {
        int n = 800;
        double[][] x = uniform(n, 3, 12);
        SplittableRandom random = new SplittableRandom(13);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (random.nextDouble() < 0.5 ? 1 : 0) - 0.5;
            y[i] = x[0][i] + w[i] * x[1][i] + random.nextGaussian();
        }
        ForestOptions options = options(40, 14, 1);
        ForestData data = ForestData.of(x).withResponses(new double[][] {y}, new double[][] {w});
        Forest regression = Trainers.regression(1, options).train(data, options, ForestTrainer.Progress.NONE);
        Forest causal = Trainers.causal(options).train(data, options, ForestTrainer.Progress.NONE);
        double[] regressionOob = regression.predictOutOfBag(false).column(0);
        double[] causalOob = causal.predictOutOfBag(false).column(0);
        for (int point = 0; point < 50; point++) {
            double[] alpha = regression.weights(x, point, true);
            double sum = 0;
            double weighted = 0;
            for (int i = 0; i < n; i++) {
                sum += alpha[i];
                weighted += alpha[i] * y[i];
            }
            assertEquals(1.0, sum, 1e-12);
            assertEquals(0.0, alpha[point], "out-of-bag weights never include the row itself");
            assertEquals(weighted, regressionOob[point], 1e-12);
            // τ̂(x) = Σα(W − W̄α)(Y − Ȳα) / Σα(W − W̄α)².
            double[] beta = causal.weights(x, point, true);
            double meanW = 0;
            double meanY = 0;
            for (int i = 0; i < n; i++) {
                meanW += beta[i] * w[i];
                meanY += beta[i] * y[i];
            }
            double numerator = 0;
            double denominator = 0;
            for (int i = 0; i < n; i++) {
                numerator += beta[i] * (w[i] - meanW) * (y[i] - meanY);
                denominator += beta[i] * (w[i] - meanW) * (w[i] - meanW);
            }
            assertEquals(numerator / denominator, causalOob[point], 1e-9);
        }
    }

    @Test
    void honestCausalTreesNeverUseSplitRowsInTheirLeaves() {
        int n = 1_200;
        double[][] x = uniform(n, 4, 15);
        SplittableRandom random = new SplittableRandom(16);
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextInt(3);
            y[i] = x[0][i] * w[i] + random.nextGaussian();
        }
        CausalEngine.Result result = CausalEngine.fit(x, y, w, 2, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                options(20, 17, 2), options(10, 17, 2).withCiGroupSize(1), CausalEngine.Recipe.AUTO,
                ForestTrainer.Progress.NONE);
        for (Tree tree : result.forest().trees()) {
            Set<Integer> split = new HashSet<>();
            for (int row : tree.splitRows()) {
                split.add(row);
            }
            for (int row : tree.leafRows()) {
                assertTrue(!split.contains(row), "row " + row + " chose splits and sits in a leaf");
            }
            assertEquals(tree.estimationRows().length, tree.leafRows().length);
            assertEquals(tree.subsampleRows().length, tree.splitRows().length + tree.estimationRows().length);
        }
    }

    @Test
    void constantTreatmentLeadsToNoSplitting() {
        int n = 600;
        double[][] x = uniform(n, 3, 18);
        SplittableRandom random = new SplittableRandom(19);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[0][i] + random.nextGaussian();
            w[i] = 0.3;
        }
        ForestOptions options = options(10, 20, 1);
        Forest forest = Trainers.causal(options).train(ForestData.of(x).withResponses(new double[][] {y}, new double[][] {w}),
                options, ForestTrainer.Progress.NONE);
        for (Tree tree : forest.trees()) {
            assertEquals(1, tree.nodeCount(), "a tree without treatment variation is a single leaf");
        }
        assertTrue(Double.isNaN(forest.predict(uniform(3, 3, 21), true).estimates()[0][0]),
                "no treatment variation gives NaN, not a number");
    }

    @Test
    void regressionForestOnConstantOutcomePredictsThatConstant() {
        int n = 500;
        double[][] x = uniform(n, 3, 2);
        double[] y = new double[n];
        Arrays.fill(y, 3.25);
        ForestOptions options = options(50, 4, 1).withCiGroupSize(1);
        Forest forest = Trainers.regression(1, options)
                .train(ForestData.of(x).withResponses(new double[][] {y}, new double[0][]), options, ForestTrainer.Progress.NONE);
        for (double value : forest.predictOutOfBag(false).column(0)) {
            assertEquals(3.25, value, 1e-12);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalCausalForestsOnOneAndTwoThreads() {
        int n = 1_500;
        double[][] x = uniform(n, 5, 5);
        SplittableRandom random = new SplittableRandom(6);
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextDouble() < 0.5 ? 1 : 0;
            y[i] = x[1][i] + w[i] * x[0][i] + random.nextGaussian();
        }
        CausalEngine.Result one = CausalEngine.fit(x, y, w, 1, null, options(100, 7, 1), options(50, 7, 1).withCiGroupSize(1),
                CausalEngine.Recipe.AUTO, ForestTrainer.Progress.NONE);
        CausalEngine.Result three = CausalEngine.fit(x, y, w, 1, null, options(100, 7, 3), options(50, 7, 3).withCiGroupSize(1),
                CausalEngine.Recipe.AUTO, ForestTrainer.Progress.NONE);
        assertArrayEquals(one.outcomeHat(), three.outcomeHat());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(one.propensities()[i], three.propensities()[i]);
            assertArrayEquals(one.outOfBag().estimates()[i], three.outOfBag().estimates()[i]);
            assertArrayEquals(one.outOfBag().variances()[i], three.outOfBag().variances()[i]);
        }
    }

    @Test
    void multiArmForestWithOneArmEqualsBinaryForest() {
        int n = 1_500;
        double[][] x = uniform(n, 5, 8);
        SplittableRandom random = new SplittableRandom(9);
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextDouble() < 0.4 ? 1 : 0;
            y[i] = x[1][i] + w[i] * x[0][i] + random.nextGaussian();
        }
        ForestOptions main = options(100, 10, 2);
        ForestOptions nuisance = options(50, 10, 2).withCiGroupSize(1);
        CausalEngine.Result binary = CausalEngine.fit(x, y, w, 1, null, main, nuisance, CausalEngine.Recipe.BINARY,
                ForestTrainer.Progress.NONE);
        CausalEngine.Result multi = CausalEngine.fit(x, y, w, 1, null, main, nuisance, CausalEngine.Recipe.MULTI_ARM,
                ForestTrainer.Progress.NONE);
        for (int b = 0; b < main.trees(); b++) {
            assertArrayEquals(binary.forest().trees().get(b).splitVariables(), multi.forest().trees().get(b).splitVariables());
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(binary.outOfBag().estimates()[i], multi.outOfBag().estimates()[i]);
            assertEquals(binary.outOfBag().variances()[i][0], multi.outOfBag().variances()[i][0],
                    1e-9 * Math.abs(binary.outOfBag().variances()[i][0]));
        }
        double[][] grid = uniform(50, 5, 11);
        assertArrayEquals(binary.forest().predict(grid, false).column(0), multi.forest().predict(grid, false).column(0));
    }
}
