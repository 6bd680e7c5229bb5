package dev.tailor.forest;

import dev.tailor.forest.internal.Forest;
import dev.tailor.forest.internal.ForestData;
import dev.tailor.forest.internal.ForestOptions;
import dev.tailor.forest.internal.ForestTrainer;
import dev.tailor.forest.internal.Predictions;
import dev.tailor.forest.internal.Trainers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the forest engine: training, then out-of-bag prediction with little-bag variances (what a causal forest fit
 * does), for a binary causal forest and a multi-arm one. Not a test; run it by hand from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -o -pl dsl test-compile
 * ./mvnw -q -B -o -pl dsl dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * $JAVA_HOME/bin/java -Xmx4g -cp dsl/target/classes:dsl/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.tailor.forest.ForestBenchmark --n 100000 --p 10 --trees 2000 --arms 16 --threads 2 [--only binary|multi]
 * </pre>
 *
 * <p>Options (defaults): {@code --n} rows (100,000), {@code --p} covariates (10), {@code --trees} (2,000),
 * {@code --multi-trees} trees of the multi-arm run (same as --trees), {@code --arms} treatment arms K of the
 * multi-arm run (16, i.e. 17 arms with control), {@code --threads} (all processors), {@code --only} binary or multi.
 * The data: X ~ U(0,1)^p, W uniform over the arms, Y = x2 + τ_W(x) + N(0,1). Centering uses the known propensities
 * and Ŷ = 0 so that only the causal forest is timed. Each phase prints wall seconds, process CPU seconds (all
 * threads, including GC and JIT), the peak heap (sum of the heap pools' peaks, reset before each run) and the
 * system load average, since on a shared machine wall time alone says little.
 */
public final class ForestBenchmark {

    private ForestBenchmark() {
    }

    public static void main(String[] args) {
        int n = 100_000;
        int p = 10;
        int trees = 2_000;
        int multiTrees = -1;
        int arms = 16;
        int threads = Runtime.getRuntime().availableProcessors();
        String only = "";
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(value);
                case "--p" -> p = Integer.parseInt(value);
                case "--trees" -> trees = Integer.parseInt(value);
                case "--multi-trees" -> multiTrees = Integer.parseInt(value);
                case "--arms" -> arms = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--only" -> only = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --n, --p, --trees, --multi-trees, --arms, --threads, --only binary|multi.");
            }
        }
        System.out.printf(Locale.ROOT, "n=%,d p=%d threads=%d max heap %.1f GB%n", n, p, threads,
                Runtime.getRuntime().maxMemory() / 1e9);
        if (!only.equals("multi")) {
            run("binary", n, p, trees, 1, threads);
        }
        if (!only.equals("binary")) {
            run("multi-arm (" + (arms + 1) + " arms)", n, p, multiTrees > 0 ? multiTrees : trees, arms, threads);
        }
    }

    /** CPU time of this process (all threads). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapGb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1e9;
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
        resetPeaks();
        ForestOptions options = ForestOptions.defaults(trees, 7).withThreads(threads);
        double loadBefore = load();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        ForestData data = ForestData.of(x).withResponses(new double[][] {y}, w);
        ForestTrainer trainer = arms == 1 ? Trainers.causal(options) : Trainers.multiArmCausal(arms, options);
        Forest forest = trainer.train(data, options, ForestTrainer.Progress.NONE);
        double fit = (System.nanoTime() - start) / 1e9;
        double fitCpu = (cpuNanos() - cpu) / 1e9;
        start = System.nanoTime();
        cpu = cpuNanos();
        Predictions oob = forest.predictOutOfBag(true);
        double predict = (System.nanoTime() - start) / 1e9;
        double predictCpu = (cpuNanos() - cpu) / 1e9;
        double peak = peakHeapGb();
        System.out.printf(Locale.ROOT, "%-20s trees=%,d  fit %.1f s (CPU %.1f s)  OOB predict with variances %.1f s "
                        + "(CPU %.1f s)  total %.1f s (CPU %.1f s)  peak heap %.2f GB  load %.1f→%.1f  "
                        + "first OOB estimate %.4f (variance %.4f)%n", label, trees, fit, fitCpu, predict, predictCpu,
                fit + predict, fitCpu + predictCpu, peak, loadBefore, load(), oob.estimates()[0][0],
                oob.variances()[0][0]);
    }
}
