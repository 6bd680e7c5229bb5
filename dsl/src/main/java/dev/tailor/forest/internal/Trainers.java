package dev.tailor.forest.internal;

/**
 * Recipes: each forest type is a relabeling strategy, a split rule and a prediction strategy.
 *
 * <table>
 *   <tr><th>forest</th><th>relabeling</th><th>split rule</th><th>prediction</th></tr>
 *   <tr><td>regression (r outcomes)</td><td>{@link RegressionRelabeler}</td><td>{@link RegressionSplitRule}</td><td>{@link RegressionPrediction}</td></tr>
 *   <tr><td>probability (one-hot classes as outcomes)</td><td>{@link RegressionRelabeler}</td><td>{@link RegressionSplitRule}</td><td>{@link RegressionPrediction}</td></tr>
 *   <tr><td>causal, binary</td><td>{@link CausalRelabeler}</td><td>{@link CausalSplitRule}</td><td>{@link CausalPrediction}</td></tr>
 *   <tr><td>causal, K arms</td><td>{@link MultiCausalRelabeler}</td><td>{@link CausalSplitRule}</td><td>{@link MultiCausalPrediction}</td></tr>
 * </table>
 *
 * <p>Causal recipes expect centered data: outcome 0 is Ỹ = Y − Ŷ(X) and treatment k is W̃_k = 1{W = k} − ê_k(X).
 */
public final class Trainers {

    private Trainers() {
    }

    /** Regression on every outcome component of the data (one-hot outcomes make it a probability forest). */
    public static ForestTrainer regression(int components, ForestOptions options) {
        return new ForestTrainer(() -> new RegressionRelabeler(components),
                () -> new RegressionSplitRule(options.alpha()), new RegressionPrediction(components));
    }

    public static ForestTrainer causal(ForestOptions options) {
        return new ForestTrainer(CausalRelabeler::new,
                () -> new CausalSplitRule(options.minNodeSize(), options.alpha()), new CausalPrediction());
    }

    public static ForestTrainer multiArmCausal(int arms, ForestOptions options) {
        return new ForestTrainer(() -> new MultiCausalRelabeler(arms),
                () -> new CausalSplitRule(options.minNodeSize(), options.alpha()), new MultiCausalPrediction(arms));
    }
}
