package dev.tailor.estimate;

import dev.tailor.data.Roles;
import dev.tailor.design.Arm;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted {@link Ols} model: coefficients, their robust covariance, and the effect of every arm against
 * control. Immutable; arrays are copied on the way out. Prints as a text report, renders as HTML, and
 * {@link #table()} gives one row per treatment arm.
 *
 * <p>Coefficients are ordered as in the model Y = α + Σ_k β_k 1{W = k} + Σ_{s≥2} γ_s 1{S = s} + X'θ + ε:
 * the intercept, the arms 1..K, the strata 2..G (the first stratum in sorted order is the reference), then the
 * covariates in the order of {@code Roles.covariates}. {@link #coefficientNames()} labels them.
 */
public final class OlsFit implements Rendered {

    private final OlsSpec spec;
    private final Roles roles;
    private final String tableName;
    private final Arms arms;
    private final long n;
    private final long[] armCounts;
    private final Optional<String> strataColumn;
    private final List<String> strataLevels;
    private final List<String> covariateNames;
    private final List<OlsDesign.Term> terms;
    private final double[] coefficients;
    private final double[][] vcov;
    private final EffectTable effects;

    OlsFit(OlsSpec spec, Roles roles, OlsDesign design, double[] coefficients, double[][] vcov) {
        this.spec = spec;
        this.roles = roles;
        this.tableName = design.tableName;
        this.arms = design.arms;
        this.n = design.n();
        this.armCounts = design.armCounts.clone();
        this.strataColumn = design.strataColumn;
        this.strataLevels = design.strataLevels;
        this.covariateNames = design.covariateNames;
        this.terms = design.terms;
        this.coefficients = coefficients.clone();
        this.vcov = deepCopy(vcov);
        List<EffectEstimate> list = new ArrayList<>();
        for (int w = 1; w < arms.size(); w++) {
            list.add(new EffectEstimate(arms.get(w), coefficients[w], Math.sqrt(vcov[w][w]), armCounts[w]));
        }
        EffectTable table = new EffectTable(method(), roles.outcome(), arms, list, n, notes());
        // A 0/1 outcome reads best in percentage points; the numbers stay proportions.
        this.effects = design.binaryOutcome() ? table.inPercentagePoints() : table;
    }

    /** The specification this model was fitted with. */
    public OlsSpec spec() {
        return spec;
    }

    /** The roles (outcome, treatment, strata, covariates) the model was fitted with. */
    public Roles roles() {
        return roles;
    }

    /** The arm catalog, control first. */
    public Arms arms() {
        return arms;
    }

    /** Rows used. */
    public long n() {
        return n;
    }

    /** Effect of every treatment arm against control: estimate, robust SE, 95% CI, p, n; the best arm marked. */
    public EffectTable effects() {
        return effects;
    }

    /**
     * The arm with the highest estimated effect (ties go to the lowest index). Its estimate is biased upward as
     * the maximum of K noisy estimates (winner's curse); evaluate it on fresh data, as Phase 2 does.
     */
    public Arm best() {
        return effects.best();
    }

    /** All k coefficients (intercept, arms, strata, covariates), labelled by {@link #coefficientNames()}. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The k × k robust covariance matrix of {@link #coefficients()} ({@code spec().standardErrors()}). */
    public double[][] vcov() {
        return deepCopy(vcov);
    }

    /** Robust standard errors of all k coefficients: the square roots of the diagonal of {@link #vcov()}. */
    public double[] stdErrors() {
        double[] se = new double[coefficients.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(vcov[j][j]);
        }
        return se;
    }

    /**
     * Names of the coefficients, in order: "(intercept)", the treatment arm names, "stratum=level" for strata
     * 2..G, then the covariate columns.
     */
    public List<String> coefficientNames() {
        return terms.stream().map(OlsDesign.Term::label).toList();
    }

    /** Every coefficient with its kind (intercept, arm, stratum, covariate), estimate and robust SE. */
    public Table coefficientTable() {
        StringColumn term = StringColumn.create("term");
        StringColumn kind = StringColumn.create("kind");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        double[] errors = stdErrors();
        for (int j = 0; j < terms.size(); j++) {
            term.append(terms.get(j).label());
            kind.append(terms.get(j).kind().name().toLowerCase(java.util.Locale.ROOT));
            estimate.append(coefficients[j]);
            se.append(errors[j]);
        }
        return Table.create("OLS coefficients for " + roles.outcome(), term, kind, estimate, se);
    }

    /** Effects as a Tablesaw table, one row per treatment arm (see {@link EffectTable#table()}). */
    @Override
    public Table table() {
        return effects.table();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("OLS fit of ").append(roles.outcome()).append(" on ").append(arms.size()).append(" arms, table \"")
                .append(tableName).append("\"\n");
        for (String[] line : summary()) {
            out.append("  ").append(line[0]).append(" ".repeat(14 - line[0].length())).append(line[1]).append('\n');
        }
        out.append('\n').append(effects);
        if (!covariateNames.isEmpty()) {
            TextTable text = TextTable.withHeader("covariate", "coefficient", "se");
            for (List<String> row : covariateRows()) {
                text.row(row.toArray(String[]::new));
            }
            out.append('\n').append(text);
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"tailor-result\">\n");
        out.append("<p style=\"margin:2px 0\"><b>").append(Html.escape("OLS fit of " + roles.outcome() + " on " + arms.size()
                + " arms, table \"" + tableName + "\"")).append("</b><br>\n");
        for (String[] line : summary()) {
            out.append(Html.escape(line[0] + ": " + line[1])).append("<br>\n");
        }
        out.append("</p>\n").append(effects.toHtml()).append('\n');
        if (!covariateNames.isEmpty()) {
            out.append(Html.table("Covariate coefficients", List.of("covariate", "coefficient", "se"), covariateRows(), List.of()))
                    .append('\n');
        }
        return out.append("</div>").toString();
    }

    private List<String[]> summary() {
        long minArm = Long.MAX_VALUE;
        long maxArm = 0;
        for (int w = 1; w < armCounts.length; w++) {
            minArm = Math.min(minArm, armCounts[w]);
            maxArm = Math.max(maxArm, armCounts[w]);
        }
        String armSizes = minArm == maxArm ? Fmt.count(minArm) : Fmt.count(minArm) + "–" + Fmt.count(maxArm);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"rows", Fmt.count(n) + " (" + arms.control().name() + " " + Fmt.count(armCounts[0])
                + "; treatment arms " + armSizes + " each)"});
        lines.add(new String[] {"strata", strataColumn.map(column -> column + ": " + strataLevels.size() + " levels ("
                + String.join(", ", strataLevels) + "), fixed effects").orElse("none")});
        lines.add(new String[] {"covariates", covariateNames.isEmpty() ? "none" : String.join(", ", covariateNames)});
        lines.add(new String[] {"coefficients", terms.size() + ", residual df " + Fmt.count(n - terms.size())});
        lines.add(new String[] {"SEs", spec.standardErrors() + " robust"});
        return lines;
    }

    private List<List<String>> covariateRows() {
        List<List<String>> rows = new ArrayList<>();
        double[] errors = stdErrors();
        int start = arms.size() + strataLevels.size() - 1;
        for (int j = 0; j < covariateNames.size(); j++) {
            rows.add(List.of(covariateNames.get(j), significant(coefficients[start + j]), significant(errors[start + j])));
        }
        return rows;
    }

    private static String significant(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    /** E.g. "OLS with prior_login fixed effects and 3 covariates, HC2 SEs". */
    private String method() {
        List<String> parts = new ArrayList<>();
        strataColumn.ifPresent(column -> parts.add(column + " fixed effects"));
        if (!covariateNames.isEmpty()) {
            parts.add(covariateNames.size() == 1 ? "covariate " + covariateNames.get(0) : covariateNames.size() + " covariates");
        }
        String with = parts.isEmpty() ? "" : " with " + String.join(" and ", parts);
        return "OLS" + with + ", " + spec.standardErrors() + " SEs";
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        strataColumn.ifPresent(column -> notes.add("Strata: " + column + " (" + strataLevels.size() + " levels; reference "
                + column + "=" + strataLevels.get(0) + ")."));
        if (!covariateNames.isEmpty()) {
            notes.add("Adjusted for: " + String.join(", ", covariateNames) + ".");
        }
        return notes;
    }

    private static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
