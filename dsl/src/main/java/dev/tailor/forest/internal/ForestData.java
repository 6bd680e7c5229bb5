package dev.tailor.forest.internal;

/**
 * The training data of one forest as compact primitive arrays, column-major: {@code x[j][i]} is covariate j of
 * row i, {@code outcomes[c][i]} outcome component c, {@code treatments[k][i]} (centered) treatment component k.
 * Each covariate also carries its row order (rows sorted by value), computed once and shared by every forest
 * grown on the same covariates, so trees never sort.
 *
 * <p>The arrays are not copied: callers hand over arrays they no longer mutate.
 */
public final class ForestData {

    private final double[][] x;
    private final int[][] order;
    private final double[][] outcomes;
    private final double[][] treatments;
    private final int n;

    private ForestData(double[][] x, int[][] order, double[][] outcomes, double[][] treatments) {
        this.x = x;
        this.order = order;
        this.outcomes = outcomes;
        this.treatments = treatments;
        this.n = x.length == 0 ? 0 : x[0].length;
        for (double[] column : x) {
            requireLength(column, "covariate");
        }
        for (double[] column : outcomes) {
            requireLength(column, "outcome");
        }
        for (double[] column : treatments) {
            requireLength(column, "treatment");
        }
    }

    /** Covariates only; attach responses with {@link #withResponses}. */
    public static ForestData of(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("A forest needs at least one covariate, got none.");
        }
        int[][] order = new int[x.length][];
        for (int j = 0; j < x.length; j++) {
            order[j] = Sorting.orderOf(x[j]);
        }
        return new ForestData(x, order, new double[0][], new double[0][]);
    }

    /** The same covariates (and row orders) with other outcomes and treatments. */
    public ForestData withResponses(double[][] newOutcomes, double[][] newTreatments) {
        return new ForestData(x, order, newOutcomes, newTreatments);
    }

    private void requireLength(double[] column, String what) {
        if (column.length != n) {
            throw new IllegalArgumentException("Every " + what + " column needs " + n + " rows, got " + column.length + ".");
        }
    }

    public int rows() {
        return n;
    }

    public int covariates() {
        return x.length;
    }

    public int outcomeCount() {
        return outcomes.length;
    }

    public int treatmentCount() {
        return treatments.length;
    }

    double x(int j, int row) {
        return x[j][row];
    }

    /** A copy of covariate j's values. */
    public double[] covariate(int j) {
        return x[j].clone();
    }

    double[][] x() {
        return x;
    }

    int[] order(int j) {
        return order[j];
    }

    double outcome(int c, int row) {
        return outcomes[c][row];
    }

    double treatment(int k, int row) {
        return treatments[k][row];
    }
}
