package dev.tailor.policy.tree;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Specification of an exact policy tree (Zhou, Athey and Wager): the tree of depth ≤ {@code depth} that maximizes
 * the total reward Σ_i Γ[i, action(leaf(x_i))] over all trees splitting on the chosen features. Build one with
 * {@code PolicyTree.spec().depth(2).features("a", "b")}, then {@link #fit(Table, RewardMatrix)}.
 *
 * <p><b>Cost.</b> Exact search is expensive and grows with the depth. With p features, d actions, C candidate
 * splits in all and B per feature: depth 2 costs about p²·n·d + C·p·B·d operations (or p²·n·d²·log B with many
 * bins and few actions); depth 3 costs about p³·n·d + C·(p·B)²·d when features have few bins (up to 128 MB of
 * histograms per thread), and otherwise a depth-2 search on both sides of every root candidate that a bound cannot
 * rule out, which on continuous features grows roughly like n² to n³ depending on how well the bound prunes.
 * Measured (CPU seconds, one fit, one thread, on a shared machine): depth 2, n = 50,000, p = 10, d = 17, split
 * step 100: 4; depth 3, n = 50,000, p = 5 with 50 values each, d = 3: 2–3; the same with p = 10, d = 17: 28;
 * depth 3, n = 3,870, five ENERGY-like covariates (two continuous), d = 3, every split: 7; the same with five
 * continuous covariates: 22. {@link #threads(int)} splits root features over threads (about the same CPU, less
 * wall time on an idle machine). For continuous features at depth 3 a {@link #splitStep(int)} of about n/100
 * (~100 bins per feature) takes about a second at n = 3,870; for deeper trees use {@link GraftedTree} or
 * {@link HybridTree}.
 *
 * @param depth       maximum depth, 1..3
 * @param splitStep   consider only every splitStep-th boundary of each feature's sorted values (1 = all); the
 *                    boundaries are chosen once on all units, see {@link #splitStep(int)}
 * @param minNodeSize fewest training units allowed in a leaf
 * @param features    covariate columns to split on; empty = every column
 * @param threads     threads for the search over root features; the result does not depend on it
 */
public record PolicyTree(int depth, int splitStep, int minNodeSize, List<String> features, int threads) {

    public PolicyTree {
        if (depth < 1 || depth > 3) {
            throw new IllegalArgumentException("depth must be in 1..3 for exact search, got " + depth
                    + ". Exact search grows like n^depth; for deeper trees use GraftedTree or HybridTree.");
        }
        checkOptions(splitStep, minNodeSize, threads);
        features = List.copyOf(features);
    }

    /** The checks shared by every tree spec. */
    static void checkOptions(int splitStep, int minNodeSize, int threads) {
        if (splitStep < 1) {
            throw new IllegalArgumentException("splitStep must be ≥ 1, got " + splitStep + ". Use 1 to consider every split.");
        }
        if (minNodeSize < 1) {
            throw new IllegalArgumentException("minNodeSize must be ≥ 1, got " + minNodeSize + ".");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads + ".");
        }
    }

    /** The default: depth 2, every split, leaves of at least one unit, all columns, one thread. */
    public static PolicyTree spec() {
        return new PolicyTree(2, 1, 1, List.of(), 1);
    }

    /** Maximum depth, 1..3 (depth 3 is slow on continuous features; see the class comment). */
    public PolicyTree depth(int depth) {
        return new PolicyTree(depth, splitStep, minNodeSize, features, threads);
    }

    /**
     * Consider fewer split points. Each feature's values are sorted once over all units (ties by row); the
     * boundary after sorted position k is a candidate when the values on both sides differ and k is at least
     * {@code splitStep} positions past the previous candidate (the first candidate at k ≥ splitStep). Every node
     * then splits only at these candidates. 1 (the default) considers every split; n/100 makes each feature
     * behave like ~100 quantile bins.
     */
    public PolicyTree splitStep(int splitStep) {
        return new PolicyTree(depth, splitStep, minNodeSize, features, threads);
    }

    /** Fewest training units in a leaf; 1 by default. */
    public PolicyTree minNodeSize(int minNodeSize) {
        return new PolicyTree(depth, splitStep, minNodeSize, features, threads);
    }

    /** The covariates to split on, in the order that breaks ties (earlier wins). */
    public PolicyTree features(String... features) {
        return new PolicyTree(depth, splitStep, minNodeSize, List.of(features), threads);
    }

    /** Threads for the search (one task per root feature); results are identical for any count. */
    public PolicyTree threads(int threads) {
        return new PolicyTree(depth, splitStep, minNodeSize, features, threads);
    }

    /** Fits the tree on number columns of {@code covariates} (the chosen features, or all columns). */
    public PolicyTreeFit fit(Table covariates, RewardMatrix rewards) {
        return fit(TreeInputs.of(covariates, features, rewards));
    }

    /**
     * Fits the tree on a rows × columns covariate array whose columns are called {@code names}.
     */
    public PolicyTreeFit fit(double[][] x, String[] names, RewardMatrix rewards) {
        return fit(TreeInputs.of(x, names, features, rewards));
    }

    PolicyTreeFit fit(TreeInputs inputs) {
        ExactSearch search = inputs.search(splitStep, minNodeSize);
        PolicyNode root = inputs.summarize(search.solve(depth, threads));
        return new PolicyTreeFit(describe(), inputs.features(), inputs.rewards().actions(), root);
    }

    String describe() {
        return "exact search, depth " + depth + (splitStep > 1 ? ", split step " + splitStep : "")
                + (minNodeSize > 1 ? ", min node size " + minNodeSize : "");
    }

    @Override
    public String toString() {
        return "PolicyTree (not fitted): " + describe() + ", features "
                + (features.isEmpty() ? "all columns" : String.join(", ", features)) + ", " + threads + " thread"
                + (threads == 1 ? "" : "s") + "; call fit(covariates, rewards)";
    }
}
