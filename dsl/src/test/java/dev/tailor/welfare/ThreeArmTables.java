package dev.tailor.welfare;

import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Small synthetic U/T/S tables for the LATE and counterfactual-ITT tests. */
final class ThreeArmTables {

    static final LateRoles ROLES = LateRoles.outcome("w").arm("arm").takeUp("d");

    private ThreeArmTables() {
    }

    static Table of(double[] w, int[] arm, int[] d) {
        return Table.create("tiny", DoubleColumn.create("w", w), IntColumn.create("arm", arm), IntColumn.create("d", d));
    }

    /**
     * n units with covariate x ~ U(0, 1), a group column g in {a, b, c}, arms in shares 2:2:1, take-up in S with
     * probability 0.2 + 0.5x, and W = x + 3·D·(x − 0.4) + noise.
     */
    static Table random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n];
        double[] x = new double[n];
        int[] arm = new int[n];
        int[] d = new int[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            double u = random.nextDouble();
            arm[i] = u < 0.4 ? 0 : u < 0.8 ? 1 : 2;
            d[i] = arm[i] == 1 ? 1 : arm[i] == 2 && random.nextDouble() < 0.2 + 0.5 * x[i] ? 1 : 0;
            w[i] = x[i] + 3 * d[i] * (x[i] - 0.4) + random.nextGaussian();
            group[i] = new String[] {"a", "b", "c"}[random.nextInt(3)];
        }
        Table table = of(w, arm, d);
        table.addColumns(DoubleColumn.create("x", x), tech.tablesaw.api.StringColumn.create("g", group));
        return table;
    }
}
