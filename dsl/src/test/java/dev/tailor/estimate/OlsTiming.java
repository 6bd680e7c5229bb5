package dev.tailor.estimate;

import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Not a test: prints how long {@link Ols} takes on the Conecta Ideas Phase 1 shape (100,000 rows, control + 16
 * arms, prior-login strata, 12 covariates). Run it by hand after {@code ./mvnw -o -pl dsl test-compile}:
 * {@code java -cp dsl/target/classes:dsl/target/test-classes:<dependency classpath> dev.tailor.estimate.OlsTiming}.
 */
final class OlsTiming {

    private OlsTiming() {
    }

    public static void main(String[] args) {
        int n = 100_000;
        int covariates = 12;
        SplittableRandom random = new SplittableRandom(2023);
        double[] y = new double[n];
        int[] arm = new int[n];
        int[] login = new int[n];
        double[][] x = new double[covariates][n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 5 == 0 ? 0 : 1 + random.nextInt(16); // 20% control, 16 arms of about 5,000
            login[i] = random.nextDouble() < 0.4 ? 1 : 0;
            double index = 0.3 * login[i] + 0.01 * arm[i];
            for (int j = 0; j < covariates; j++) {
                x[j][i] = OlsTables.gaussian(random) * (j + 1) + 10 * j;
                index += 0.01 * (x[j][i] - 10 * j);
            }
            y[i] = random.nextDouble() < Math.min(0.95, 0.3 + 0.2 * index) ? 1 : 0;
        }
        Table table = Table.create("phase1", DoubleColumn.create("login", y), IntColumn.create("arm", arm),
                IntColumn.create("prior_login", login));
        List<String> names = new ArrayList<>();
        for (int j = 0; j < covariates; j++) {
            table.addColumns(DoubleColumn.create("x" + j, x[j]));
            names.add("x" + j);
        }
        Arms arms = Arms.orderedPairs("T", "P", "R", "F").withControl("control");
        Roles roles = Roles.outcome("login").treatment("arm").arms(arms).strata("prior_login").covariates(names);
        // Wall time is inflated on a shared machine; thread CPU time is reported beside it.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            OlsFit fit = Ols.spec().fit(table, roles);
            long middle = System.nanoTime();
            long middleCpu = threads.getCurrentThreadCpuTime();
            Ols.spec().fit(table, roles.covariates(List.of()));
            long end = System.nanoTime();
            long endCpu = threads.getCurrentThreadCpuTime();
            System.out.printf("run %d: 12 covariates %.0f ms wall / %.0f ms cpu; strata only %.0f ms wall / %.0f ms cpu (k = %d)%n",
                    run, (middle - start) / 1e6, (middleCpu - startCpu) / 1e6, (end - middle) / 1e6, (endCpu - middleCpu) / 1e6,
                    fit.coefficients().length);
        }
        System.out.println(Ols.spec().fit(table, roles));
    }
}
