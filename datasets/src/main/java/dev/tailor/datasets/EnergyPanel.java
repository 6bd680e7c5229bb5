package dev.tailor.datasets;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The half-hour peak usage panel of {@link EnergyHouseholds#panel()}: 248 July and 56 treatment-week half-hours. */
final class EnergyPanel {

    static final int SLOTS_PER_DAY = 8;
    static final int PRE_DAYS = 31;
    static final int POST_DAYS = 7;
    static final int PERIODS = (PRE_DAYS + POST_DAYS) * SLOTS_PER_DAY;
    private static final double AWAY_PROBABILITY = 0.15;
    private static final double AWAY_LEVEL = 0.05;
    private static final double SIGMA = 0.35;

    private EnergyPanel() {
    }

    static Table draw(EnergyHouseholds households, Draws draws) {
        int n = households.size();
        int rows = n * PERIODS;
        int[] id = new int[rows];
        int[] arm = new int[rows];
        int[] takeUp = new int[rows];
        int[] t = new int[rows];
        int[] post = new int[rows];
        double[] usage = new double[rows];
        int[] assignment = households.assignment();
        EnergyOutcomes observed = households.outcomes(assignment);
        int[] d = observed.takeUp();
        double[] y = observed.usage();
        double[] peak = households.x().peak();
        double[] raw = new double[PERIODS];
        for (int i = 0; i < n; i++) {
            for (int day = 0; day < PRE_DAYS + POST_DAYS; day++) {
                double kappa = draws.uniform() < AWAY_PROBABILITY ? AWAY_LEVEL : 1.0;
                for (int slot = 0; slot < SLOTS_PER_DAY; slot++) {
                    double eta = SIGMA * draws.normal();
                    raw[day * SLOTS_PER_DAY + slot] = shape(slot) * kappa * Math.exp(eta - SIGMA * SIGMA / 2);
                }
            }
            int split = PRE_DAYS * SLOTS_PER_DAY;
            double preScale = peak[i] / mean(raw, 0, split);
            double postScale = y[i] * 1000 / 2 / mean(raw, split, PERIODS);
            for (int s = 0; s < PERIODS; s++) {
                int row = i * PERIODS + s;
                id[row] = i;
                arm[row] = assignment[i];
                takeUp[row] = d[i];
                t[row] = s;
                post[row] = s < split ? 0 : 1;
                usage[row] = raw[s] * (s < split ? preScale : postScale);
            }
        }
        return Table.create("energy-rebate panel", IntColumn.create("id", id), IntColumn.create("arm", arm),
                IntColumn.create("take_up", takeUp), IntColumn.create("t", t), IntColumn.create("post", post),
                DoubleColumn.create("usage", usage));
    }

    /** d_t: 0.9 at 13:00 rising linearly to 1.1 at the last half-hour before 17:00; mean 1. */
    static double shape(int slot) {
        return 0.9 + 0.2 * slot / (SLOTS_PER_DAY - 1);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += values[k];
        }
        return sum / (to - from);
    }
}
