package dev.tailor.welfare;

import java.util.Optional;

/**
 * Which columns hold the outcome, the randomized arm, take-up and (optionally) the groups of a three-arm
 * encouragement design with arms U (0, untreated), T (1, enrolled) and S (2, asked to opt in).
 *
 * <pre>{@code
 * LateRoles roles = LateRoles.outcome("welfare").arm("arm").takeUp("take_up");   // whole sample
 * LateRoles byGroup = roles.groups("g_star");                                     // one row per policy group
 * }</pre>
 *
 * @param outcome the outcome W (welfare W̃ or log usage)
 * @param arm     the random arm Z: 0 U, 1 T, 2 S
 * @param takeUp  take-up D: 0 in U, 1 in T, chosen (0/1) in S
 * @param groups  a categorical column whose levels are analysed separately (e.g. a policy's assigned arm)
 */
public record LateRoles(String outcome, String arm, String takeUp, Optional<String> groups) {

    public LateRoles {
        requireName(outcome, "outcome");
        requireName(arm, "arm");
        requireName(takeUp, "takeUp");
        java.util.Objects.requireNonNull(groups, "groups");
        groups.ifPresent(column -> requireName(column, "groups"));
    }

    /** Starts the roles with the outcome column; {@code arm(..)} comes next. */
    public static OutcomeStage outcome(String column) {
        requireName(column, "outcome");
        return new OutcomeStage(column);
    }

    /** After the outcome: the arm column (0 U, 1 T, 2 S). */
    public record OutcomeStage(String outcome) {

        public ArmStage arm(String column) {
            return new ArmStage(outcome, column);
        }
    }

    /** After the arm: the take-up column completes the roles. */
    public record ArmStage(String outcome, String arm) {

        public LateRoles takeUp(String column) {
            return new LateRoles(outcome, arm, column, Optional.empty());
        }
    }

    /** The same roles, analysed separately within each level of {@code column} (besides the whole sample). */
    public LateRoles groups(String column) {
        return new LateRoles(outcome, arm, takeUp, Optional.of(column));
    }

    /** The same roles with another outcome, e.g. log usage instead of welfare. */
    public LateRoles withOutcome(String column) {
        return new LateRoles(column, arm, takeUp, groups);
    }

    private static void requireName(String column, String role) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("The " + role + " column name must not be blank.");
        }
    }
}
