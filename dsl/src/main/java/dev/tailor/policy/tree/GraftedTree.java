package dev.tailor.policy.tree;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A deep policy tree built in two exact stages (ENERGY appendix A.2): an exact tree of depth {@code rootDepth}
 * on all units, then on the units of each of its leaves an exact tree of depth {@code subtreeDepth}, grafted in
 * place of that leaf, for a total depth ≤ rootDepth + subtreeDepth (3 + 3 = 6 by default). Every leaf of the
 * final root tree receives a subtree. The total reward is never below the root tree's, because each subtree search
 * may return the leaf it replaces.
 *
 * <p><b>Cost.</b> One exact search of depth rootDepth on n units plus one of depth subtreeDepth per root leaf; with
 * 3 + 3 on continuous features this is dominated by the depth-3 root search (see {@link PolicyTree}), so use a
 * {@link #splitStep(int)} or coarse features. The split step is applied within each search's own units.
 *
 * @param rootDepth    depth of the first exact tree, 1..3
 * @param subtreeDepth depth of each grafted exact tree, 1..3
 * @param splitStep    as in {@link PolicyTree#splitStep(int)}
 * @param minNodeSize  fewest training units in a leaf
 * @param features     columns to split on; empty = all
 * @param threads      threads per exact search; results do not depend on it
 */
public record GraftedTree(int rootDepth, int subtreeDepth, int splitStep, int minNodeSize, List<String> features,
        int threads) {

    public GraftedTree {
        if (rootDepth < 1 || rootDepth > 3) {
            throw new IllegalArgumentException("rootDepth must be in 1..3 for exact search, got " + rootDepth + ".");
        }
        PolicyTree.checkOptions(splitStep, minNodeSize, threads);
        if (subtreeDepth < 1 || subtreeDepth > 3) {
            throw new IllegalArgumentException("subtreeDepth must be in 1..3 for exact search, got " + subtreeDepth + ".");
        }
        features = List.copyOf(features);
    }

    /** The ENERGY default: depth 3 + 3, every split, leaves of at least one unit, all columns, one thread. */
    public static GraftedTree spec() {
        return new GraftedTree(3, 3, 1, 1, List.of(), 1);
    }

    /** Depth of the first exact tree, 1..3. */
    public GraftedTree rootDepth(int rootDepth) {
        return new GraftedTree(rootDepth, subtreeDepth, splitStep, minNodeSize, features, threads);
    }

    /** Depth of each grafted exact tree, 1..3. */
    public GraftedTree subtreeDepth(int subtreeDepth) {
        return new GraftedTree(rootDepth, subtreeDepth, splitStep, minNodeSize, features, threads);
    }

    /** Consider only every splitStep-th boundary (see {@link PolicyTree#splitStep(int)}). */
    public GraftedTree splitStep(int splitStep) {
        return new GraftedTree(rootDepth, subtreeDepth, splitStep, minNodeSize, features, threads);
    }

    /** Fewest training units in a leaf. */
    public GraftedTree minNodeSize(int minNodeSize) {
        return new GraftedTree(rootDepth, subtreeDepth, splitStep, minNodeSize, features, threads);
    }

    /** Columns to split on, in tie-breaking order. */
    public GraftedTree features(String... features) {
        return new GraftedTree(rootDepth, subtreeDepth, splitStep, minNodeSize, List.of(features), threads);
    }

    /** Threads per exact search. */
    public GraftedTree threads(int threads) {
        return new GraftedTree(rootDepth, subtreeDepth, splitStep, minNodeSize, features, threads);
    }

    /** Fits on number columns of {@code covariates}. */
    public PolicyTreeFit fit(Table covariates, RewardMatrix rewards) {
        return fit(TreeInputs.of(covariates, features, rewards));
    }

    /** Fits on a rows × columns array whose columns are called {@code names}. */
    public PolicyTreeFit fit(double[][] x, String[] names, RewardMatrix rewards) {
        return fit(TreeInputs.of(x, names, features, rewards));
    }

    private PolicyTreeFit fit(TreeInputs inputs) {
        ExactSearch.Proto root = inputs.exact(rootDepth, splitStep, minNodeSize, threads);
        ExactSearch.Proto grafted = TreeInputs.prune(graft(root, inputs));
        return new PolicyTreeFit(describe(), inputs.features(), inputs.rewards().actions(), inputs.summarize(grafted));
    }

    private ExactSearch.Proto graft(ExactSearch.Proto node, TreeInputs inputs) {
        if (node.leaf()) {
            return inputs.exact(subtreeDepth, splitStep, minNodeSize, threads);
        }
        int[][] sides = inputs.split(node.feature(), node.threshold());
        return new ExactSearch.Proto(node.feature(), node.threshold(), graft(node.left(), inputs.select(sides[0])),
                graft(node.right(), inputs.select(sides[1])), -1);
    }

    String describe() {
        return "grafted exact trees, depth " + rootDepth + " + " + subtreeDepth
                + (splitStep > 1 ? ", split step " + splitStep : "") + (minNodeSize > 1 ? ", min node size " + minNodeSize : "");
    }

    @Override
    public String toString() {
        return "GraftedTree (not fitted): " + describe() + ", features "
                + (features.isEmpty() ? "all columns" : String.join(", ", features)) + "; call fit(covariates, rewards)";
    }
}
