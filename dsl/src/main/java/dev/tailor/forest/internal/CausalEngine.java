package dev.tailor.forest.internal;

/**
 * The causal-forest pipeline on arrays: nuisance models (Ŷ by an out-of-bag regression forest; ê known, or from an
 * out-of-bag regression forest on W for one arm and a probability forest for several), local centering, the
 * causal forest itself, and its out-of-bag estimates with variances.
 */
public final class CausalEngine {

    private CausalEngine() {
    }

    /** Which causal recipe to use; {@link #AUTO} picks the binary one for one arm. */
    public enum Recipe { AUTO, BINARY, MULTI_ARM }

    /**
     * @param forest        the trained causal forest (centered data inside)
     * @param outcomeHat    Ŷ(X_i), out-of-bag
     * @param propensities  ê_k(X_i) for k = 0..K, {@code propensities[i][k]}
     * @param outOfBag      out-of-bag τ̂ (n × K) with variances
     * @param fitSeconds     wall seconds of the nuisance forests and the causal forest's training
     * @param predictSeconds wall seconds of the out-of-bag estimates with variances
     */
    public record Result(Forest forest, double[] outcomeHat, double[][] propensities, Predictions outOfBag,
                         double fitSeconds, double predictSeconds) {
    }

    /**
     * @param x          covariates, column-major p × n
     * @param y          outcomes
     * @param w          arms 0..K
     * @param arms       K, the number of treatment arms besides control
     * @param known      design propensities of arms 0..K, or null to estimate them
     * @param main       options of the causal forest
     * @param nuisance   options of the nuisance forests
     */
    public static Result fit(double[][] x, double[] y, int[] w, int arms, double[] known, ForestOptions main,
                             ForestOptions nuisance, Recipe recipe, ForestTrainer.Progress progress) {
        double[][] rows = null;
        if (known != null) {
            rows = new double[y.length][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = known;
            }
        }
        return fitWithPropensities(x, y, w, arms, rows, main, nuisance, recipe, progress);
    }

    /**
     * As {@link #fit}, with propensities known per row: {@code known[i][k]} for arms k = 0..K (rows summing to 1),
     * or null to estimate them.
     */
    public static Result fitWithPropensities(double[][] x, double[] y, int[] w, int arms, double[][] known,
                                             ForestOptions main, ForestOptions nuisance, Recipe recipe,
                                             ForestTrainer.Progress progress) {
        long started = System.nanoTime();
        int n = y.length;
        ForestData covariates = ForestData.of(x);
        // Ŷ: out-of-bag regression forest.
        ForestOptions outcomeOptions = nuisance.withSeed(Streams.mix(main.seed() ^ 0x0A11_CE5EL));
        Forest outcomeForest = Trainers.regression(1, outcomeOptions)
                .train(covariates.withResponses(new double[][] {y}, new double[0][]), outcomeOptions, progress);
        double[] outcomeHat = outcomeForest.predictOutOfBag(false).column(0);
        int done = outcomeOptions.trees();

        double[][] propensities = new double[n][arms + 1];
        if (known != null) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(known[i], 0, propensities[i], 0, arms + 1);
            }
        } else {
            ForestOptions treatmentOptions = nuisance.withSeed(Streams.mix(main.seed() ^ 0x7EA7_3E47L));
            int offset = done;
            ForestTrainer.Progress shifted = trees -> progress.treesDone(offset + trees);
            if (arms == 1) {
                double[] treated = new double[n];
                for (int i = 0; i < n; i++) {
                    treated[i] = w[i] == 1 ? 1 : 0;
                }
                Forest forest = Trainers.regression(1, treatmentOptions)
                        .train(covariates.withResponses(new double[][] {treated}, new double[0][]), treatmentOptions, shifted);
                double[] e = forest.predictOutOfBag(false).column(0);
                for (int i = 0; i < n; i++) {
                    propensities[i][1] = e[i];
                    propensities[i][0] = 1 - e[i];
                }
            } else {
                double[][] classes = new double[arms + 1][n];
                for (int i = 0; i < n; i++) {
                    classes[w[i]][i] = 1;
                }
                Forest forest = Trainers.regression(arms + 1, treatmentOptions)
                        .train(covariates.withResponses(classes, new double[0][]), treatmentOptions, shifted);
                propensities = forest.predictOutOfBag(false).estimates();
            }
            done += treatmentOptions.trees();
        }

        // Local centering.
        double[] centeredY = new double[n];
        double[][] centeredW = new double[arms][n];
        for (int i = 0; i < n; i++) {
            centeredY[i] = y[i] - outcomeHat[i];
            for (int k = 1; k <= arms; k++) {
                centeredW[k - 1][i] = (w[i] == k ? 1 : 0) - propensities[i][k];
            }
        }
        ForestData centered = covariates.withResponses(new double[][] {centeredY}, centeredW);
        boolean binary = recipe == Recipe.BINARY || (recipe == Recipe.AUTO && arms == 1);
        if (binary && arms != 1) {
            throw new IllegalArgumentException("The binary causal recipe needs exactly one treatment arm, got " + arms + ".");
        }
        ForestTrainer trainer = binary ? Trainers.causal(main) : Trainers.multiArmCausal(arms, main);
        int offset = done;
        Forest forest = trainer.train(centered, main, trees -> progress.treesDone(offset + trees));
        long trained = System.nanoTime();
        Predictions outOfBag = forest.predictOutOfBag(true);
        return new Result(forest, outcomeHat, propensities, outOfBag, (trained - started) / 1e9,
                (System.nanoTime() - trained) / 1e9);
    }
}
