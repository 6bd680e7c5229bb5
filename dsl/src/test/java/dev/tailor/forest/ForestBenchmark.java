package dev.tailor.forest;

import dev.tailor.forest.internal.Forest;
import dev.tailor.forest.internal.ForestData;
import dev.tailor.forest.internal.ForestOptions;
import dev.tailor.forest.internal.ForestTrainer;
import dev.tailor.forest.internal.Predictions;
import dev.tailor.forest.internal.Trainers;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the forest engine: training and out-of-bag prediction (with little-bag variances) for a binary causal
 * forest and a multi-arm one. Not a test; run it by hand, e.g. (from dsl/, after test-compile)
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.tailor.forest.ForestBenchmark 100000 10 2000 16}.
 *
 * <p>Arguments: rows n (default 100,000), covariates p (10), trees (2,000), treatment arms K of the multi-arm run
 * (16, i.e. 17 arms with control), threads (all processors). The data: X ~ U(0,1)^p, W uniform over the arms,
 * Y = x2 + τ_W(x) + N(0,1). Centering uses the known propensities and Ŷ = 0 so that only the causal forest is timed.
 */
public final class ForestBenchmark {

    private ForestBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int trees = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int arms = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "n=%,d p=%d trees=%,d threads=%d%n", n, p, trees, threads);
        run("binary", n, p, trees, 1, threads);
        run("multi-arm (" + (arms + 1) + " arms)", n, p, trees, arms, threads);
    }

    /** CPU time of this process (all threads), so that timings on a shared machine can be read fairly. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void run(String label, int n, int p, int trees, int arms, int threads) {
        SplittableRandom random = new SplittableRandom(2024);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        double[][] w = new double[arms][n];
        double share = 1.0 / (arms + 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[j][i] = random.nextDouble();
            }
            int arm = random.nextInt(arms + 1);
            double effect = arm == 0 ? 0 : (arm % 2 == 0 ? x[0][i] : -x[0][i]) * (1 + arm / 10.0);
            y[i] = x[1][i] + effect + random.nextGaussian();
            for (int k = 1; k <= arms; k++) {
                w[k - 1][i] = (arm == k ? 1 : 0) - share;
            }
        }
        ForestOptions options = ForestOptions.defaults(trees, 7).withThreads(threads);
        long start = System.nanoTime();
        long cpu = cpuNanos();
        ForestData data = ForestData.of(x).withResponses(new double[][] {y}, w);
        ForestTrainer trainer = arms == 1 ? Trainers.causal(options) : Trainers.multiArmCausal(arms, options);
        Forest forest = trainer.train(data, options, ForestTrainer.Progress.NONE);
        double fit = (System.nanoTime() - start) / 1e9;
        double fitCpu = (cpuNanos() - cpu) / 1e9;
        start = System.nanoTime();
        cpu = cpuNanos();
        Predictions oob = forest.predictOutOfBag(false);
        double predict = (System.nanoTime() - start) / 1e9;
        double predictCpu = (cpuNanos() - cpu) / 1e9;
        start = System.nanoTime();
        int sample = Math.min(n, 2_000);
        double[][] some = new double[p][sample];
        for (int j = 0; j < p; j++) {
            System.arraycopy(x[j], 0, some[j], 0, sample);
        }
        forest.predict(some, true);
        double variance = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-22s fit %.2f s (CPU %.2f s); OOB predict (n=%,d) %.2f s (CPU %.2f s); "
                        + "predict with variance (%,d rows) %.2f s; first OOB estimate %.4f%n", label, fit, fitCpu, n,
                predict, predictCpu, sample, variance, oob.estimates()[0][0]);
    }
}
