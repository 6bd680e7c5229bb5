package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast search paths (max-prefix-tree sweeps for depth 2, the bounded root search for depth 3, several threads)
 * against the simple ones (bin scans, 2-D histograms, one thread) on medium random problems: same structure, split
 * variables and values, actions and reward. The paths add rewards in different orders, so the rewards are small
 * integers (many ties) or Gaussians rounded to multiples of 1/256: every sum is then exact, two trees with the same
 * partition tie exactly, and both paths must break every tie the same way.
 */
class SearchPathsAgreeTest {

    /** Covariates with many or few distinct values (duplicates), rewards integer or Gaussian. */
    private static TreeInputs problem(SplittableRandom rng, int n, int p, int d) {
        double[][] x = new double[n][p];
        double[][] gamma = new double[n][d];
        boolean integer = rng.nextBoolean();
        boolean ipwLike = rng.nextInt(3) == 0;
        for (int j = 0; j < p; j++) {
            int levels = rng.nextBoolean() ? 10 * n : 2 + rng.nextInt(30);
            for (int i = 0; i < n; i++) {
                x[i][j] = rng.nextInt(levels) * 0.25;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                if (!ipwLike || rng.nextInt(d) == 0) {
                    double g = rng.nextGaussian() + 0.3 * a * Math.signum(x[i][0] - 1);
                    gamma[i][a] = integer ? rng.nextInt(-6, 7) : Math.rint(g * 256) / 256;
                }
            }
        }
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        return TreeInputs.of(x, names, List.of(), RewardMatrix.of(gamma));
    }

    private static PolicyNode simple(TreeInputs in, int depth, int step, int minNodeSize) {
        return in.summarize(new ExactSearch(in.x(), in.rewards().flat(), in.rewards().actionCount(), step, minNodeSize,
                Long.MAX_VALUE, ExactSearch.TREES_NEVER).solve(depth, 1));
    }

    private static PolicyNode fast(TreeInputs in, int depth, int step, int minNodeSize, int threads) {
        return in.summarize(new ExactSearch(in.x(), in.rewards().flat(), in.rewards().actionCount(), step, minNodeSize,
                0, ExactSearch.TREES_ALWAYS).solve(depth, threads));
    }

    private static void compare(long seed, int trials, int minN, int maxN) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < trials; trial++) {
            int n = minN + rng.nextInt(maxN - minN);
            int p = 1 + rng.nextInt(3);
            int d = 2 + rng.nextInt(3);
            TreeInputs in = problem(rng, n, p, d);
            int depth = 2 + trial % 2;
            int step = rng.nextInt(3) == 0 ? 2 + rng.nextInt(6) : 1;
            int minNodeSize = rng.nextInt(3) == 0 ? 2 + rng.nextInt(4) : 1;
            PolicyNode expected = simple(in, depth, step, minNodeSize);
            String where = "trial " + trial + ": n " + n + ", p " + p + ", d " + d + ", depth " + depth + ", step "
                    + step + ", min node size " + minNodeSize;
            assertEquals(expected, fast(in, depth, step, minNodeSize, 1), where);
            assertEquals(expected, fast(in, depth, step, minNodeSize, 2), where + ", 2 threads");
        }
    }

    @Test
    void fastPathsFindTheSameTreesAsSimpleOnesOnMediumProblems() {
        compare(611L, 40, 60, 160);
    }

    @Test
    @Tag("heavy")
    void fastPathsFindTheSameTreesAsSimpleOnesOnLargerProblems() {
        compare(613L, 30, 200, 400);
    }
}
