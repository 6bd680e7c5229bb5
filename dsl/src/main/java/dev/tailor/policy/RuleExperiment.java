package dev.tailor.policy;

import dev.tailor.data.DataException;
import dev.tailor.design.Allocation;
import dev.tailor.design.Arms;
import dev.tailor.design.Assignment;
import dev.tailor.design.Design;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An experiment that tests assignment rules out of sample, as the second phase of the personalization study does:
 * units are randomized into one arm per rule and, within each rule arm, into treated and control; a treated unit
 * receives the arm its rule picks for it, a control unit receives the control.
 *
 * <pre>{@code
 * RuleExperiment phase2 = RuleExperiment.named("school-year phase 2")
 *         .rules(best, forestRule, knnRule, random)      // the first rule is the benchmark of every contrast
 *         .stratifyBy("prior_login_phase2")
 *         .seed(20240301L)
 *         .build();
 * RuleAssignment assignment = phase2.randomize(population.covariates(), arms, "arm");
 * }</pre>
 *
 * <p>Randomization is complete within strata over the 2·R cells (rule × treated), so every rule gets its share of
 * every stratum and, within each rule, treated and control are balanced exactly up to rounding.
 */
public final class RuleExperiment {

    /** Column of the rule arm (0..R−1) that randomization adds. */
    public static final String RULE_COLUMN = "rule";
    /** Column of 1 for treated, 0 for control, within the rule arm. */
    public static final String TREATED_COLUMN = "treated";

    private final String name;
    private final List<Policy> rules;
    private final double treatedShare;
    private final Optional<String> strata;
    private final long seed;

    private RuleExperiment(String name, List<Policy> rules, double treatedShare, Optional<String> strata, long seed) {
        this.name = name;
        this.rules = List.copyOf(rules);
        this.treatedShare = treatedShare;
        this.strata = strata;
        this.seed = seed;
    }

    /** Starts an experiment with a readable name; {@code .rules(..)} comes next. */
    public static Builder named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A rule experiment needs a non-blank name, e.g. RuleExperiment.named(\"phase 2\").");
        }
        return new Builder(name, List.of(), 0.5, Optional.empty(), null);
    }

    /** The options of a rule experiment; every step returns a new builder. */
    public record Builder(String name, List<Policy> rules, double treatedShare, Optional<String> strata, Long seed) {

        /** The rules to test, the benchmark first (contrasts are each rule minus the first). */
        public Builder rules(Policy... policies) {
            return new Builder(name, List.of(policies), treatedShare, strata, seed);
        }

        /** Share of each rule arm that is treated (0.5 by default); the rest is that arm's control. */
        public Builder treatedShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("The treated share must be in (0, 1), got " + share + ".");
            }
            return new Builder(name, rules, share, strata, seed);
        }

        /** Randomize within the levels of this column. */
        public Builder stratifyBy(String column) {
            return new Builder(name, rules, treatedShare, Optional.of(column), seed);
        }

        public Builder seed(long value) {
            return new Builder(name, rules, treatedShare, strata, value);
        }

        /** The immutable experiment; needs at least one rule and a seed. */
        public RuleExperiment build() {
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("Rule experiment \"" + name + "\" has no rules. Call .rules(best, personalized, ...).");
            }
            if (seed == null) {
                throw new IllegalArgumentException("Rule experiment \"" + name + "\" has no seed. Call .seed(..) before .build().");
            }
            List<String> names = rules.stream().map(Policy::name).toList();
            if (names.stream().distinct().count() != names.size()) {
                throw new IllegalArgumentException("Rule names must be unique, got " + names + ". Rename with policy.named(..).");
            }
            return new RuleExperiment(name, rules, treatedShare, strata, seed);
        }

        @Override
        public String toString() {
            return "RuleExperiment (not built): " + rules.size() + " rules" + strata.map(s -> ", stratified by " + s).orElse("")
                    + (seed == null ? ", no seed yet — call .seed(..) and .build()" : " — call .build()");
        }
    }

    public String name() {
        return name;
    }

    public List<Policy> rules() {
        return rules;
    }

    public double treatedShare() {
        return treatedShare;
    }

    public Optional<String> strata() {
        return strata;
    }

    public long seed() {
        return seed;
    }

    /**
     * Randomizes the units into rule × treated cells and gives each treated unit the arm of its rule. The table
     * returned by {@link RuleAssignment#data()} has the columns {@value #RULE_COLUMN}, {@value #TREATED_COLUMN},
     * {@code rule_name} and {@code treatmentColumn} (the arm received: 0 for controls).
     *
     * @param units           the units, in the row order the rules were computed for
     * @param armCatalog      the arms the rules choose from (control first)
     * @param treatmentColumn the name of the received-arm column, e.g. "arm"
     */
    public RuleAssignment randomize(Table units, Arms armCatalog, String treatmentColumn) {
        Objects.requireNonNull(units, "units");
        int n = units.rowCount();
        List<int[]> ruleArms = new ArrayList<>();
        for (Policy rule : rules) {
            int[] arms = rule.assign(n);
            for (int i = 0; i < n; i++) {
                if (arms[i] < 0 || arms[i] >= armCatalog.size()) {
                    throw new DataException("Rule \"" + rule.name() + "\" gives row " + i + " arm " + arms[i]
                            + ", outside 0.." + (armCatalog.size() - 1) + " of " + armCatalog.names() + ".");
                }
            }
            ruleArms.add(arms);
        }
        Assignment cells = cellDesign().randomize(units);
        int[] cell = cells.armIndices();
        Table data = cells.data().removeColumns("rule_cell");
        IntColumn ruleColumn = IntColumn.create(RULE_COLUMN, n);
        StringColumn ruleName = StringColumn.create("rule_name", n);
        IntColumn treated = IntColumn.create(TREATED_COLUMN, n);
        IntColumn received = IntColumn.create(treatmentColumn, n);
        for (int i = 0; i < n; i++) {
            int r = cell[i] / 2;
            boolean isTreated = cell[i] % 2 == 1;
            ruleColumn.set(i, r);
            ruleName.set(i, rules.get(r).name());
            treated.set(i, isTreated ? 1 : 0);
            received.set(i, isTreated ? ruleArms.get(r)[i] : 0);
        }
        data.addColumns(ruleColumn, ruleName, treated, received);
        return new RuleAssignment(this, armCatalog, data, treatmentColumn, cells);
    }

    // Cells 2r (control) and 2r+1 (treated) of rule r, randomized completely within strata.
    private Design cellDesign() {
        List<String> cellNames = new ArrayList<>();
        double[] shares = new double[2 * rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            cellNames.add(rules.get(r).name() + " · control");
            cellNames.add(rules.get(r).name() + " · treated");
            shares[2 * r] = (1 - treatedShare) / rules.size();
            shares[2 * r + 1] = treatedShare / rules.size();
        }
        Arms cells = Arms.of(cellNames.subList(1, cellNames.size()).toArray(String[]::new)).withControl(cellNames.get(0));
        Design.Builder design = Design.named(name).arms(cells).allocation(Allocation.shares(shares))
                .treatmentColumn("rule_cell").seed(seed);
        return strata.map(design::stratifyBy).orElse(design).build();
    }

    @Override
    public String toString() {
        return "RuleExperiment \"" + name + "\": " + rules.size() + " rules (" + String.join(", ", rules.stream().map(Policy::name).toList())
                + "), " + Fmt.pp(treatedShare, 0) + "% treated within each" + strata.map(s -> ", stratified by " + s).orElse("")
                + ", seed " + seed;
    }
}
