package dev.tailor.welfare;

import java.util.Optional;

/**
 * Which columns of a long (one row per unit and period) panel hold the unit, the period, the post indicator, the
 * outcome, the arm (0 U, 1 T, 2 S) and, optionally, take-up.
 *
 * <pre>{@code
 * PanelRoles roles = PanelRoles.unit("id").time("t").post("post").outcome("usage").arm("arm").takeUp("take_up");
 * }</pre>
 *
 * @param unit    the household (cluster) identifier, numeric
 * @param time    the period identifier (a half-hour), numeric
 * @param post    1 in the treatment period, 0 before; the same for every unit in a given period
 * @param outcome the outcome (usage; logged by default, see {@link OutcomeScale})
 * @param arm     the random arm, constant within unit: 0 U, 1 T, 2 S
 * @param takeUp  take-up D, constant within unit, to report take-up in S and the log-LATE for takers
 */
public record PanelRoles(String unit, String time, String post, String outcome, String arm, Optional<String> takeUp) {

    public PanelRoles {
        requireName(unit, "unit");
        requireName(time, "time");
        requireName(post, "post");
        requireName(outcome, "outcome");
        requireName(arm, "arm");
        java.util.Objects.requireNonNull(takeUp, "takeUp");
        takeUp.ifPresent(column -> requireName(column, "takeUp"));
    }

    /** Starts the roles with the unit (cluster) column. */
    public static UnitStage unit(String column) {
        requireName(column, "unit");
        return new UnitStage(column);
    }

    /** After the unit: the period column. */
    public record UnitStage(String unit) {

        public TimeStage time(String column) {
            return new TimeStage(unit, column);
        }
    }

    /** After the period: the post indicator. */
    public record TimeStage(String unit, String time) {

        public PostStage post(String column) {
            return new PostStage(unit, time, column);
        }
    }

    /** After the post indicator: the outcome. */
    public record PostStage(String unit, String time, String post) {

        public OutcomeStage outcome(String column) {
            return new OutcomeStage(unit, time, post, column);
        }
    }

    /** After the outcome: the arm completes the roles. */
    public record OutcomeStage(String unit, String time, String post, String outcome) {

        public PanelRoles arm(String column) {
            return new PanelRoles(unit, time, post, outcome, column, Optional.empty());
        }
    }

    /** The same roles with a take-up column (constant within unit). */
    public PanelRoles takeUp(String column) {
        return new PanelRoles(unit, time, post, outcome, arm, Optional.of(column));
    }

    private static void requireName(String column, String role) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("The " + role + " column name must not be blank.");
        }
    }
}
