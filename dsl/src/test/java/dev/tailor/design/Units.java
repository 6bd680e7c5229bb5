package dev.tailor.design;

import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Synthetic tables of units for the design tests; every draw is seeded. */
final class Units {

    private Units() {
    }

    /** The school-year Phase 1 catalog: control plus the 16 ordered pairs of T, P, R, F. */
    static Arms seventeenArms() {
        return Arms.orderedPairs("T", "P", "R", "F").withControl("control");
    }

    /**
     * {@code n} units with an id, a 0/1 prior_login stratum (the first {@code logged} rows are 1, the rest 0), a
     * standard normal math_z and a 0/1 female, drawn from {@code seed}.
     */
    static Table students(int n, int logged, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] id = new int[n];
        int[] login = new int[n];
        double[] math = new double[n];
        int[] female = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            login[i] = i < logged ? 1 : 0;
            math[i] = gaussian(random);
            female[i] = random.nextDouble() < 0.5 ? 1 : 0;
        }
        return Table.create("students", IntColumn.create("id", id), IntColumn.create("prior_login", login),
                DoubleColumn.create("math_z", math), IntColumn.create("female", female));
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller; enough for test data.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static Design phaseOne(long seed) {
        return Design.named("school-year phase 1").arms(seventeenArms()).allocation(Allocation.controlShare(0.20))
                .stratifyBy("prior_login").seed(seed).build();
    }
}
