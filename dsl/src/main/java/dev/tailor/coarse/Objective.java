package dev.tailor.coarse;

import java.util.Arrays;

/**
 * f(S), the total value of offering the columns S: each row takes its best offered column, or, with capacities,
 * the optimal capacitated assignment ({@link Transport}). The null column is offered on top of S when it does
 * not count toward K.
 */
final class Objective {

    private final ValueMatrix values;
    private final boolean nullBase;
    private final int[] caps;   // per column, or null without capacities
    private final int[] mins;   // per column (zeros when no minimums), or null without capacities

    Objective(ValueMatrix values, boolean nullBase, int[] mins, int[] caps) {
        this.values = values;
        this.nullBase = nullBase;
        this.caps = caps;
        this.mins = caps == null ? null : (mins == null ? new int[caps.length] : mins);
    }

    ValueMatrix values() {
        return values;
    }

    boolean nullBase() {
        return nullBase;
    }

    boolean capacitated() {
        return caps != null;
    }

    /** The offered columns in ascending order: S, plus the null when it is always available. */
    int[] atoms(int[] subset) {
        int[] sorted = subset.clone();
        Arrays.sort(sorted);
        if (!nullBase || (sorted.length > 0 && sorted[0] == 0)) {
            return sorted;
        }
        int[] atoms = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, atoms, 1, sorted.length);
        return atoms;
    }

    /** The capacities of the offered columns. */
    int[] capsOf(int[] atoms) {
        int[] out = new int[atoms.length];
        for (int a = 0; a < atoms.length; a++) {
            out[a] = caps == null ? values.rows() : caps[atoms[a]];
        }
        return out;
    }

    /** The minimums of the offered columns (zeros without capacities). */
    int[] minsOf(int[] atoms) {
        int[] out = new int[atoms.length];
        for (int a = 0; a < atoms.length; a++) {
            out[a] = mins == null ? 0 : mins[atoms[a]];
        }
        return out;
    }

    /** Whether the offered columns can hold every row and their minimums leave no row short. */
    boolean feasible(int[] subset) {
        if (caps == null) {
            return true;
        }
        int[] atoms = atoms(subset);
        long room = 0;
        long least = 0;
        for (int a = 0; a < atoms.length; a++) {
            room += caps[atoms[a]];
            least += mins[atoms[a]];
        }
        return room >= values.rows() && least <= values.rows();
    }

    /** f(S); −∞ when the capacities of S cannot hold every row. */
    double total(int[] subset) {
        if (caps == null) {
            return uncapacitated(subset);
        }
        if (!feasible(subset)) {
            return Double.NEGATIVE_INFINITY;
        }
        int[] atoms = atoms(subset);
        return Transport.solve(values, atoms, minsOf(atoms), capsOf(atoms)).total();
    }

    /** The optimal assignment to S (capacitated or not), with prices and the duality gap. */
    Transport.Plan plan(int[] subset) {
        int[] atoms = atoms(subset);
        return Transport.solve(values, atoms, minsOf(atoms), capsOf(atoms));
    }

    /**
     * A Lagrangian upper bound on the capacitated f(S): for any prices λ (one per column, either sign),
     * f(S) ≤ Σ_i max_{a offered} (v_ia − λ_a) + Σ_{a offered} (max_a·λ_a⁺ − min_a·λ_a⁻) (weak duality).
     */
    double dualBound(int[] subset, double[] columnPrices) {
        int[] atoms = atoms(subset);
        int[] atomCaps = capsOf(atoms);
        int[] atomMins = minsOf(atoms);
        int n = values.rows();
        double[][] columns = new double[atoms.length][];
        double[] prices = new double[atoms.length];
        double bound = 0;
        for (int a = 0; a < atoms.length; a++) {
            columns[a] = values.columnView(atoms[a]);
            prices[a] = columnPrices[atoms[a]];
            bound += prices[a] >= 0 ? (double) atomCaps[a] * prices[a] : (double) atomMins[a] * prices[a];
        }
        for (int i = 0; i < n; i++) {
            double best = columns[0][i] - prices[0];
            for (int a = 1; a < columns.length; a++) {
                double v = columns[a][i] - prices[a];
                best = v > best ? v : best;
            }
            bound += best;
        }
        return bound;
    }

    /** Σ_i max over the offered columns, ignoring capacities. */
    double uncapacitated(int[] subset) {
        int[] atoms = atoms(subset);
        int n = values.rows();
        double[][] columns = new double[atoms.length][];
        for (int a = 0; a < atoms.length; a++) {
            columns[a] = values.columnView(atoms[a]);
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double best = columns[0][i];
            for (int a = 1; a < columns.length; a++) {
                double v = columns[a][i];
                best = v > best ? v : best;
            }
            total += best;
        }
        return total;
    }
}
