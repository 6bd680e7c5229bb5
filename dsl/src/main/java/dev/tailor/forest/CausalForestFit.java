package dev.tailor.forest;

import dev.tailor.data.Columns;
import dev.tailor.data.Roles;
import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.estimate.EffectEstimate;
import dev.tailor.estimate.EffectTable;
import dev.tailor.forest.internal.Aipw;
import dev.tailor.forest.internal.CausalEngine;
import dev.tailor.forest.internal.Predictions;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A fitted causal forest: out-of-bag conditional effects for the training rows (n × K, with variances),
 * predictions for new rows, AIPW scores and doubly robust average effects per arm. Immutable; arrays are copied
 * out. Renders as a summary (text and HTML); {@link #table()} holds the per-row out-of-bag effects.
 */
public final class CausalForestFit implements Rendered {

    /** Propensities below this are raised to it inside the AIPW inverse weights. */
    static final double PROPENSITY_FLOOR = 1e-3;

    private final CausalForest spec;
    private final String tableName;
    private final Roles roles;
    private final Arms arms;
    private final double[] y;
    private final int[] w;
    private final CausalEngine.Result result;
    private final double[][] scores;
    private final EffectTable averageEffects;

    CausalForestFit(CausalForest spec, String tableName, Roles roles, Arms arms, double[] y, int[] w,
                    CausalEngine.Result result) {
        this.spec = spec;
        this.tableName = tableName;
        this.roles = roles;
        this.arms = arms;
        this.y = y;
        this.w = w;
        this.result = result;
        this.scores = Aipw.scores(y, w, result.outcomeHat(), result.propensities(), result.outOfBag().estimates(),
                PROPENSITY_FLOOR);
        this.averageEffects = buildAverageEffects();
    }

    public CausalForest spec() {
        return spec;
    }

    public Arms arms() {
        return arms;
    }

    public Roles roles() {
        return roles;
    }

    public int rows() {
        return y.length;
    }

    /** Out-of-bag τ̂ for the training rows, {@code cate()[i][k - 1]} for arm k. */
    public double[][] cate() {
        return copy(result.outOfBag().estimates());
    }

    /** Little-bag variances of {@link #cate()}, same shape (NaN with ciGroupSize 1). */
    public double[][] variance() {
        return copy(result.outOfBag().variances());
    }

    /** Out-of-bag effects with confidence intervals, as a renderable result. */
    public CateEstimates outOfBag() {
        return new CateEstimates("out-of-bag, " + spec.describe(), arms, result.outOfBag().estimates(),
                result.outOfBag().variances());
    }

    /** Effects and variances for new rows; the table must hold the same covariate columns. */
    public CateEstimates predict(Table newData) {
        List<String> names = roles.covariates();
        double[][] x = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            x[j] = Columns.numeric(newData, names.get(j), "covariate");
        }
        Predictions predictions = result.forest().predict(x, spec.ciGroupSize() >= 2);
        double[][] variances = predictions.variances();
        if (variances == null) {
            variances = new double[x[0].length][arms.size() - 1];
            for (double[] row : variances) {
                java.util.Arrays.fill(row, Double.NaN);
            }
        }
        return new CateEstimates("predicted for table \"" + newData.name() + "\", " + spec.describe(), arms,
                predictions.estimates(), variances);
    }

    /**
     * Variable importance as in grf: depth-weighted split frequency (depths 1–4, weight d^−2), summing to 1, in the
     * order of {@code roles().covariates()}. A screening aid, not a test: correlated covariates share importance.
     */
    public double[] variableImportance() {
        return result.forest().variableImportance(4, 2);
    }

    /** Ŷ(X_i) = E[Y | X_i], out of bag. */
    public double[] outcomeHat() {
        return result.outcomeHat().clone();
    }

    /** ê_k(X_i) for arms k = 0..K: the known design probabilities, or out-of-bag forest estimates. */
    public double[][] propensities() {
        return copy(result.propensities());
    }

    /** AIPW scores Γ_ik of arm k vs control, {@code scores()[i][k - 1]}; their mean is the doubly robust ATE. */
    public double[][] scores() {
        return copy(scores);
    }

    /**
     * Doubly robust rewards of every arm including control, {@code rewards()[i][k]} for k = 0..K (policytree's
     * double_robust_scores): the input for policy learning and policy evaluation.
     */
    public double[][] rewards() {
        return Aipw.rewards(y, w, result.outcomeHat(), result.propensities(), result.outOfBag().estimates(),
                PROPENSITY_FLOOR);
    }

    /** Doubly robust (AIPW) average effect of each arm vs control, with SE √(Σ(Γ − Γ̄)²/(n(n − 1))). */
    public EffectTable averageEffects() {
        return averageEffects;
    }

    private EffectTable buildAverageEffects() {
        long[] counts = new long[arms.size()];
        double[][] tau = result.outOfBag().estimates();
        for (int i = 0; i < w.length; i++) {
            if (Double.isFinite(tau[i][0])) {
                counts[w[i]]++;
            }
        }
        List<EffectEstimate> effects = new ArrayList<>();
        for (Arm arm : arms.treatments()) {
            double[] estimate = Aipw.meanAndStdError(scores, arm.index() - 1);
            if (estimate[2] < 2) {
                throw new IllegalArgumentException("Only " + (long) estimate[2] + " of " + Fmt.count(y.length)
                        + " rows have an out-of-bag estimate, so no average effect can be formed: every tree saw almost "
                        + "every row. Use more trees or a smaller sampleFraction (grf uses 0.5).");
            }
            effects.add(new EffectEstimate(arm, estimate[0], estimate[1], counts[arm.index()]));
        }
        return new EffectTable("AIPW with " + spec.describe() + " nuisances", roles.outcome(), arms, effects, y.length,
                notes());
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        int missing = 0;
        for (double[] row : result.outOfBag().estimates()) {
            if (!Double.isFinite(row[0])) {
                missing++;
            }
        }
        if (missing > 0) {
            notes.add("Warning: " + Fmt.count(missing) + " of " + Fmt.count(y.length) + " rows have no out-of-bag "
                    + "estimate (every one of the " + spec.trees() + " trees saw them) and are left out of the averages; "
                    + "use more trees (grf uses 2,000).");
        }
        double[][] e = result.propensities();
        if (spec.knownPropensities() != null) {
            notes.add("Propensities: known from the design, " + formatted(spec.knownPropensities()) + " (arms "
                    + String.join(", ", arms.names()) + ").");
            for (double value : spec.knownPropensities()) {
                if (value < 0.05 || value > 0.95) {
                    notes.add("Warning: a design propensity is " + Fmt.fixed(value, 3) + ", outside [0.05, 0.95]; AIPW "
                            + "weights up to " + Fmt.fixed(1 / value, 1) + " make the average effects noisy.");
                    break;
                }
            }
        } else {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : e) {
                for (double value : row) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
            notes.add("Propensities: estimated out of bag (" + (arms.size() == 2 ? "regression" : "probability")
                    + " forest), range " + Fmt.fixed(min, 3) + "–" + Fmt.fixed(max, 3) + ".");
            if (min < 0.05 || max > 0.95) {
                notes.add("Warning: estimated propensities range " + Fmt.fixed(min, 3) + "–" + Fmt.fixed(max, 3)
                        + ", outside [0.05, 0.95]; AIPW weights are large there. In a randomized experiment pass the "
                        + "design's probabilities with knownPropensities(...); otherwise consider trimming (Crump et al. 2009).");
            }
            if (min < PROPENSITY_FLOOR) {
                notes.add("Propensities below " + PROPENSITY_FLOOR + " were raised to it inside the AIPW weights.");
            }
        }
        return notes;
    }

    private static String formatted(double[] values) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            out.append(k == 0 ? "" : ", ").append(Fmt.fixed(values[k], 4));
        }
        return out.toString();
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    private String title() {
        return "Causal forest on \"" + tableName + "\": " + roles.outcome() + " ~ " + roles.treatment() + " | "
                + String.join(", ", roles.covariates()) + "; n = " + Fmt.count(y.length) + ", " + (arms.size() - 1)
                + " arm(s) vs " + arms.control().name();
    }

    private static final List<String> HEADER = List.of("arm", "ATE (AIPW)", "se", "95% CI", "mean CATE", "sd CATE", "n");

    private List<List<String>> summaryRows() {
        List<List<String>> rows = new ArrayList<>();
        double[][] tau = result.outOfBag().estimates();
        for (EffectEstimate effect : averageEffects.effects()) {
            int c = effect.arm().index() - 1;
            double mean = 0;
            for (double[] row : tau) {
                mean += row[c];
            }
            mean /= tau.length;
            double squares = 0;
            for (double[] row : tau) {
                squares += (row[c] - mean) * (row[c] - mean);
            }
            double[] ci = effect.confInt(0.95);
            rows.add(List.of(effect.arm().name(), Fmt.fixed(effect.estimate(), 4), Fmt.fixed(effect.stdError(), 4),
                    "[" + Fmt.fixed(ci[0], 4) + ", " + Fmt.fixed(ci[1], 4) + "]", Fmt.fixed(mean, 4),
                    Fmt.fixed(Math.sqrt(squares / Math.max(1, tau.length - 1)), 4), Fmt.count(effect.n())));
        }
        return rows;
    }

    private List<String> footer() {
        List<String> lines = new ArrayList<>();
        lines.add("Method: " + spec.describe() + "; " + spec.effectiveNuisanceTrees() + " trees per nuisance forest; "
                + "CATEs out of bag.");
        lines.addAll(averageEffects.notes());
        return lines;
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader(HEADER.toArray(String[]::new));
        summaryRows().forEach(row -> text.row(row.toArray(String[]::new)));
        return title() + "\n" + text + String.join("\n", footer()) + "\n";
    }

    @Override
    public String toHtml() {
        return Html.table(title(), HEADER, summaryRows(), footer());
    }

    /** Per-row out-of-bag effects and standard errors (see {@link CateEstimates#table()}). */
    @Override
    public Table table() {
        return outOfBag().table();
    }
}
