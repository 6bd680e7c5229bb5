package dev.tailor.coarse;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Coarse personalization against its baselines for K = 1..K_max (methods spec §2.16 and notebook N9): the
 * optimal K-set (exact or local search), greedy selection, preference and covariate k-means segmentation and a
 * grid of regular sets, with full personalization and the best uniform treatment as references. Immutable.
 *
 * <pre>{@code
 * CoarseComparison comparison = CoarseComparison.of(predicted)
 *         .treatments(1, 6)
 *         .covariates(x)                 // adds covariate k-means
 *         .grid(Promotions.productGrid()) // adds grid search
 *         .evaluatedOn(truth)            // recovery under the true values as well
 *         .seed(1L)
 *         .run();
 * comparison.plot()                      // recovery against K, one line per method
 * }</pre>
 */
public final class CoarseComparison implements Rendered {

    private final ValueMatrix values;
    private final ValueMatrix truth;
    private final List<CoarsePolicy> policies;
    private final List<Double> truthRecoveries;
    private final long seed;

    private CoarseComparison(ValueMatrix values, ValueMatrix truth, List<CoarsePolicy> policies,
            List<Double> truthRecoveries, long seed) {
        this.values = values;
        this.truth = truth;
        this.policies = List.copyOf(policies);
        this.truthRecoveries = List.copyOf(truthRecoveries);
        this.seed = seed;
    }

    /** Starts a comparison on the (predicted) value matrix: K = 1..min(6, M), seed 1, no covariates, no grid. */
    public static Builder of(ValueMatrix values) {
        Objects.requireNonNull(values, "values");
        return new Builder(values, 1, Math.min(6, values.treatments()), null, null, null, 1L);
    }

    /** The settings of a comparison; every step returns a new builder. */
    public static final class Builder {

        private final ValueMatrix values;
        private final int from;
        private final int to;
        private final double[][] covariates;
        private final List<int[]> grid;
        private final ValueMatrix truth;
        private final long seed;

        private Builder(ValueMatrix values, int from, int to, double[][] covariates, List<int[]> grid,
                ValueMatrix truth, long seed) {
            this.values = values;
            this.from = from;
            this.to = to;
            this.covariates = covariates;
            this.grid = grid;
            this.truth = truth;
            this.seed = seed;
        }

        /** K from {@code from} to {@code to}, both in 1..M. */
        public Builder treatments(int from, int to) {
            if (from < 1 || to < from || to > values.treatments()) {
                throw new IllegalArgumentException("K must run within 1..M = " + values.treatments() + ", got " + from
                        + ".." + to + ".");
            }
            return new Builder(values, from, to, covariates, grid, truth, seed);
        }

        /** Covariates (n × p, rows as in the value matrix) for covariate k-means segmentation. */
        public Builder covariates(double[][] covariates) {
            Objects.requireNonNull(covariates, "covariates");
            return new Builder(values, from, to, covariates.clone(), grid, truth, seed);
        }

        /** A family of regular treatment sets for grid search; sets of any size, the best with ≤ K is used. */
        public Builder grid(List<int[]> family) {
            Objects.requireNonNull(family, "family");
            return new Builder(values, from, to, covariates, family.stream().map(int[]::clone).toList(), truth, seed);
        }

        /** The true value matrix (a simulator's oracle), to report every policy's recovery under the truth too. */
        public Builder evaluatedOn(ValueMatrix truth) {
            Objects.requireNonNull(truth, "truth");
            if (truth.rows() != values.rows() || truth.columns() != values.columns()) {
                throw new IllegalArgumentException("The true value matrix is " + truth.rows() + " × " + truth.columns()
                        + " but the predicted one is " + values.rows() + " × " + values.columns() + "; they must match.");
            }
            return new Builder(values, from, to, covariates, grid, truth, seed);
        }

        /** Seeds k-means and local search. */
        public Builder seed(long seed) {
            return new Builder(values, from, to, covariates, grid, truth, seed);
        }

        /** Runs every method for every K; costs one exact search per K plus two k-means fits per K. */
        public CoarseComparison run() {
            List<CoarsePolicy> policies = new ArrayList<>();
            policies.add(Baselines.fullPersonalization(values));
            policies.add(Baselines.bestUniform(values, false));
            for (int k = from; k <= to; k++) {
                int budget = k;
                CoarseFit fit = CoarsePersonalization.spec().treatments(k).seed(seed).fit(values);
                policies.add(CoarsePolicy.of(fit.solver() == Solver.EXACT ? "coarse (exact)" : "coarse (local search)", k,
                        fit.assignment(), values));
                CoarseFit greedy = CoarsePersonalization.spec().treatments(k).solver(Solver.GREEDY).fit(values);
                policies.add(CoarsePolicy.of("greedy", k, greedy.assignment(), values));
                policies.add(Baselines.preferenceSegmentation(values, k, seed));
                if (covariates != null) {
                    policies.add(Baselines.covariateSegmentation(values, covariates, k, seed));
                }
                if (grid != null && grid.stream().anyMatch(set -> set.length <= budget)) {
                    policies.add(Baselines.grid(values, grid, k));
                }
            }
            List<Double> truthRecoveries = new ArrayList<>();
            if (truth != null) {
                for (CoarsePolicy policy : policies) {
                    truthRecoveries.add(CoarsePolicy.recovery(truth, truth.value(policy.assignment())));
                }
            }
            return new CoarseComparison(values, truth, policies, truthRecoveries, seed);
        }
    }

    /** Every policy: the two references first (full personalization, best uniform without the null), then by K. */
    public List<CoarsePolicy> policies() {
        return policies;
    }

    /** The distinct method names in order of first appearance. */
    public List<String> methods() {
        return policies.stream().map(CoarsePolicy::method).distinct().toList();
    }

    /** The policy of a method at K; fails with the available methods when there is none. */
    public CoarsePolicy policy(String method, int k) {
        return policies.stream().filter(p -> p.method().equals(method) && p.treatments() == k).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No policy \"" + method + "\" with K = " + k
                        + ". Methods: " + methods() + "."));
    }

    /** Whether true values were given ({@link Builder#evaluatedOn}). */
    public boolean hasTruth() {
        return truth != null;
    }

    /** The recovery of policy j (order of {@link #policies()}) under the true values; needs {@link #hasTruth()}. */
    public double truthRecovery(int j) {
        if (truth == null) {
            throw new IllegalStateException("No true values were given; call evaluatedOn(truth) before run().");
        }
        return truthRecoveries.get(j);
    }

    /** Recovery against K, one line per method that depends on K, and the references as flat lines. */
    public RecoveryPlot plot() {
        return RecoveryPlot.of(this);
    }

    // Rendering.

    private Report report() {
        List<String> header = new ArrayList<>(List.of("method", "K", "distinct", "objective", "recovery (%)"));
        if (truth != null) {
            header.add("true recovery (%)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < policies.size(); j++) {
            CoarsePolicy p = policies.get(j);
            List<String> row = new ArrayList<>(List.of(p.method(), p.treatments() == 0 ? "—" : String.valueOf(p.treatments()),
                    String.valueOf(p.distinct()), Fmt.fixed(p.objective(), 4), Fmt.pp(p.recovery(), 2)));
            if (truth != null) {
                row.add(Fmt.pp(truthRecoveries.get(j), 2));
            }
            rows.add(row);
        }
        List<String> notes = List.of(
                "Recovery = [V(policy) − V(" + values.name(0) + ")] / [V(full) − V(" + values.name(0) + ")]; V(" + values.name(0)
                        + ") = " + Fmt.fixed(values.mean(0), 4) + " per row.",
                "Coarse, greedy and grid offer " + values.name(0) + " on top of K treatments; k-means segments (K of them) "
                        + "each take their best column, " + values.name(0) + " included. k-means: k-means++, "
                        + Baselines.KMEANS_RESTARTS + " restarts, centres fitted on ≤ " + Fmt.count(KMeans.MAX_FIT_ROWS)
                        + " rows, seed " + seed + ".");
        return new Report("Coarse personalization vs baselines, n = " + Fmt.count(values.rows()) + ", M = "
                + values.treatments(), header, rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per policy: method, k (0 for references), distinct, objective, recovery[, true_recovery]. */
    @Override
    public Table table() {
        Table table = Table.create("coarse personalization vs baselines",
                StringColumn.create("method", policies.stream().map(CoarsePolicy::method).toList()),
                IntColumn.create("k", policies.stream().mapToInt(CoarsePolicy::treatments).toArray()),
                IntColumn.create("distinct", policies.stream().mapToInt(CoarsePolicy::distinct).toArray()),
                DoubleColumn.create("objective", policies.stream().mapToDouble(CoarsePolicy::objective).toArray()),
                DoubleColumn.create("recovery", policies.stream().mapToDouble(CoarsePolicy::recovery).toArray()));
        if (truth != null) {
            table.addColumns(DoubleColumn.create("true_recovery", truthRecoveries.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return table;
    }
}
