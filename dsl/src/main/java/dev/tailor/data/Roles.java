package dev.tailor.data;

import dev.tailor.design.Arms;
import java.util.List;
import java.util.Optional;

/**
 * Which column plays which part in an analysis: the outcome, the treatment (arm indices 0..K, 0 = control),
 * optional strata, covariates and the arm names. Bound once and reused by every estimator.
 *
 * <pre>{@code
 * Roles roles = Roles.outcome("login").treatment("arm").arms(design.arms()).strata("prior_login");
 * }</pre>
 *
 * @param outcome    outcome column
 * @param treatment  treatment column of arm indices, 0 for control
 * @param arms       arm names; empty means "control, arm 1, ..., arm K" from the data
 * @param strata     stratum column for fixed effects, if any
 * @param covariates covariate columns, possibly none
 */
public record Roles(String outcome, String treatment, Optional<Arms> arms, Optional<String> strata, List<String> covariates) {

    public Roles {
        requireName(outcome, "outcome");
        requireName(treatment, "treatment");
        covariates = List.copyOf(covariates);
    }

    /** Starts the roles with the outcome column; {@code treatment(..)} comes next. */
    public static OutcomeStage outcome(String column) {
        return new OutcomeStage(column);
    }

    /** The stage after the outcome: every analysis needs a treatment column. */
    public record OutcomeStage(String outcome) {

        /** The column of arm indices 0..K, where 0 is the control arm. */
        public Roles treatment(String column) {
            return new Roles(outcome, column, Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** Names the arms; index k of the catalog labels treatment value k. */
    public Roles arms(Arms names) {
        return new Roles(outcome, treatment, Optional.of(names), strata, covariates);
    }

    /** A categorical column whose levels get fixed effects (the randomization strata). */
    public Roles strata(String column) {
        requireName(column, "strata");
        return new Roles(outcome, treatment, arms, Optional.of(column), covariates);
    }

    public Roles covariates(String... columns) {
        return new Roles(outcome, treatment, arms, strata, List.of(columns));
    }

    public Roles covariates(List<String> columns) {
        return new Roles(outcome, treatment, arms, strata, columns);
    }

    /** The same roles with another outcome, e.g. minutes instead of login. */
    public Roles withOutcome(String column) {
        return new Roles(column, treatment, arms, strata, covariates);
    }

    private static void requireName(String column, String role) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("The " + role + " column name must not be blank.");
        }
    }
}
