package dev.tailor.policy;

import dev.tailor.design.Arms;
import dev.tailor.estimate.EffectEstimate;
import dev.tailor.estimate.EffectTable;
import dev.tailor.estimate.NormalInference;
import dev.tailor.estimate.TruthComparison;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The effect of each rule of a {@link RuleExperiment} (treated minus control within its arm) and each rule's
 * contrast with the first rule, the benchmark.
 */
public final class RuleEffects implements Rendered {

    /**
     * Rule minus benchmark: the difference of two effects estimated on disjoint random halves, so its variance is
     * the sum of theirs.
     *
     * @param pValue one-sided, for H0: the rule is no better than the benchmark
     */
    public record Contrast(String rule, String benchmark, double estimate, double stdError, double pValue) {
    }

    private final EffectTable effects;
    private final List<Contrast> contrasts;

    RuleEffects(String experiment, String outcome, Arms rules, List<EffectEstimate> estimates, long n, boolean binary) {
        EffectTable table = new EffectTable("rule experiment \"" + experiment + "\", treated vs control within each rule arm, OLS HC2",
                outcome, rules, estimates, n, List.of());
        this.effects = binary ? table.inPercentagePoints() : table;
        List<Contrast> list = new ArrayList<>();
        EffectEstimate benchmark = estimates.get(0);
        for (EffectEstimate effect : estimates.subList(1, estimates.size())) {
            double difference = effect.estimate() - benchmark.estimate();
            double se = Math.hypot(effect.stdError(), benchmark.stdError());
            list.add(new Contrast(effect.arm().name(), benchmark.arm().name(), difference, se,
                    NormalInference.oneSidedPValue(difference, se)));
        }
        this.contrasts = List.copyOf(list);
    }

    /** The effect of every rule, as an effect table whose "arms" are the rules. */
    public EffectTable effects() {
        return effects;
    }

    /** Each rule after the first minus the first. */
    public List<Contrast> contrasts() {
        return contrasts;
    }

    /** The contrast of the named rule with the benchmark. */
    public Contrast contrast(String rule) {
        return contrasts.stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No contrast for rule \"" + rule + "\"; rules: "
                        + contrasts.stream().map(Contrast::rule).toList() + " (the benchmark has none)."));
    }

    /** The rules' estimated effects beside their true effects (e.g. a simulator's oracle value of each rule). */
    public TruthComparison against(double[] trueEffects) {
        return effects.against(trueEffects);
    }

    private Report contrastReport() {
        double scale = effects.percentagePoints() ? 100 : 1;
        List<List<String>> rows = contrasts.stream().map(c -> List.of(c.rule() + " − " + c.benchmark(),
                Fmt.fixed(scale * c.estimate(), 2), Fmt.fixed(scale * c.stdError(), 2), Fmt.pValue(c.pValue()))).toList();
        return new Report("Contrasts with the benchmark rule" + (effects.percentagePoints() ? " (pp)" : ""),
                List.of("contrast", "estimate", "se", "p (one-sided)"), rows,
                List.of("p tests H0: the rule is no better than " + contrasts.get(0).benchmark() + "."));
    }

    @Override
    public String toString() {
        return effects + "\n" + (contrasts.isEmpty() ? "" : contrastReport().text());
    }

    @Override
    public String toHtml() {
        return effects.toHtml() + (contrasts.isEmpty() ? "" : "\n" + contrastReport().html());
    }

    /** One row per contrast: rule, benchmark, estimate, std_error, p_value. */
    @Override
    public Table table() {
        return Table.create("contrasts",
                StringColumn.create("rule", contrasts.stream().map(Contrast::rule).toList()),
                StringColumn.create("benchmark", contrasts.stream().map(Contrast::benchmark).toList()),
                DoubleColumn.create("estimate", contrasts.stream().mapToDouble(Contrast::estimate).toArray()),
                DoubleColumn.create("std_error", contrasts.stream().mapToDouble(Contrast::stdError).toArray()),
                DoubleColumn.create("p_value", contrasts.stream().mapToDouble(Contrast::pValue).toArray()));
    }
}
