package dev.tailor.policy.tree;

import java.util.SplittableRandom;

/**
 * Not a test: times the exact search on the target shapes and prints wall and process CPU seconds (CPU is the
 * figure to compare on a shared machine). Run by hand:
 * <pre>
 * ./mvnw -q -B -o -pl dsl test-compile
 * ./mvnw -q -B -o -pl dsl dependency:build-classpath -Dmdep.outputFile=/tmp/cp
 * java -cp dsl/target/classes:dsl/target/test-classes:$(cat /tmp/cp) dev.tailor.policy.tree.PolicyTreeTiming \
 *     [threads] [case...]
 * </pre>
 * Cases: {@code depth2}, {@code depth3binned}, {@code depth3binned10}, {@code depth3binned10small},
 * {@code depth3energy}, {@code depth3energyStep}, {@code depth3energy1000}, {@code depth3energy1500},
 * {@code depth3continuous}, {@code depth3continuous1500}, {@code grafted} (default: depth2, depth3binned,
 * depth3energy). The targets are depth2, depth3binned10 and depth3continuous (with depth3binned and
 * depth3energy alongside). Data are synthetic: covariates as described per case, rewards Γ[i,a] = a small effect
 * of the covariates plus N(0,1) noise.
 */
final class PolicyTreeTiming {

    private PolicyTreeTiming() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        java.util.List<String> cases = args.length > 1 ? java.util.List.of(args).subList(1, args.length)
                : java.util.List.of("depth2", "depth3binned", "depth3energy");
        for (String name : cases) {
            switch (name) {
                case "depth2" -> run("depth 2, n = 50,000, p = 10 continuous, 17 actions, split step 100",
                        problem(50_000, 10, 17, 0, 1L), PolicyTree.spec().depth(2).splitStep(100).threads(threads));
                case "depth3binned" -> run("depth 3, n = 50,000, p = 5 with 50 distinct values, 3 actions",
                        problem(50_000, 5, 3, 50, 2L), PolicyTree.spec().depth(3).threads(threads));
                case "depth3binned10" -> run("depth 3, n = 50,000, p = 10 with 50 distinct values, 17 actions",
                        problem(50_000, 10, 17, 50, 2L), PolicyTree.spec().depth(3).threads(threads));
                case "depth3binned10small" -> run("depth 3, n = 10,000, p = 10 with 50 distinct values, 17 actions",
                        problem(10_000, 10, 17, 50, 2L), PolicyTree.spec().depth(3).threads(threads));
                case "depth3energy" -> run("depth 3, n = 3,870, 5 ENERGY-like covariates, 3 actions, every split",
                        energy(3_870, 3L), PolicyTree.spec().depth(3).threads(threads));
                case "depth3energyStep" -> run("depth 3, n = 3,870, 5 ENERGY-like covariates, 3 actions, split step 39",
                        energy(3_870, 3L), PolicyTree.spec().depth(3).splitStep(39).threads(threads));
                case "depth3energy1000" -> run("depth 3, n = 1,000, 5 ENERGY-like covariates, 3 actions, every split",
                        energy(1_000, 3L), PolicyTree.spec().depth(3).threads(threads));
                case "depth3energy1500" -> run("depth 3, n = 1,500, 5 ENERGY-like covariates, 3 actions, every split",
                        energy(1_500, 3L), PolicyTree.spec().depth(3).threads(threads));
                case "grafted" -> {
                    Object[] data = energy(3_870, 3L);
                    long start = System.nanoTime();
                    PolicyTreeFit fit = GraftedTree.spec().threads(threads)
                            .fit((double[][]) data[0], (String[]) data[1], (RewardMatrix) data[2]);
                    System.out.printf("grafted 3 + 3, n = 3,870, 5 ENERGY-like covariates, every split, %d threads: %.2f s"
                            + " wall, reward %.3f, depth %d, %d leaves%n", threads, (System.nanoTime() - start) / 1e9,
                            fit.reward(), fit.depth(), fit.leaves().size());
                }
                case "depth3continuous" -> run("depth 3, n = 3,870, 5 continuous covariates, 3 actions, every split",
                        problem(3_870, 5, 3, 0, 4L), PolicyTree.spec().depth(3).threads(threads));
                case "depth3continuous1500" -> run("depth 3, n = 1,500, 5 continuous covariates, 3 actions, every split",
                        problem(1_500, 5, 3, 0, 4L), PolicyTree.spec().depth(3).threads(threads));
                default -> throw new IllegalArgumentException("unknown case " + name);
            }
        }
    }

    private static void run(String label, Object[] data, PolicyTree spec) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        PolicyTreeFit fit = spec.fit((double[][]) data[0], (String[]) data[1], (RewardMatrix) data[2]);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, %d threads: %.2f s wall, %.2f s process CPU, reward %.3f, %d leaves%n", label,
                spec.threads(), seconds, (os.getProcessCpuTime() - cpu) / 1e9, fit.reward(), fit.leaves().size());
    }

    /** Gaussian covariates (rounded to {@code levels} quantile levels when levels > 0). */
    static Object[] problem(int n, int p, int d, int levels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[][] gamma = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = levels > 0 ? rng.nextInt(levels) : rng.nextGaussian();
            }
            for (int a = 0; a < d; a++) {
                double signal = 0.2 * Math.sin(a + x[i][a % p]) * (a % 3);
                gamma[i][a] = signal + rng.nextGaussian();
            }
        }
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        return new Object[] {x, names, RewardMatrix.of(gamma)};
    }

    /**
     * ENERGY-like covariates (§3.2 margins, independent here): two continuous usage differences, income rounded
     * to 10, people at home 0..7, self-efficacy 1..5.
     */
    static Object[] energy(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][5];
        double[][] gamma = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = 10 + 60 * rng.nextGaussian();
            x[i][1] = -106 + 122 * rng.nextGaussian();
            x[i][2] = Math.round(Math.exp(6.29 + 0.56 * rng.nextGaussian()) / 10) * 10;
            x[i][3] = Math.min(7, Math.max(0, Math.round(2.46 + 1.24 * rng.nextGaussian())));
            x[i][4] = Math.min(5, Math.max(1, Math.round(3.47 + 0.85 * rng.nextGaussian())));
            int arm = rng.nextInt(5) < 2 ? 0 : rng.nextInt(3) < 2 ? 1 : 2;
            double w = 300 * (x[i][4] - 3.5) * (arm == 2 ? 1 : 0) + 200 * (x[i][1] + 106) / 122 * (arm == 1 ? 1 : 0)
                    + 2700 * rng.nextGaussian();
            double[] pi = {0.4, 0.4, 0.2};
            gamma[i][arm] = w / pi[arm];
        }
        return new Object[] {x, new String[] {"x1", "x2", "income", "home", "efficacy"}, RewardMatrix.of(gamma, "U", "T", "S")};
    }
}
