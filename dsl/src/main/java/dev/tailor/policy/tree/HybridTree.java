package dev.tailor.policy.tree;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A deep policy tree grown by looking ahead (policytree's hybrid tree): at each node an exact tree of depth
 * {@code searchDepth} is fitted on the node's units. If it is a leaf the node becomes that leaf; if the node's
 * level plus searchDepth reaches {@code depth} the whole exact tree is grafted; otherwise only its root split is
 * kept and both children are grown the same way.
 *
 * <p><b>Cost.</b> One exact depth-searchDepth search per internal node of the final tree, each on that node's
 * units; with searchDepth 2 that is about (levels) × (depth-2 cost on n units). The split step is applied within
 * each search's own units.
 *
 * @param depth       maximum depth of the final tree (≥ 1)
 * @param searchDepth look-ahead depth of each exact search, 1..3 (2 by default)
 */
public record HybridTree(int depth, int searchDepth, int splitStep, int minNodeSize, List<String> features, int threads) {

    public HybridTree {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be ≥ 1, got " + depth + ".");
        }
        PolicyTree.checkOptions(splitStep, minNodeSize, threads);
        if (searchDepth < 1 || searchDepth > 3) {
            throw new IllegalArgumentException("searchDepth must be in 1..3 for exact search, got " + searchDepth + ".");
        }
        features = List.copyOf(features);
    }

    /** Depth 3 with look-ahead 2, every split, leaves of at least one unit, all columns, one thread. */
    public static HybridTree spec() {
        return new HybridTree(3, 2, 1, 1, List.of(), 1);
    }

    /** Maximum depth of the final tree. */
    public HybridTree depth(int depth) {
        return new HybridTree(depth, searchDepth, splitStep, minNodeSize, features, threads);
    }

    /** Look-ahead depth of each exact search, 1..3. */
    public HybridTree searchDepth(int searchDepth) {
        return new HybridTree(depth, searchDepth, splitStep, minNodeSize, features, threads);
    }

    /** Consider only every splitStep-th boundary (see {@link PolicyTree#splitStep(int)}). */
    public HybridTree splitStep(int splitStep) {
        return new HybridTree(depth, searchDepth, splitStep, minNodeSize, features, threads);
    }

    /** Fewest training units in a leaf. */
    public HybridTree minNodeSize(int minNodeSize) {
        return new HybridTree(depth, searchDepth, splitStep, minNodeSize, features, threads);
    }

    /** Columns to split on, in tie-breaking order. */
    public HybridTree features(String... features) {
        return new HybridTree(depth, searchDepth, splitStep, minNodeSize, List.of(features), threads);
    }

    /** Threads per exact search. */
    public HybridTree threads(int threads) {
        return new HybridTree(depth, searchDepth, splitStep, minNodeSize, features, threads);
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
        ExactSearch.Proto tree = TreeInputs.prune(grow(inputs, 0));
        return new PolicyTreeFit(describe(), inputs.features(), inputs.rewards().actions(), inputs.summarize(tree));
    }

    private ExactSearch.Proto grow(TreeInputs inputs, int level) {
        int look = Math.min(searchDepth, depth - level);
        ExactSearch.Proto exact = inputs.exact(look, splitStep, minNodeSize, threads);
        if (exact.leaf() || level + look >= depth) {
            return exact;
        }
        int[][] sides = inputs.split(exact.feature(), exact.threshold());
        return new ExactSearch.Proto(exact.feature(), exact.threshold(), grow(inputs.select(sides[0]), level + 1),
                grow(inputs.select(sides[1]), level + 1), -1);
    }

    String describe() {
        return "hybrid search, depth " + depth + ", look-ahead " + searchDepth
                + (splitStep > 1 ? ", split step " + splitStep : "") + (minNodeSize > 1 ? ", min node size " + minNodeSize : "");
    }

    @Override
    public String toString() {
        return "HybridTree (not fitted): " + describe() + ", features "
                + (features.isEmpty() ? "all columns" : String.join(", ", features)) + "; call fit(covariates, rewards)";
    }
}
