package dev.tailor.welfare;

/**
 * Which columns of a household table hold what {@link WelfareSpec#construct} needs.
 *
 * <pre>{@code
 * WelfareColumns columns = WelfareColumns.energyRebate();                 // the simulator's column names
 * WelfareColumns mine = WelfareColumns.usage("kw_aug").baseline("kw_jul").takeUp("enrolled").income("inc");
 * }</pre>
 *
 * @param usage    mean peak-hour power in the treatment week, kW (Wh per 30 min × 2/1000)
 * @param baseline the rebate baseline: the same for July, kW
 * @param takeUp   participation D: 0/1 (0 in U, 1 in T, chosen in S)
 * @param income   household income h, positive (only used for Pareto weights, ν > 0, but always checked)
 */
public record WelfareColumns(String usage, String baseline, String takeUp, String income) {

    public WelfareColumns {
        requireName(usage, "usage");
        requireName(baseline, "baseline");
        requireName(takeUp, "takeUp");
        requireName(income, "income");
    }

    /** The column names of {@code EnergyHouseholds.data()}: usage_kw, baseline_kw, take_up, income. */
    public static WelfareColumns energyRebate() {
        return new WelfareColumns("usage_kw", "baseline_kw", "take_up", "income");
    }

    /** Starts naming columns with the usage column; {@code baseline(..)} comes next. */
    public static UsageStage usage(String column) {
        requireName(column, "usage");
        return new UsageStage(column);
    }

    /** After the usage: the baseline column. */
    public record UsageStage(String usage) {

        public BaselineStage baseline(String column) {
            return new BaselineStage(usage, column);
        }
    }

    /** After the baseline: the take-up column. */
    public record BaselineStage(String usage, String baseline) {

        public TakeUpStage takeUp(String column) {
            return new TakeUpStage(usage, baseline, column);
        }
    }

    /** After take-up: the income column completes the roles. */
    public record TakeUpStage(String usage, String baseline, String takeUp) {

        public WelfareColumns income(String column) {
            return new WelfareColumns(usage, baseline, takeUp, column);
        }
    }

    private static void requireName(String column, String role) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("The " + role + " column name must not be blank.");
        }
    }
}
