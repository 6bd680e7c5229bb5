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
        // Every tree stores the mean statistics of its leaves once, so that predictions read a leaf in O(statistics)
        // (about leaves × statistics doubles per tree: 5 per leaf for a binary causal forest).
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
                trees[index] = tree.withLeafMeans(data, predictionStrategy);
            }
        }, groupsDone -> progress.treesDone(groupsDone * g), "Forest training");
        return new Forest(List.of(trees), data, options, predictionStrategy);
    }
}
