package dev.tailor.coarse;

import java.util.Objects;

/**
 * An assignment of one column per row produced by some method, with its value: the common currency of the
 * baselines and of {@link CoarseComparison}.
 *
 * @param method     what produced it, e.g. "exact", "covariate k-means"
 * @param treatments the budget K it was built for (0 for methods without one, e.g. full personalization)
 * @param distinct   the number of distinct non-null columns it uses
 * @param assignment the column given to each row
 * @param objective  mean value per row under the value matrix it was built on
 * @param recovery   [objective − V(null)] / [V(full) − V(null)] under that matrix
 */
public record CoarsePolicy(String method, int treatments, int distinct, int[] assignment, double objective,
        double recovery) {

    public CoarsePolicy {
        Objects.requireNonNull(method, "method");
        assignment = assignment.clone();
    }

    @Override
    public int[] assignment() {
        return assignment.clone();
    }

    /** Builds the policy of an assignment, computing its value and recovery on {@code values}. */
    static CoarsePolicy of(String method, int treatments, int[] assignment, ValueMatrix values) {
        double objective = values.value(assignment);
        return new CoarsePolicy(method, treatments, distinctTreatments(assignment), assignment, objective,
                recovery(values, objective));
    }

    static double recovery(ValueMatrix values, double objective) {
        double nullValue = values.mean(0);
        double gain = values.value(values.argmax()) - nullValue;
        return gain == 0 ? 1 : (objective - nullValue) / gain;
    }

    static int distinctTreatments(int[] assignment) {
        return (int) java.util.Arrays.stream(assignment).filter(t -> t > 0).distinct().count();
    }
}
