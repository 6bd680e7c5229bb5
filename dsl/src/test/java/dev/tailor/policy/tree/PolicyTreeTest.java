package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PolicyTreeTest {

    /** A random problem: covariates on a small integer grid (so values tie), rewards either normal or integer. */
    record Problem(double[][] x, String[] names, double[][] gamma) {
        RewardMatrix rewards() {
            return RewardMatrix.of(gamma);
        }
    }

    static Problem random(SplittableRandom rng, int n, int p, int d, boolean integerRewards) {
        double[][] x = new double[n][p];
        double[][] gamma = new double[n][d];
        int levels = 2 + rng.nextInt(8);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextInt(levels) * 0.5 - 1;
            }
            for (int a = 0; a < d; a++) {
                gamma[i][a] = integerRewards ? rng.nextInt(-5, 6) : rng.nextGaussian();
            }
        }
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        return new Problem(x, names, gamma);
    }

    private static double[][] columns(PolicyTreeFit fit, Problem problem) {
        return problem.x(); // features default to all names, in order
    }

    @Test
    void exactSearchEqualsBruteForceAtDepthsOneAndTwo() {
        SplittableRandom rng = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(30);
            int p = 1 + rng.nextInt(3);
            int d = 1 + rng.nextInt(4);
            int depth = 1 + rng.nextInt(2);
            int minNodeSize = rng.nextInt(4) == 0 ? 1 + rng.nextInt(4) : 1;
            Problem problem = random(rng, n, p, d, false);
            PolicyTreeFit fit = PolicyTree.spec().depth(depth).minNodeSize(minNodeSize)
                    .fit(problem.x(), problem.names(), problem.rewards());
            double expected = BruteForceTrees.best(problem.x(), problem.gamma(), depth, minNodeSize);
            // Sums are formed in different orders here and in the brute force, so compare to 1e-9, not exactly.
            assertEquals(expected, fit.reward(), 1e-9, "trial " + trial);
            assertEquals(problem.rewards().total(fit.predict(columns(fit, problem))), fit.reward(), 1e-9, "trial " + trial);
            assertTrue(fit.depth() <= depth);
            for (PolicyNode.Leaf leaf : fit.leaves()) {
                assertTrue(leaf.n() >= Math.min(minNodeSize, n), "trial " + trial + ": leaf of " + leaf.n());
            }
        }
    }

    @Test
    void exactSearchEqualsBruteForceExactlyWithIntegerRewards() {
        SplittableRandom rng = new SplittableRandom(7L);
        for (int trial = 0; trial < 300; trial++) {
            Problem problem = random(rng, 1 + rng.nextInt(30), 1 + rng.nextInt(3), 1 + rng.nextInt(4), true);
            int depth = 1 + rng.nextInt(2);
            PolicyTreeFit fit = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), problem.rewards());
            // Integer rewards make every sum exact, whatever the order.
            assertEquals(BruteForceTrees.best(problem.x(), problem.gamma(), depth, 1), fit.reward(), 0.0, "trial " + trial);
            assertEquals(problem.rewards().total(fit.predict(problem.x())), fit.reward(), 0.0);
        }
    }

    @Test
    void exactDepthThreeEqualsBruteForce() {
        SplittableRandom rng = new SplittableRandom(33L);
        for (int trial = 0; trial < 25; trial++) {
            Problem problem = random(rng, 4 + rng.nextInt(16), 1 + rng.nextInt(3), 2 + rng.nextInt(2), trial % 2 == 0);
            PolicyTreeFit fit = PolicyTree.spec().depth(3).fit(problem.x(), problem.names(), problem.rewards());
            assertEquals(BruteForceTrees.best(problem.x(), problem.gamma(), 3, 1), fit.reward(), 1e-9, "trial " + trial);
            assertEquals(problem.rewards().total(fit.predict(problem.x())), fit.reward(), 1e-9);
        }
    }

    @Test
    void exactDepthThreeRespectsTheMinimumNodeSizeLikeBruteForce() {
        SplittableRandom rng = new SplittableRandom(37L);
        for (int trial = 0; trial < 12; trial++) {
            Problem problem = random(rng, 10 + rng.nextInt(10), 1 + rng.nextInt(2), 2 + rng.nextInt(2), true);
            int minNodeSize = 2 + rng.nextInt(3);
            PolicyTreeFit fit = PolicyTree.spec().depth(3).minNodeSize(minNodeSize)
                    .fit(problem.x(), problem.names(), problem.rewards());
            assertEquals(BruteForceTrees.best(problem.x(), problem.gamma(), 3, minNodeSize), fit.reward(), 0.0, "trial " + trial);
            for (PolicyNode.Leaf leaf : fit.leaves()) {
                assertTrue(leaf.n() >= Math.min(minNodeSize, problem.x().length));
            }
        }
    }

    @Test
    void histogramAndPartitionDepthThreeSearchesFindTheSameTree() {
        SplittableRandom rng = new SplittableRandom(59L);
        for (int trial = 0; trial < 30; trial++) {
            Problem problem = random(rng, 10 + rng.nextInt(40), 1 + rng.nextInt(3), 2 + rng.nextInt(3), true);
            int minNodeSize = 1 + rng.nextInt(3);
            TreeInputs inputs = TreeInputs.of(problem.x(), problem.names(), List.of(), problem.rewards());
            int d = problem.gamma()[0].length;
            PolicyNode histogram = inputs.summarize(
                    new ExactSearch(inputs.x(), inputs.rewards().flat(), d, 1, minNodeSize).solve(3, 1));
            PolicyNode partition = inputs.summarize(
                    new ExactSearch(inputs.x(), inputs.rewards().flat(), d, 1, minNodeSize, 0).solve(3, 1));
            // Integer rewards: all sums are exact, so both searches see the same ties and pick the same tree.
            assertEquals(partition, histogram, "trial " + trial);
        }
    }

    @Test
    void prunedDepthThreeSearchOnManyDistinctValuesFindsTheSameTreeAsHistograms() {
        SplittableRandom rng = new SplittableRandom(71L);
        for (int trial = 0; trial < 6; trial++) {
            int n = 60 + rng.nextInt(50);
            double[][] x = new double[n][2];
            double[][] gamma = new double[n][3];
            for (int i = 0; i < n; i++) {
                x[i][0] = rng.nextInt(1000);
                x[i][1] = rng.nextInt(1000);
                int arm = rng.nextInt(3);
                gamma[i][arm] = rng.nextInt(-20, 21) + (arm == 1 && x[i][0] > 500 ? 8 : 0); // IPW-like: one nonzero
            }
            int minNodeSize = 1 + trial % 3;
            TreeInputs inputs = TreeInputs.of(x, new String[] {"a", "b"}, List.of(), RewardMatrix.of(gamma));
            PolicyNode histogram = inputs.summarize(
                    new ExactSearch(inputs.x(), inputs.rewards().flat(), 3, 1, minNodeSize).solve(3, 1));
            PolicyNode pruned = inputs.summarize(
                    new ExactSearch(inputs.x(), inputs.rewards().flat(), 3, 1, minNodeSize, 0).solve(3, 1 + trial % 2));
            assertEquals(histogram, pruned, "trial " + trial);
        }
    }

    @Test
    void maxPrefixTreeSearchFindsTheSameTreesAsBinScans() {
        SplittableRandom rng = new SplittableRandom(73L);
        for (int trial = 0; trial < 80; trial++) {
            int n = 5 + rng.nextInt(60);
            int p = 1 + rng.nextInt(3);
            int d = 1 + rng.nextInt(4);
            int levels = rng.nextBoolean() ? 1000 : 2 + rng.nextInt(20);
            double[][] x = new double[n][p];
            double[][] gamma = new double[n][d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[i][j] = rng.nextInt(levels);
                }
                gamma[i][rng.nextInt(d)] = rng.nextInt(-20, 21);
            }
            String[] names = {"x0", "x1", "x2"};
            int minNodeSize = 1 + rng.nextInt(3);
            int depth = 2 + trial % 2;
            TreeInputs inputs = TreeInputs.of(x, java.util.Arrays.copyOf(names, p), List.of(), RewardMatrix.of(gamma));
            PolicyNode scans = inputs.summarize(new ExactSearch(inputs.x(), inputs.rewards().flat(), d, 1, minNodeSize,
                    ExactSearch.HISTOGRAM_BUDGET, ExactSearch.TREES_NEVER).solve(depth, 1));
            PolicyNode trees = inputs.summarize(new ExactSearch(inputs.x(), inputs.rewards().flat(), d, 1, minNodeSize,
                    0, ExactSearch.TREES_ALWAYS).solve(depth, 1 + trial % 2));
            // Integer rewards: both searches see exactly the same sums, ties included.
            assertEquals(scans, trees, "trial " + trial);
        }
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(5L);
        for (int trial = 0; trial < 20; trial++) {
            Problem problem = random(rng, 40, 3, 3, false);
            int depth = 1 + trial % 3;
            PolicyTreeFit one = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), problem.rewards());
            PolicyTreeFit three = PolicyTree.spec().depth(depth).threads(3)
                    .fit(problem.x(), problem.names(), problem.rewards());
            assertEquals(one.rules(), three.rules());
            assertEquals(one.reward(), three.reward(), 0.0);
        }
    }

    @Test
    void splitsUseOnlyBoundariesAtMultiplesOfTheSplitStep() {
        SplittableRandom rng = new SplittableRandom(11L);
        int n = 60;
        int step = 7;
        double[][] x = new double[n][2];
        double[][] gamma = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = i; // distinct values 0..59: candidate boundaries after 7, 14, ... units, thresholds 6, 13, ...
            x[i][1] = (i * 37) % n;
            for (int a = 0; a < 3; a++) {
                gamma[i][a] = rng.nextGaussian();
            }
        }
        PolicyTreeFit fit = PolicyTree.spec().depth(2).splitStep(step)
                .fit(x, new String[] {"a", "b"}, RewardMatrix.of(gamma));
        // The threshold is the largest value on the left within the node, so below the root it need not be a
        // boundary itself; but no unit of the node may lie between it and the next allowed boundary.
        List<Integer> all0 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all0.add(i);
        }
        assertEquals(step - 1, (int) ((PolicyNode.Split) fit.root()).threshold() % step);
        assertSplitsAtAllowedBoundaries(fit.root(), x, all0, step);
        List<TreeSet<Double>> allowed = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            TreeSet<Double> thresholds = new TreeSet<>();
            for (int k = step; k < n; k += step) {
                thresholds.add((double) (k - 1)); // both features are permutations of 0..59
            }
            allowed.add(thresholds);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        assertEquals(BruteForceTrees.best(x, gamma, all, 2, 1, allowed), fit.reward(), 1e-9);
    }

    @Test
    void splitStepSkipsBoundariesBetweenTiesWhenCounting() {
        // Values 0,0,0,1,2,3: boundaries after 3, 4, 5 units. With step 2 the first candidate needs k >= 2 and a
        // value change: k = 3 (threshold 0); the next needs k >= 5: k = 5 (threshold 2).
        ExactSearch search = new ExactSearch(new double[][] {{0, 0, 0, 1, 2, 3}}, new double[6], 1, 2, 1);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, search.bin[0]);
    }

    private static void assertSplitsAtAllowedBoundaries(PolicyNode node, double[][] x, List<Integer> units, int step) {
        if (node instanceof PolicyNode.Split split) {
            double t = split.threshold();
            double nextAllowed = Math.ceil((t + 1) / step) * step - 1; // allowed boundaries are 6, 13, 20, ...
            List<Integer> left = new ArrayList<>();
            List<Integer> right = new ArrayList<>();
            for (int i : units) {
                double v = x[i][split.feature()];
                assertTrue(!(v > t && v <= nextAllowed), "unit value " + v + " between " + t + " and " + nextAllowed);
                (v <= t ? left : right).add(i);
            }
            assertSplitsAtAllowedBoundaries(split.left(), x, left, step);
            assertSplitsAtAllowedBoundaries(split.right(), x, right, step);
        }
    }

    @Test
    void tiesGoToTheEarlierFeatureThenTheSmallerThreshold() {
        // Splitting after unit 1, 2 or 3 all give reward 2 on either (identical) feature; the leaf gives 1.
        double[][] x = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        double[][] gamma = {{1, 0}, {0, 0}, {0, 0}, {0, 1}};
        PolicyTreeFit fit = PolicyTree.spec().depth(1).features("b", "a")
                .fit(x, new String[] {"a", "b"}, RewardMatrix.of(gamma, "control", "treat"));
        assertEquals(List.of("if b <= 1 then control", "if b > 1 then treat"), fit.rules());
        assertEquals(2.0, fit.reward(), 0.0);
        PolicyTreeFit deeper = PolicyTree.spec().depth(2).features("b", "a")
                .fit(x, new String[] {"a", "b"}, RewardMatrix.of(gamma, "control", "treat"));
        assertEquals(fit.rules(), deeper.rules(), "a deeper tree gains nothing, so the same split wins");
    }

    @Test
    void tiedActionsGoToTheLowestIndexAndAnEqualSplitLosesToTheLeaf() {
        double[][] x = {{1}, {2}, {3}};
        double[][] gamma = {{2, 2, 2}, {2, 2, 2}, {2, 2, 2}};
        PolicyTreeFit fit = PolicyTree.spec().depth(2).fit(x, new String[] {"a"}, RewardMatrix.of(gamma));
        assertInstanceOf(PolicyNode.Leaf.class, fit.root());
        assertEquals(List.of("always 0"), fit.rules());
    }

    @Test
    void permutingRowsLeavesTheOptimalRewardUnchanged() {
        SplittableRandom rng = new SplittableRandom(17L);
        for (int trial = 0; trial < 20; trial++) {
            Problem problem = random(rng, 30, 3, 3, true);
            int depth = 1 + trial % 3;
            int[] perm = shuffle(rng, 30);
            double[][] x = new double[30][];
            double[][] gamma = new double[30][];
            for (int i = 0; i < 30; i++) {
                x[i] = problem.x()[perm[i]];
                gamma[i] = problem.gamma()[perm[i]];
            }
            double original = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), problem.rewards()).reward();
            double permuted = PolicyTree.spec().depth(depth).fit(x, problem.names(), RewardMatrix.of(gamma)).reward();
            assertEquals(original, permuted, 0.0, "trial " + trial);
        }
    }

    private static int[] shuffle(SplittableRandom rng, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        return perm;
    }

    @Test
    void addingAConstantToARowOfRewardsLeavesTheTreeUnchanged() {
        SplittableRandom rng = new SplittableRandom(23L);
        for (int trial = 0; trial < 30; trial++) {
            Problem problem = random(rng, 25, 2, 3, true);
            int depth = 1 + trial % 3;
            double[][] shifted = new double[25][];
            double shift = 0;
            for (int i = 0; i < 25; i++) {
                double c = rng.nextInt(-50, 51);
                shift += c;
                shifted[i] = problem.gamma()[i].clone();
                for (int a = 0; a < 3; a++) {
                    shifted[i][a] += c;
                }
            }
            PolicyTreeFit before = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), problem.rewards());
            PolicyTreeFit after = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), RewardMatrix.of(shifted));
            assertEquals(before.rules(), after.rules(), "trial " + trial);
            assertEquals(before.reward() + shift, after.reward(), 0.0);
        }
    }

    @Test
    void aRewardMatrixWhoseBestActionIsConstantGivesThatActionEverywhere() {
        SplittableRandom rng = new SplittableRandom(3L);
        Problem problem = random(rng, 50, 3, 4, false);
        double[][] gamma = problem.gamma();
        for (double[] row : gamma) {
            row[2] = Math.max(Math.max(row[0], row[1]), row[3]) + 0.1 + rng.nextDouble();
        }
        for (int depth = 1; depth <= 3; depth++) {
            PolicyTreeFit fit = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), RewardMatrix.of(gamma));
            assertInstanceOf(PolicyNode.Leaf.class, fit.root());
            for (int action : fit.predict(problem.x())) {
                assertEquals(2, action);
            }
        }
    }

    @Test
    void rewardNeverDecreasesWithDepth() {
        SplittableRandom rng = new SplittableRandom(29L);
        for (int trial = 0; trial < 10; trial++) {
            Problem problem = random(rng, 40, 3, 3, false);
            double previous = Double.NEGATIVE_INFINITY;
            for (int depth = 1; depth <= 3; depth++) {
                double reward = PolicyTree.spec().depth(depth).fit(problem.x(), problem.names(), problem.rewards()).reward();
                assertTrue(reward >= previous - 1e-9);
                previous = reward;
            }
        }
    }

    @Test
    void siblingLeavesNeverShareAnAction() {
        SplittableRandom rng = new SplittableRandom(31L);
        for (int trial = 0; trial < 40; trial++) {
            Problem problem = random(rng, 30, 3, 3, trial % 2 == 0);
            PolicyTreeFit fit = PolicyTree.spec().depth(1 + trial % 3).fit(problem.x(), problem.names(), problem.rewards());
            assertNoSameActionSiblings(fit.root());
        }
    }

    static void assertNoSameActionSiblings(PolicyNode node) {
        if (node instanceof PolicyNode.Split split) {
            if (split.left() instanceof PolicyNode.Leaf l && split.right() instanceof PolicyNode.Leaf r) {
                assertTrue(l.action() != r.action(), "split on " + split.featureName() + " has two leaves " + l.actionName());
            }
            assertNoSameActionSiblings(split.left());
            assertNoSameActionSiblings(split.right());
        }
    }
}
