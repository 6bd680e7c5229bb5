package dev.tailor.welfare;

import dev.tailor.estimate.RobustSe;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * How to fit {@link Late}: the robust variance of the 2SLS version and the confidence level. Immutable.
 *
 * @param tslsErrors HC0 (equal to the delta method asymptotically) or HC1 (the default; Stata's
 *                   {@code ivregress 2sls ..., vce(robust)})
 * @param level      confidence level of the printed intervals, in (0, 1); 0.95 by default
 */
public record LateSpec(RobustSe tslsErrors, double level) {

    public LateSpec {
        Objects.requireNonNull(tslsErrors, "tslsErrors must be HC0 or HC1, got null.");
        if (tslsErrors != RobustSe.HC0 && tslsErrors != RobustSe.HC1) {
            throw new IllegalArgumentException("2SLS standard errors must be HC0 or HC1, got " + tslsErrors
                    + ". Leverage-based HC2/HC3 are not defined here for instrumental variables; HC1 is the default.");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level + "; 0.95 is usual.");
        }
    }

    /** The same spec with HC0 or HC1 SEs for the 2SLS version. */
    public LateSpec tslsErrors(RobustSe errors) {
        return new LateSpec(errors, level);
    }

    /** The same spec with another confidence level, e.g. 0.90. */
    public LateSpec level(double confidence) {
        return new LateSpec(tslsErrors, confidence);
    }

    /**
     * ITTs and LATEs in the whole sample and, if the roles name groups, within each group. Cost: two passes over
     * the rows per group.
     *
     * @throws dev.tailor.data.DataException if a column is missing or has missing values, an arm is not 0/1/2,
     *                                       take-up is not 0 in U or not 1 in T, or a group has fewer than 2 units
     *                                       in some arm
     */
    public LateFit fit(Table data, LateRoles roles) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(roles, "roles");
        return LateFit.fit(this, ThreeArmData.read(data, roles), roles);
    }

    @Override
    public String toString() {
        return "LATE spec: Wald ratios with delta-method SEs and 2SLS with " + tslsErrors + " SEs; "
                + Math.round(level * 100) + "% intervals";
    }
}
