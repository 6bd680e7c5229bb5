package dev.tailor.policy.tree;

/**
 * A node of a fitted policy tree: a {@link Split} sends units with {@code x[feature] <= threshold} left and the
 * rest right; a {@link Leaf} assigns one action. Counts and rewards are those of the training units.
 */
public sealed interface PolicyNode permits PolicyNode.Leaf, PolicyNode.Split {

    /** Training units that reach this node. */
    int n();

    /** Sum of the training rewards collected in this subtree. */
    double reward();

    /** Depth of the subtree below this node (0 for a leaf). */
    int depth();

    /**
     * A leaf: every unit reaching it gets {@code action}.
     *
     * @param action     index of the action (reward column)
     * @param actionName its name
     * @param n          training units in the leaf
     * @param reward     Σ Γ[i, action] over those units
     */
    record Leaf(int action, String actionName, int n, double reward) implements PolicyNode {
        @Override
        public int depth() {
            return 0;
        }

        /** Mean reward per training unit in the leaf (0 for an empty leaf). */
        public double meanReward() {
            return n == 0 ? 0 : reward / n;
        }
    }

    /**
     * A split: {@code x[feature] <= threshold} goes left. The threshold is the largest training value on the left.
     *
     * @param feature     index into the fit's features
     * @param featureName that feature's name
     */
    record Split(int feature, String featureName, double threshold, PolicyNode left, PolicyNode right)
            implements PolicyNode {
        @Override
        public int n() {
            return left.n() + right.n();
        }

        @Override
        public double reward() {
            return left.reward() + right.reward();
        }

        @Override
        public int depth() {
            return 1 + Math.max(left.depth(), right.depth());
        }
    }
}
