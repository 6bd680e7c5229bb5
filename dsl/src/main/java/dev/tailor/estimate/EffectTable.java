package dev.tailor.estimate;

import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Effects of every treatment arm against control, from one estimator, with provenance.
 *
 * @param method   how the effects were estimated, e.g. "OLS with prior_login fixed effects, HC2 standard errors"
 * @param outcome  the outcome column
 * @param arms     the arm catalog, control first
 * @param effects  one estimate per treatment arm, in arm order
 * @param n        units used
 * @param notes    diagnostics and remarks printed under the table
 * @param percentagePoints whether the printed views show effects ×100 in percentage points, as reads best for a
 *                 binary outcome; the numbers themselves (accessors, {@link #table()}) stay in outcome units
 */
public record EffectTable(String method, String outcome, Arms arms, List<EffectEstimate> effects, long n, List<String> notes,
                          boolean percentagePoints) implements Rendered {

    /** Effects printed in outcome units. */
    public EffectTable(String method, String outcome, Arms arms, List<EffectEstimate> effects, long n, List<String> notes) {
        this(method, outcome, arms, effects, n, notes, false);
    }

    public EffectTable {
        effects = List.copyOf(effects);
        notes = List.copyOf(notes);
        if (effects.size() != arms.size() - 1) {
            throw new IllegalArgumentException("Expected one effect per treatment arm (" + (arms.size() - 1) + "), got " + effects.size() + ".");
        }
    }

    /** The effect of the named arm. */
    public EffectEstimate effect(String armName) {
        return effect(arms.get(armName));
    }

    public EffectEstimate effect(Arm arm) {
        if (arm.isControl()) {
            throw new IllegalArgumentException("The control arm \"" + arm.name() + "\" is the baseline; it has no effect against itself.");
        }
        return effects.get(arm.index() - 1);
    }

    /** The arm with the highest estimate; ties go to the lowest index. Its estimate is biased upward (winner's curse). */
    public Arm best() {
        EffectEstimate best = effects.get(0);
        for (EffectEstimate effect : effects) {
            if (effect.estimate() > best.estimate()) {
                best = effect;
            }
        }
        return best.arm();
    }

    /**
     * These estimates beside the true effects of arms 1..K (from a simulator's oracle), with z-scores and
     * coverage.
     */
    public TruthComparison against(double[] trueEffects) {
        return new TruthComparison(this, trueEffects);
    }

    /** The same effects, printed in percentage points (for a 0/1 outcome: 0.0212 prints as 2.12). */
    public EffectTable inPercentagePoints() {
        return new EffectTable(method, outcome, arms, effects, n, notes, true);
    }

    /** Estimates in arm order 1..K. */
    public double[] estimates() {
        return effects.stream().mapToDouble(EffectEstimate::estimate).toArray();
    }

    public double[] stdErrors() {
        return effects.stream().mapToDouble(EffectEstimate::stdError).toArray();
    }

    private String title() {
        return "Effects on " + outcome + (percentagePoints ? " (pp)" : "") + " vs " + arms.control().name() + " — " + method
                + ", n = " + Fmt.count(n);
    }

    private List<List<String>> rows(int digits) {
        List<List<String>> rows = new ArrayList<>();
        Arm best = best();
        for (EffectEstimate effect : effects) {
            double[] ci = effect.confInt(0.95);
            rows.add(List.of(effect.arm().name() + (effect.arm().equals(best) ? " *" : ""),
                    shown(effect.estimate(), digits), shown(effect.stdError(), digits),
                    "[" + shown(ci[0], digits) + ", " + shown(ci[1], digits) + "]",
                    Fmt.pValue(effect.pValue()), Fmt.count(effect.n())));
        }
        return rows;
    }

    private List<String> footer() {
        List<String> lines = new ArrayList<>();
        lines.add("* best arm (highest estimate; its estimate is biased upward as the maximum of " + effects.size() + ").");
        lines.addAll(notes);
        return lines;
    }

    /** Decimals for the printed views, from the size of the largest standard error as printed. */
    int digits() {
        double scale = Arrays.stream(stdErrors()).max().orElse(1) * (percentagePoints ? 100 : 1);
        return scale < 0.01 ? 4 : scale < 0.1 ? 3 : 2;
    }

    /** A value in the printed unit. */
    String shown(double value, int digits) {
        return Fmt.fixed(percentagePoints ? 100 * value : value, digits);
    }

    private static final List<String> HEADER = List.of("arm", "estimate", "se", "95% CI", "p", "n");

    private Report report() {
        return new Report(title(), HEADER, rows(digits()), footer());
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
        IntColumn index = IntColumn.create("arm_index");
        StringColumn name = StringColumn.create("arm");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        DoubleColumn p = DoubleColumn.create("p_value");
        LongColumn count = LongColumn.create("n");
        for (EffectEstimate effect : effects) {
            double[] ci = effect.confInt(0.95);
            index.append(effect.arm().index());
            name.append(effect.arm().name());
            estimate.append(effect.estimate());
            se.append(effect.stdError());
            low.append(ci[0]);
            high.append(ci[1]);
            p.append(effect.pValue());
            count.append(effect.n());
        }
        return Table.create("effects on " + outcome, index, name, estimate, se, low, high, p, count);
    }
}
