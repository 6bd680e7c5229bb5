package dev.tailor.forest.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Trains a forest from three strategies, as in the GRF paper: a {@link Relabeler} (pseudo-outcomes), a
 * {@link SplitRule} (criterion and constraints) and a {@link PredictionStrategy} (leaf statistics → estimates).
 * Named recipes live in {@link Trainers}.
 *
 * <p>Sampling: trees come in little bags of g = ciGroupSize. Each bag draws ⌊n/2⌋ rows without replacement, and
 * each of its trees subsamples a share 2·sampleFraction of them (all of them at the default 0.5). With g = 1 each
 * tree draws ⌊sampleFraction·n⌋ rows. Bag b draws from the stream (seed, bag b); tree t from (seed, tree t).
 */
public final class ForestTrainer {

    /** Statistics longer than this are stored per leaf at training time. */
    static final int STORE_LEAF_MEANS_ABOVE = 8;

    private final Supplier<Relabeler> relabeler;
    private final Supplier<SplitRule> splitRule;
    private final PredictionStrategy predictionStrategy;

    ForestTrainer(Supplier<Relabeler> relabeler, Supplier<SplitRule> splitRule, PredictionStrategy predictionStrategy) {
        this.relabeler = relabeler;
        this.splitRule = splitRule;
        this.predictionStrategy = predictionStrategy;
    }

    /** Progress callback, on the calling thread: trees done so far in this forest. */
    public interface Progress {
        void treesDone(int done);

        Progress NONE = done -> { };
    }

    public Forest train(ForestData data, ForestOptions options, Progress progress) {
        int n = data.rows();
        int g = options.ciGroupSize();
        int groups = options.trees() / g;
        Tree[] trees = new Tree[options.trees()];
        // Long statistics (multi-arm: K² terms) sit in large leaves: store leaf means once rather than recompute them
        // for every prediction. Short ones (regression, binary causal) are cheaper to recompute from small leaves.
        boolean storeLeafMeans = predictionStrategy.statisticsLength() > STORE_LEAF_MEANS_ABOVE;
        Parallel.run(options.threads(), groups, group -> {
            TreeGrower grower = new TreeGrower(data, options, relabeler.get(), splitRule.get());
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            int[] pool;
            int perTree;
            if (g == 1) {
                pool = rows;
                perTree = (int) Math.floor(options.sampleFraction() * n);
            } else {
                SplittableRandom bagRandom = Streams.of(options.seed(), Streams.GROUP, group);
                int half = n / 2;
                Streams.partialShuffle(bagRandom, rows, half);
                pool = Arrays.copyOf(rows, half);
                Arrays.sort(pool);
                perTree = (int) Math.floor(2 * options.sampleFraction() * half);
            }
            for (int t = 0; t < g; t++) {
                int index = group * g + t;
                SplittableRandom random = Streams.of(options.seed(), Streams.TREE, index);
                int[] subsample;
                if (perTree >= pool.length) {
                    subsample = pool.clone();
                } else {
                    int[] shuffled = pool.clone();
                    Streams.partialShuffle(random, shuffled, perTree);
                    subsample = Arrays.copyOf(shuffled, perTree);
                }
                Tree tree = grower.grow(subsample, random);
                trees[index] = storeLeafMeans ? tree.withLeafMeans(data, predictionStrategy) : tree;
            }
        }, groupsDone -> progress.treesDone(groupsDone * g), "Forest training");
        return new Forest(List.of(trees), data, options, predictionStrategy);
    }
}
