package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeepTreesTest {

    @Test
    void graftedTreeEarnsAtLeastItsExactRootTreeAndStaysWithinTheCombinedDepth() {
        SplittableRandom rng = new SplittableRandom(41L);
        for (int trial = 0; trial < 8; trial++) {
            PolicyTreeTest.Problem problem = PolicyTreeTest.random(rng, 80, 3, 3, false);
            int rootDepth = 1 + trial % 3;
            PolicyTreeFit root = PolicyTree.spec().depth(rootDepth).fit(problem.x(), problem.names(), problem.rewards());
            PolicyTreeFit grafted = GraftedTree.spec().rootDepth(rootDepth).subtreeDepth(2)
                    .fit(problem.x(), problem.names(), problem.rewards());
            assertTrue(grafted.reward() >= root.reward() - 1e-9, "trial " + trial);
            assertTrue(grafted.depth() <= rootDepth + 2);
            assertEquals(problem.rewards().total(grafted.predict(problem.x())), grafted.reward(), 1e-9);
            PolicyTreeTest.assertNoSameActionSiblings(grafted.root());
        }
    }

    @Test
    void graftedOneAndOneNeverBeatsExactDepthTwo() {
        SplittableRandom rng = new SplittableRandom(43L);
        for (int trial = 0; trial < 30; trial++) {
            PolicyTreeTest.Problem problem = PolicyTreeTest.random(rng, 25, 2, 3, false);
            double exact = PolicyTree.spec().depth(2).fit(problem.x(), problem.names(), problem.rewards()).reward();
            double grafted = GraftedTree.spec().rootDepth(1).subtreeDepth(1)
                    .fit(problem.x(), problem.names(), problem.rewards()).reward();
            double exactOne = PolicyTree.spec().depth(1).fit(problem.x(), problem.names(), problem.rewards()).reward();
            assertTrue(grafted <= exact + 1e-9 && grafted >= exactOne - 1e-9, "trial " + trial);
        }
    }

    @Test
    void hybridTreeKeepsTheExactRootSplitAndEarnsAtLeastTheExactTree() {
        SplittableRandom rng = new SplittableRandom(47L);
        for (int trial = 0; trial < 8; trial++) {
            PolicyTreeTest.Problem problem = PolicyTreeTest.random(rng, 80, 3, 3, false);
            PolicyTreeFit exact = PolicyTree.spec().depth(2).fit(problem.x(), problem.names(), problem.rewards());
            PolicyTreeFit hybrid = HybridTree.spec().depth(4).searchDepth(2)
                    .fit(problem.x(), problem.names(), problem.rewards());
            assertTrue(hybrid.reward() >= exact.reward() - 1e-9, "trial " + trial);
            assertTrue(hybrid.depth() <= 4);
            if (exact.root() instanceof PolicyNode.Split split) {
                PolicyNode.Split hybridRoot = (PolicyNode.Split) hybrid.root();
                assertEquals(split.featureName(), hybridRoot.featureName());
                assertEquals(split.threshold(), hybridRoot.threshold(), 0.0);
            }
            assertEquals(problem.rewards().total(hybrid.predict(problem.x())), hybrid.reward(), 1e-9);
        }
    }

    @Test
    void hybridTreeWhoseLookAheadCoversTheDepthIsTheExactTree() {
        SplittableRandom rng = new SplittableRandom(53L);
        for (int trial = 0; trial < 10; trial++) {
            PolicyTreeTest.Problem problem = PolicyTreeTest.random(rng, 40, 3, 3, false);
            PolicyTreeFit exact = PolicyTree.spec().depth(2).fit(problem.x(), problem.names(), problem.rewards());
            PolicyTreeFit hybrid = HybridTree.spec().depth(2).searchDepth(2)
                    .fit(problem.x(), problem.names(), problem.rewards());
            assertEquals(exact.rules(), hybrid.rules());
        }
    }
}
