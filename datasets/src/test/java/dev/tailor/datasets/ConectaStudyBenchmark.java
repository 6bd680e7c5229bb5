package dev.tailor.datasets;

import java.lang.management.ManagementFactory;

/**
 * Times {@link ConectaStudy#run()} (both phases, forest, kNN, rule experiment) and prints the rules' regrets, for
 * the heterogeneity knob of the school-year notebook. Run with
 * {@code ./mvnw -q -B -o -pl datasets -am test-compile} and then
 * {@code java -cp "datasets/target/classes:datasets/target/test-classes:dsl/target/classes:$(cat /tmp/cp.txt)"
 * dev.tailor.datasets.ConectaStudyBenchmark N H TREES [SEED...]} where /tmp/cp.txt holds the output of
 * {@code ./mvnw -q -B -o -pl datasets dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}.
 */
public final class ConectaStudyBenchmark {

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        double h = Double.parseDouble(args[1]);
        int trees = Integer.parseInt(args[2]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        ConectaStudyRun run = ConectaStudy.of(ConectaIdeas.schoolYear().heterogeneityScale(h)).parents(n)
                .forest(dev.tailor.forest.CausalForest.spec().trees(trees).seed(11L)).run();
        System.out.printf("n = %d, h = %s, %d trees: %.1f CPU-s, %.1f s wall%n", n, args[1], trees,
                (os.getProcessCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9);
        System.out.println(ConectaStudyRun.sideBySide(run));
        System.out.printf("regret CF %.3f pp, Best %.3f pp, NN %.3f pp%n", 100 * run.regret("CF"), 100 * run.regret("Best"),
                100 * run.regret("NN"));
    }
}
