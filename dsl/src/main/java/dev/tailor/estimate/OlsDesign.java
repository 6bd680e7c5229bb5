package dev.tailor.estimate;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The OLS design read from a table through {@link Columns}: the outcome, the arm of each row, its stratum and
 * its covariates, validated, plus the names of the k model columns.
 *
 * <p>Rows are never expanded to a dense n × k matrix. A row of the working design
 * Z = [1, arm dummies, stratum dummies, centered covariates] is its arm × stratum <em>cell</em>, which fixes the
 * dummy part (at most 3 ones, see {@link #dummies}), plus its p centered covariates, stored row-major in
 * {@link #centered}. Centering the covariates (and only them) keeps Z'Z well conditioned when a covariate has a
 * large mean (income in JPY, say) without changing the column space; the intercept is mapped back afterwards.
 */
final class OlsDesign {

    /** The kind of a model column, for coefficient names and error messages. */
    enum Kind { INTERCEPT, ARM, STRATUM, COVARIATE }

    /** A model column: its kind and a readable label ("(intercept)", an arm name, "prior_login=1", a covariate). */
    record Term(Kind kind, String label) {

        /** How the column is named in an error message, e.g. {@code covariate "income"}. */
        String describe() {
            return switch (kind) {
                case INTERCEPT -> "the intercept";
                case ARM -> "arm \"" + label + "\"";
                case STRATUM -> "the fixed effect for " + label;
                case COVARIATE -> "covariate \"" + label + "\"";
            };
        }
    }

    final String tableName;
    final String outcome;
    final String treatment;
    final Arms arms;
    final double[] y;
    final int[] arm;
    final long[] armCounts;
    final Optional<String> strataColumn;
    final List<String> strataLevels;
    final int[] stratum; // codes 0..G-1; all 0 without strata
    final long[] strataCounts;
    final List<String> covariateNames;
    final int p;
    final double[] centered; // n × p row-major: x_ij − x̄_j at i * p + j
    final double[] covariateMeans;
    final int[] cell; // arm + arms.size() * stratum
    final List<Term> terms;

    private OlsDesign(Table table, Roles roles) {
        this.tableName = table.name();
        this.outcome = roles.outcome();
        this.treatment = roles.treatment();
        this.y = Columns.numeric(table, outcome, "the outcome");
        this.arms = roles.arms().orElseGet(() -> inferArms(table, treatment));
        this.arm = Columns.treatment(table, treatment, arms);
        int n = y.length;

        // Arms: every arm needs two units for a variance; Columns has already rejected empty arms.
        armCounts = new long[arms.size()];
        for (int w : arm) {
            armCounts[w]++;
        }
        for (int w = 0; w < armCounts.length; w++) {
            if (armCounts[w] < 2) {
                throw new DataException("Arm \"" + arms.get(w).name() + "\" (index " + w + ") has " + armCounts[w]
                        + " unit in column \"" + treatment + "\" of table \"" + tableName + "\"; at least 2 units per arm are"
                        + " needed for a standard error. Drop the arm from the catalog, or check the assignment.");
            }
        }

        // Strata: codes in the sorted order of the column's values; the first level is the reference.
        this.strataColumn = roles.strata();
        if (strataColumn.isPresent()) {
            Columns.Groups groups = Columns.groups(table, strataColumn.get(), "the strata");
            this.stratum = groups.codes();
            this.strataLevels = groups.labels();
        } else {
            this.stratum = new int[n];
            this.strataLevels = List.of("all");
        }
        strataCounts = new long[strataLevels.size()];
        for (int s : stratum) {
            strataCounts[s]++;
        }

        // Covariates: numeric, complete, distinct, not constant.
        this.covariateNames = roles.covariates();
        Set<String> seen = new HashSet<>();
        for (String name : covariateNames) {
            if (!seen.add(name)) {
                throw new DataException("Covariate \"" + name + "\" is listed twice in Roles.covariates(" + covariateNames
                        + "). List each column once.");
            }
            if (name.equals(outcome)) {
                throw new DataException("Covariate \"" + name + "\" is the outcome column. Remove it from Roles.covariates(...):"
                        + " adjusting for the outcome itself fits it exactly.");
            }
            if (name.equals(treatment)) {
                throw new DataException("Covariate \"" + name + "\" is the treatment column. Remove it from Roles.covariates(...):"
                        + " the arm dummies already enter the model.");
            }
        }
        int p = covariateNames.size();
        if ((long) n * p > Integer.MAX_VALUE - 8) {
            throw new DataException(Fmt.count(n) + " rows × " + p + " covariates is more than Tailor's OLS holds in one array ("
                    + Fmt.count(Integer.MAX_VALUE - 8) + " values). Use fewer covariates or a sample of rows.");
        }
        this.p = p;
        this.centered = new double[n * p];
        this.covariateMeans = new double[p];
        for (int j = 0; j < p; j++) {
            String name = covariateNames.get(j);
            double[] x = Columns.numeric(table, name, "a covariate");
            boolean constant = true;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                constant &= x[i] == x[0];
                sum += x[i];
            }
            if (constant) {
                throw new DataException("Covariate \"" + name + "\" is constant (all " + Fmt.count(n) + " rows are " + x[0]
                        + "), so the intercept already absorbs it and its coefficient is not identified. Remove it from"
                        + " Roles.covariates(...).");
            }
            // A second, corrected pass makes the mean accurate to rounding even for large, nearly equal values.
            double mean = sum / n;
            double correction = 0;
            for (int i = 0; i < n; i++) {
                correction += x[i] - mean;
            }
            mean += correction / n;
            covariateMeans[j] = mean;
            for (int i = 0; i < n; i++) {
                centered[i * p + j] = x[i] - mean;
            }
        }
        this.cell = new int[n];
        for (int i = 0; i < n; i++) {
            cell[i] = arm[i] + arms.size() * stratum[i];
        }

        // Model columns in order: intercept, arms 1..K, strata 2..G, covariates.
        List<Term> list = new ArrayList<>();
        list.add(new Term(Kind.INTERCEPT, "(intercept)"));
        for (int w = 1; w < arms.size(); w++) {
            list.add(new Term(Kind.ARM, arms.get(w).name()));
        }
        for (int s = 1; s < strataLevels.size(); s++) {
            list.add(new Term(Kind.STRATUM, strataColumn.orElseThrow() + "=" + strataLevels.get(s)));
        }
        for (String name : covariateNames) {
            list.add(new Term(Kind.COVARIATE, name));
        }
        this.terms = List.copyOf(list);
        if (n <= terms.size()) {
            throw new DataException("Table \"" + tableName + "\" has " + Fmt.count(n) + " rows but the model has " + terms.size()
                    + " coefficients (" + (arms.size() - 1) + " arms, " + (strataLevels.size() - 1) + " stratum effects, "
                    + p + " covariates and the intercept); OLS needs more rows than coefficients. Use fewer covariates or more data.");
        }
    }

    static OlsDesign read(Table table, Roles roles) {
        return new OlsDesign(table, roles);
    }

    /** Arms "control, arm 1, ..., arm K" for a treatment column without named arms, K being its largest value. */
    private static Arms inferArms(Table table, String treatment) {
        double[] raw = Columns.numeric(table, treatment, "the treatment");
        double max = Double.NEGATIVE_INFINITY;
        for (double value : raw) {
            max = Math.max(max, value);
        }
        if (!(max > 0)) {
            throw new DataException("Treatment column \"" + treatment + "\" of table \"" + table.name() + "\" has no treated units"
                    + " (largest value " + max + " in " + Fmt.count(raw.length) + " rows); OLS compares arms 1..K with control 0."
                    + " Code the treatment arms as 1..K.");
        }
        if (max > raw.length / 2.0) {
            // Every arm needs 2 units, so K ≤ n/2; a larger value is an id or a typo, not an arm index.
            throw new DataException("Treatment column \"" + treatment + "\" of table \"" + table.name() + "\" has largest value "
                    + max + " but only " + Fmt.count(raw.length) + " rows, so it cannot hold arm indices 0..K with 2 units per"
                    + " arm. Check that it is the arm column, or name the arms with Roles.arms(...).");
        }
        return Arms.numbered((int) Math.ceil(max));
    }

    int n() {
        return y.length;
    }

    /** Number of model columns k = 1 + K + (G − 1) + p. */
    int k() {
        return terms.size();
    }

    /** Number of arm × stratum cells, (K + 1) · G; cell c holds arm c % (K + 1) in stratum c / (K + 1). */
    int cells() {
        return arms.size() * strataLevels.size();
    }

    /** Index of the first covariate column. */
    int covariateStart() {
        return arms.size() + strataLevels.size() - 1;
    }

    /**
     * The columns of Z that are 1 for rows of cell c, in increasing order: the intercept, the cell's arm dummy
     * (unless control) and its stratum dummy (unless the reference stratum). All other dummies are 0.
     */
    int[] dummies(int c) {
        int w = c % arms.size();
        int s = c / arms.size();
        int[] columns = new int[1 + (w > 0 ? 1 : 0) + (s > 0 ? 1 : 0)];
        int m = 0;
        columns[m++] = 0;
        if (w > 0) {
            columns[m++] = w;
        }
        if (s > 0) {
            columns[m] = arms.size() - 1 + s;
        }
        return columns;
    }

    /** The error for a model column that is a linear combination of earlier columns. */
    DataException collinear(CholeskyFactor.Singular singular) {
        Term culprit = terms.get(singular.column());
        double[] combination = singular.combination();
        double largest = 0;
        for (int m = 0; m < combination.length; m++) {
            largest = Math.max(largest, Math.abs(combination[m]));
        }
        // Covariates are centered, so a combination often involves the intercept only as an artefact of centering;
        // name it only when nothing else is involved.
        List<Term> partners = new ArrayList<>();
        for (int m = 0; m < combination.length; m++) {
            if (Math.abs(combination[m]) > 1e-6 * largest) {
                partners.add(terms.get(m));
            }
        }
        if (partners.size() > 1) {
            partners.removeIf(term -> term.kind() == Kind.INTERCEPT);
        }
        String with = partners.isEmpty() ? "the columns before it" : joinWithAnd(partners.stream().map(Term::describe).toList());
        boolean onlyStrata = !partners.isEmpty() && partners.stream().allMatch(term -> term.kind() == Kind.STRATUM);
        boolean onlyArms = !partners.isEmpty() && partners.stream().allMatch(term -> term.kind() == Kind.ARM);
        String fit = String.format(java.util.Locale.ROOT, "%.1e", singular.residualShare());
        String what = switch (culprit.kind()) {
            case COVARIATE -> "Covariate \"" + culprit.label() + "\" is a linear combination of " + with
                    + " (1 − R² = " + fit + "), so its coefficient is not identified. Remove it from Roles.covariates(...)"
                    + (onlyStrata ? "; the strata fixed effects already absorb it."
                            : onlyArms ? "; it is a function of the arm, which the arm dummies already capture."
                            : ", or drop the column it duplicates.");
            case STRATUM -> "The fixed effect for " + culprit.label() + " is a linear combination of " + with
                    + " (1 − R² = " + fit + "): that stratum cannot be told apart from those columns, e.g. all its units are"
                    + " in one arm. Merge strata or check the assignment.";
            case ARM -> "Arm \"" + culprit.label() + "\" is a linear combination of " + with + " (1 − R² = " + fit
                    + "). Check the treatment column \"" + treatment + "\".";
            case INTERCEPT -> "The design has no rows with weight (empty table).";
        };
        return new DataException(what);
    }

    private static String joinWithAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** The error for a row whose leverage is 1, which makes HC2/HC3 undefined. */
    DataException leverageOne(int row, double h, RobustSe se) {
        String where;
        if (strataColumn.isPresent() && strataCounts[stratum[row]] == 1) {
            where = "it is the only unit of stratum " + strataColumn.get() + "=" + strataLevels.get(stratum[row])
                    + ", so that stratum's fixed effect fits it exactly. Merge that stratum into another or drop the row";
        } else {
            where = "the model fits it exactly (for example it is the only unit of its arm in its stratum and the"
                    + " covariates single it out). Use fewer covariates or merge strata";
        }
        return new DataException("Row " + row + " of table \"" + tableName + "\" has leverage " + Fmt.fixed(h, 6) + ": " + where
                + "; " + se + " standard errors divide by 1 − leverage and are undefined. (HC0 and HC1 do not, but that row"
                + " then carries no information.)");
    }

    /** Whether every outcome value is 0 or 1. */
    boolean binaryOutcome() {
        for (double value : y) {
            if (value != 0 && value != 1) {
                return false;
            }
        }
        return true;
    }
}
