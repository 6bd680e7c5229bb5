package dev.tailor.match;

import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Not a test: prints how long {@link KnnMatching} takes to fit and compute leave-one-out estimates on the Conecta
 * Ideas Phase 1 shape (n rows, default 100,000; 12 covariates of which 8 are discrete or school-level; control
 * 20% + 16 arms of 5%; k = 50). Run by hand after {@code ./mvnw -o -pl dsl test-compile}:
 * {@code java -cp dsl/target/classes:dsl/target/test-classes:<dependency classpath> dev.tailor.match.KnnTiming [n] [threads] [runs]}.
 */
final class KnnTiming {

    private KnnTiming() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        SplittableRandom random = new SplittableRandom(2023);
        int schools = 2_000;
        double[][] school = new double[schools][];
        for (int s = 0; s < schools; s++) {
            double share = random.nextDouble() * 0.6;
            double region = random.nextDouble();
            school[s] = new double[] {random.nextDouble() < 0.72 ? 1 : 0, region > 0.55 && region < 0.85 ? 1 : 0,
                    region >= 0.85 ? 1 : 0, random.nextDouble() < 0.8 ? 1 : 0, Math.log(300) + 0.6 * KnnMatchingTest.gaussian(random),
                    share, random.nextDouble() < 0.3 + share ? 1 : 0};
        }
        String[] names = {"grade", "female", "urban", "highlands", "jungle", "public", "log_size", "active_share",
                "teacher_active", "prior_weeks", "prior_login", "math_z"};
        double[][] x = new double[names.length][n];
        double[] y = new double[n];
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            double[] s = school[random.nextInt(schools)];
            double e = KnnMatchingTest.gaussian(random) + 1.5 * (s[5] - 0.3);
            x[0][i] = 1 + random.nextInt(6);
            x[1][i] = random.nextInt(2);
            for (int j = 0; j < 7; j++) {
                x[2 + j][i] = s[j];
            }
            int weeks = 0;
            double rate = 1 / (1 + Math.exp(-(-1 + 1.2 * e)));
            for (int t = 0; t < 30; t++) {
                weeks += random.nextDouble() < rate ? 1 : 0;
            }
            x[9][i] = weeks;
            x[10][i] = random.nextDouble() < 1 / (1 + Math.exp(-(-0.75 + 1.6 * e))) ? 1 : 0;
            x[11][i] = 0.3 * e + 0.9 * KnnMatchingTest.gaussian(random);
            arm[i] = i % 5 == 0 ? 0 : 1 + random.nextInt(16);
            double index = -1.4 + 1.6 * x[10][i] + 2.5 * (weeks / 30.0 - 0.3) + 0.1 * x[11][i] + 0.01 * arm[i] * s[6];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-index)) ? 1 : 0;
        }
        Table table = Table.create("phase1", DoubleColumn.create("login", y), IntColumn.create("arm", arm));
        for (int j = 0; j < names.length; j++) {
            table.addColumns(DoubleColumn.create(names[j], x[j]));
        }
        Roles roles = Roles.outcome("login").treatment("arm").arms(Arms.orderedPairs("T", "P", "R", "F").withControl("control"))
                .covariates(names);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int run = 0; run < runs; run++) {
            // Wall time is inflated on a shared machine; the process CPU time (all threads) is reported beside it.
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            KnnMatchingFit fit = KnnMatching.spec().k(50).threads(threads).fit(table, roles);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf("run %d: n = %,d, p = 12, 17 arms, k = 50, %d threads, %s search: fit + leave-one-out %.1f s wall,"
                    + " %.1f s CPU (all threads)%n", run, n, threads, fit.search(), seconds, cpuSeconds);
            if (run == runs - 1) {
                System.out.println(fit);
            }
        }
    }
}
