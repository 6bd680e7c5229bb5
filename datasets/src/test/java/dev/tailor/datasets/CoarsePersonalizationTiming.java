package dev.tailor.datasets;

import dev.tailor.coarse.Capacities;
import dev.tailor.coarse.CoarseFit;
import dev.tailor.coarse.CoarsePersonalization;
import dev.tailor.coarse.Solver;
import dev.tailor.coarse.ValueMatrix;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Not a test: prints how long coarse personalization takes on the promotions oracle (n = 100,000, M = 12):
 * exact enumeration for K = 1..6, capacitated exact search for K = 5, and local search for K = 5. Run it by hand
 * after {@code ./mvnw -o -pl dsl,datasets -am test-compile}:
 * {@code java -cp dsl/target/classes:datasets/target/classes:datasets/target/test-classes:<dependency classpath>
 * dev.tailor.datasets.CoarsePersonalizationTiming}. Wall time on a shared machine is inflated; the load average
 * and the process CPU time are printed beside it.
 */
final class CoarsePersonalizationTiming {

    private CoarsePersonalizationTiming() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        PromotionsOracle truth = Promotions.experiment().population(n, 20220412L).oracle();
        ValueMatrix values = ValueMatrix.of(truth.incrementalProfits(), truth.arms().names());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "n = %,d, M = %d, %d processors, load average %.2f%n", n, values.treatments(),
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        for (int run = 1; run <= 3; run++) {
            long totalStart = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            StringBuilder line = new StringBuilder();
            for (int k = 1; k <= 6; k++) {
                long start = System.nanoTime();
                CoarseFit fit = CoarsePersonalization.spec().treatments(k).solver(Solver.EXACT).fit(values);
                line.append(String.format(Locale.ROOT, " K=%d %.0f ms (%.2f%%)", k, (System.nanoTime() - start) / 1e6,
                        100 * fit.recovery()));
            }
            System.out.printf(Locale.ROOT, "run %d exact K=1..6: %.0f ms wall, %.0f ms cpu;%s%n", run,
                    (System.nanoTime() - totalStart) / 1e6, (os.getProcessCpuTime() - cpuStart) / 1e6, line);
        }
        for (double share : new double[] {0.30, 0.20, 0.15, 0.10}) {
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                CoarseFit fit = CoarsePersonalization.spec().treatments(5).capacities(Capacities.eachAtMost(share)).fit(values);
                System.out.printf(Locale.ROOT, "run %d capacitated K=5, each ≤ %.0f%%: %.0f ms wall, %.0f ms cpu; %s, "
                                + "recovery %.2f%%, %d subsets solved, duality gap %.1e per row%n", run, 100 * share,
                        (System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpuStart) / 1e6, fit.chosenNames(),
                        100 * fit.recovery(), fit.subsetsEvaluated(), fit.dualityGap());
            }
        }
        long start = System.nanoTime();
        CoarseFit local = CoarsePersonalization.spec().treatments(5).solver(Solver.LOCAL_SEARCH).fit(values);
        System.out.printf(Locale.ROOT, "local search K=5 (10 starts): %.0f ms wall; recovery %.2f%%%n",
                (System.nanoTime() - start) / 1e6, 100 * local.recovery());
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", os.getSystemLoadAverage());
    }
}
