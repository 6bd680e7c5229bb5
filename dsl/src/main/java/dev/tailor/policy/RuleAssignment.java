package dev.tailor.policy;

import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import dev.tailor.design.Assignment;
import dev.tailor.estimate.EffectEstimate;
import dev.tailor.estimate.Ols;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The randomization of a {@link RuleExperiment}: which rule arm each unit is in, whether it is treated, and the arm
 * it receives. {@link #analyze(Table, String)} estimates the effect of each rule from the observed outcomes.
 */
public final class RuleAssignment implements Rendered {

    private final RuleExperiment experiment;
    private final Arms arms;
    private final Table data;
    private final String treatmentColumn;
    private final Assignment cells;

    RuleAssignment(RuleExperiment experiment, Arms arms, Table data, String treatmentColumn, Assignment cells) {
        this.experiment = experiment;
        this.arms = arms;
        this.data = data;
        this.treatmentColumn = treatmentColumn;
        this.cells = cells;
    }

    public RuleExperiment experiment() {
        return experiment;
    }

    /** A copy of the units with the rule, treated, rule_name and received-arm columns. */
    public Table data() {
        return data.copy();
    }

    /** The name of the received-arm column (0 = control). */
    public String treatmentColumn() {
        return treatmentColumn;
    }

    /** The arm each unit receives: its rule's arm if treated, control otherwise. */
    public int[] receivedArms() {
        return data.intColumn(treatmentColumn).asIntArray();
    }

    /**
     * The effect of each rule: treated minus control within its rule arm, by OLS with the design's strata as fixed
     * effects and HC2 standard errors, and every rule's contrast with the first.
     *
     * @param observed the {@link #data()} table with the outcome added (more columns are fine)
     * @param outcome  the outcome column
     */
    public RuleEffects analyze(Table observed, String outcome) {
        List<EffectEstimate> effects = new ArrayList<>();
        List<Policy> rules = experiment.rules();
        Arms ruleArms = Arms.of(rules.stream().map(Policy::name).toArray(String[]::new)).withControl("control");
        IntColumn ruleColumn = observed.intColumn(RuleExperiment.RULE_COLUMN);
        for (int r = 0; r < rules.size(); r++) {
            Table arm = observed.where(ruleColumn.isEqualTo(r));
            Roles roles = Roles.outcome(outcome).treatment(RuleExperiment.TREATED_COLUMN)
                    .arms(Arms.of(rules.get(r).name()).withControl("control"));
            if (experiment.strata().isPresent()) {
                roles = roles.strata(experiment.strata().get());
            }
            EffectEstimate effect = Ols.spec().fit(arm, roles).effects().effects().get(0);
            effects.add(new EffectEstimate(ruleArms.get(r + 1), effect.estimate(), effect.stdError(), effect.n()));
        }
        return new RuleEffects(experiment.name(), outcome, ruleArms, effects, observed.rowCount(), isBinary(observed, outcome));
    }

    private static boolean isBinary(Table table, String column) {
        var values = table.numberColumn(column);
        for (int i = 0; i < values.size(); i++) {
            double value = values.getDouble(i);
            if (value != 0 && value != 1) {
                return false;
            }
        }
        return true;
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        IntColumn rule = data.intColumn(RuleExperiment.RULE_COLUMN);
        IntColumn treated = data.intColumn(RuleExperiment.TREATED_COLUMN);
        int[] received = receivedArms();
        for (int r = 0; r < experiment.rules().size(); r++) {
            long[] counts = new long[arms.size()];
            long nTreated = 0;
            long nControl = 0;
            for (int i = 0; i < received.length; i++) {
                if (rule.getInt(i) == r) {
                    if (treated.getInt(i) == 1) {
                        nTreated++;
                        counts[received[i]]++;
                    } else {
                        nControl++;
                    }
                }
            }
            int top = 0;
            for (int k = 1; k < counts.length; k++) {
                top = counts[k] > counts[top] ? k : top;
            }
            int distinct = 0;
            for (long count : counts) {
                distinct += count > 0 ? 1 : 0;
            }
            rows.add(List.of(experiment.rules().get(r).name(), Fmt.count(nTreated), Fmt.count(nControl), Integer.toString(distinct),
                    arms.get(top).name() + " (" + Fmt.pp(nTreated == 0 ? 0 : (double) counts[top] / nTreated, 1) + "%)"));
        }
        return new Report("Rule experiment \"" + experiment.name() + "\": " + Fmt.count(data.rowCount()) + " units, "
                + experiment.rules().size() + " rules, seed " + experiment.seed(),
                List.of("rule", "treated", "control", "arms used", "most common arm (share of treated)"), rows,
                List.of("Cells rule × treated randomized completely" + experiment.strata().map(s -> " within strata of " + s).orElse("")
                        + "; max deviation from target counts " + Fmt.fixed(cells.maxDeviation(), 2) + " units."));
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per rule: rule, treated and control counts. */
    @Override
    public Table table() {
        return cells.table();
    }
}
