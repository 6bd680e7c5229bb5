package dev.tailor.estimate;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Estimated effects set beside the true effects of a simulator: the error of each arm in standard errors and
 * whether its 95% interval covers the truth. {@link #requireWithin(double)} turns a notebook into a check that
 * fails loudly when an estimator breaks.
 *
 * @param effects the estimates
 * @param truth   the true effect of arms 1..K, in the same units as the estimates
 */
public record TruthComparison(EffectTable effects, double[] truth) implements Rendered {

    public TruthComparison {
        truth = truth.clone();
        if (truth.length != effects.effects().size()) {
            throw new IllegalArgumentException("Expected one true effect per treatment arm (" + effects.effects().size()
                    + "), got " + truth.length + ".");
        }
    }

    @Override
    public double[] truth() {
        return truth.clone();
    }

    /** (estimate − truth) / standard error, per arm. */
    public double[] zScores() {
        double[] z = new double[truth.length];
        for (int k = 0; k < z.length; k++) {
            EffectEstimate effect = effects.effects().get(k);
            z[k] = (effect.estimate() - truth[k]) / effect.stdError();
        }
        return z;
    }

    /** The largest |z| over arms. */
    public double maxAbsZ() {
        double max = 0;
        for (double z : zScores()) {
            max = Math.max(max, Math.abs(z));
        }
        return max;
    }

    /** Share of arms whose 95% confidence interval contains the truth. */
    public double coverage() {
        int covered = 0;
        for (int k = 0; k < truth.length; k++) {
            double[] ci = effects.effects().get(k).confInt(0.95);
            covered += ci[0] <= truth[k] && truth[k] <= ci[1] ? 1 : 0;
        }
        return (double) covered / truth.length;
    }

    /**
     * Returns this comparison when every arm's estimate is within {@code maxZ} standard errors of its truth, and
     * throws otherwise, naming the arms that miss.
     */
    public TruthComparison requireWithin(double maxZ) {
        double[] z = zScores();
        List<String> misses = new ArrayList<>();
        for (int k = 0; k < z.length; k++) {
            if (!(Math.abs(z[k]) <= maxZ)) {
                misses.add(effects.effects().get(k).arm().name() + " (z = " + Fmt.fixed(z[k], 2) + ")");
            }
        }
        if (!misses.isEmpty()) {
            throw new IllegalStateException("Estimates of " + effects.method() + " miss the truth by more than " + maxZ
                    + " standard errors for " + String.join(", ", misses) + ". Check the estimator or the data.");
        }
        return this;
    }

    private static final List<String> HEADER = List.of("arm", "estimate", "truth", "se", "z", "95% CI covers");

    private List<List<String>> rows() {
        int digits = effects.digits();
        double[] z = zScores();
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < truth.length; k++) {
            EffectEstimate effect = effects.effects().get(k);
            double[] ci = effect.confInt(0.95);
            rows.add(List.of(effect.arm().name(), effects.shown(effect.estimate(), digits), effects.shown(truth[k], digits),
                    effects.shown(effect.stdError(), digits), Fmt.fixed(z[k], 2), ci[0] <= truth[k] && truth[k] <= ci[1] ? "yes" : "no"));
        }
        return rows;
    }

    private String title() {
        return "Estimates vs truth — " + effects.method() + ", outcome " + effects.outcome()
                + (effects.percentagePoints() ? " (pp)" : "");
    }

    private String summary() {
        return "95% CIs cover the truth for " + Fmt.fixed(100 * coverage(), 0) + "% of " + truth.length
                + " arms; max |z| = " + Fmt.fixed(maxAbsZ(), 2) + ".";
    }

    private Report report() {
        return new Report(title(), HEADER, rows(), List.of(summary()));
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    @Override
    public Table table() {
        StringColumn arm = StringColumn.create("arm");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn truthColumn = DoubleColumn.create("truth");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn z = DoubleColumn.create("z", zScores());
        BooleanColumn covers = BooleanColumn.create("ci_covers");
        for (int k = 0; k < truth.length; k++) {
            EffectEstimate effect = effects.effects().get(k);
            double[] ci = effect.confInt(0.95);
            arm.append(effect.arm().name());
            estimate.append(effect.estimate());
            truthColumn.append(truth[k]);
            se.append(effect.stdError());
            covers.append(ci[0] <= truth[k] && truth[k] <= ci[1]);
        }
        return Table.create("estimates vs truth", arm, estimate, truthColumn, se, z, covers);
    }
}
