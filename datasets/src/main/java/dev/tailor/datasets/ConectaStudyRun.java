package dev.tailor.datasets;

import dev.tailor.policy.Policy;
import dev.tailor.policy.RuleEffects;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One run of the two-phase study: for each Phase 2 rule (benchmark first), its true value in Phase 2 (mean true
 * effect of the arm it gives each parent), its regret against each parent's own best arm, and its effect as
 * Phase 2 estimates it; plus the estimated contrast of the second rule (CF) with the first (Best). Immutable.
 * Prints as a table, renders as HTML and converts to a table with one row per rule; {@link #sideBySide} puts
 * several runs (e.g. two heterogeneity scales) in one table.
 */
public final class ConectaStudyRun implements Rendered {

    private final String label;
    private final List<String> rules;
    private final double[] trueValue;
    private final double oracleValue;
    private final double[] estimate;
    private final double[] stdError;
    private final RuleEffects.Contrast contrast;

    private ConectaStudyRun(String label, List<String> rules, double[] trueValue, double oracleValue, double[] estimate,
            double[] stdError, RuleEffects.Contrast contrast) {
        this.label = label;
        this.rules = List.copyOf(rules);
        this.trueValue = trueValue;
        this.oracleValue = oracleValue;
        this.estimate = estimate;
        this.stdError = stdError;
        this.contrast = contrast;
    }

    /**
     * A run from its parts, as a notebook that ran the steps itself holds them: the rules in the order of the rule
     * experiment (benchmark first), the Phase 2 oracle and the experiment's estimates.
     */
    public static ConectaStudyRun of(String label, List<Policy> rules, Oracle phase2Truth, RuleEffects effects) {
        int n = phase2Truth.size();
        double[] value = rules.stream().mapToDouble(rule -> phase2Truth.value(rule.assign(n))).toArray();
        double[] estimates = effects.effects().estimates();
        if (estimates.length != rules.size()) {
            throw new IllegalArgumentException("The rule experiment estimated " + estimates.length + " rules but " + rules.size()
                    + " were given; pass the rules in the experiment's order.");
        }
        return new ConectaStudyRun(label, rules.stream().map(Policy::name).toList(), value, phase2Truth.oracleValue(), estimates,
                effects.effects().stdErrors(), effects.contrasts().get(0));
    }

    public String label() {
        return label;
    }

    /** Rule names, benchmark first. */
    public List<String> rules() {
        return rules;
    }

    /** The rule's true Phase 2 value: mean over parents of the true effect of the arm it gives them. */
    public double trueValue(String rule) {
        return trueValue[index(rule)];
    }

    /** Each parent's own best arm: the most any rule can reach. */
    public double oracleValue() {
        return oracleValue;
    }

    /** Oracle value minus the rule's true value (≥ 0). */
    public double regret(String rule) {
        return oracleValue - trueValue(rule);
    }

    /** The rule's effect as Phase 2 estimates it (treated minus control within its arm). */
    public double estimate(String rule) {
        return estimate[index(rule)];
    }

    public double stdError(String rule) {
        return stdError[index(rule)];
    }

    /** The estimated contrast of the second rule with the benchmark (CF − Best in the registered design). */
    public RuleEffects.Contrast contrast() {
        return contrast;
    }

    /** The true difference behind {@link #contrast()}. */
    public double trueContrast() {
        return trueValue[1] - trueValue[0];
    }

    private int index(String rule) {
        int i = rules.indexOf(rule);
        if (i < 0) {
            throw new IllegalArgumentException("No rule \"" + rule + "\" in this run; rules: " + rules + ".");
        }
        return i;
    }

    /** Several runs in one table: per run, each rule's true value, regret and estimated effect (SE), in pp. */
    public static Rendered sideBySide(ConectaStudyRun... runs) {
        return new SideBySide(List.of(runs));
    }

    private record SideBySide(List<ConectaStudyRun> runs) implements Rendered {

        private Report report() {
            List<String> header = new ArrayList<>(List.of("rule"));
            for (ConectaStudyRun run : runs) {
                header.addAll(List.of(run.label + ": true value", "regret", "estimate (SE)"));
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < runs.get(0).rules.size(); r++) {
                List<String> row = new ArrayList<>(List.of(runs.get(0).rules.get(r)));
                for (ConectaStudyRun run : runs) {
                    row.addAll(List.of(Fmt.fixed(100 * run.trueValue[r], 2), Fmt.fixed(100 * (run.oracleValue - run.trueValue[r]), 2),
                            Fmt.fixed(100 * run.estimate[r], 2) + " (" + Fmt.fixed(100 * run.stdError[r], 2) + ")"));
                }
                rows.add(row);
            }
            List<String> oracle = new ArrayList<>(List.of("oracle"));
            List<String> contrast = new ArrayList<>(List.of(runs.get(0).contrast.rule() + " − " + runs.get(0).contrast.benchmark()));
            for (ConectaStudyRun run : runs) {
                oracle.addAll(List.of(Fmt.fixed(100 * run.oracleValue, 2), "0.00", ""));
                contrast.addAll(List.of(Fmt.fixed(100 * run.trueContrast(), 2), "", Fmt.fixed(100 * run.contrast.estimate(), 2) + " ("
                        + Fmt.fixed(100 * run.contrast.stdError(), 2) + "), p = " + Fmt.pValue(run.contrast.pValue())));
            }
            rows.add(oracle);
            rows.add(contrast);
            return new Report("Phase 2 rules in truth and as estimated (pp)", header, rows, List.of("True value: mean true"
                    + " effect of the arm the rule gives each parent; regret: oracle value minus it. Estimate: treated minus"
                    + " control within the rule's arm (HC2 SE); the contrast row's p is one-sided."));
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
            Table table = Table.create("Phase 2 rules side by side");
            for (ConectaStudyRun run : runs) {
                Table one = run.table();
                one.addColumns(StringColumn.create("run", java.util.Collections.nCopies(one.rowCount(), run.label)));
                table = table.columnCount() == 0 ? one : table.append(one);
            }
            return table;
        }
    }

    private Report report() {
        return SideBySide.class.cast(sideBySide(this)).report();
    }

    @Override
    public String toString() {
        return label + "\n" + report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per rule: true value, regret, estimate and SE, in outcome units. */
    @Override
    public Table table() {
        double[] regret = Arrays.stream(trueValue).map(v -> oracleValue - v).toArray();
        return Table.create(label, StringColumn.create("rule", rules), DoubleColumn.create("true_value", trueValue),
                DoubleColumn.create("regret", regret), DoubleColumn.create("estimate", estimate),
                DoubleColumn.create("std_error", stdError));
    }
}
