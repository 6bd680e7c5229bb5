package dev.tailor.match;

/**
 * k-nearest-neighbour matching estimates of conditional effects (methods spec §2.5): for each arm a, the k
 * training units with W = a nearest to x in standardized Euclidean distance give μ̂_a(x), their mean outcome;
 * τ̂_a(x) = μ̂_a(x) − μ̂_0(x) and V̂_a(x) = s_a²(x)/k + s_0²(x)/k.
 *
 * <pre>{@code
 * Roles roles = Roles.outcome("login").treatment("arm").arms(arms).covariates("grade", "math_z", "prior_weeks");
 * KnnMatchingFit knn = KnnMatching.spec().k(50).fit(phase1, roles);
 * knn                       // per-arm summary of the leave-one-out CATEs and the share for whom each arm is best
 * knn.cate()                // n × K leave-one-out CATEs of the training rows
 * knn.predict(phase2).policy("kNN best arm")   // a rule for new units
 * KnnMatching.spec().kByCrossValidation().fit(phase1, roles).crossValidation()   // k from {10, 25, 50, 100, 200} by 5-fold R-loss
 * }</pre>
 *
 * <p>Nothing is random: ties in distance go to the lower row index, so a fit is a function of the data alone
 * (and of the row order only through those ties). Cross-validating k adds seeded folds (see {@link KnnCrossValidation}).
 */
public final class KnnMatching {

    private KnnMatching() {
    }

    /** The default specification: k = 50, z-score standardization, automatic exact search, all available processors. */
    public static KnnMatchingSpec spec() {
        return new KnnMatchingSpec(new KSelection.Fixed(50), Standardization.Z_SCORE, NeighbourSearch.AUTO, Runtime.getRuntime().availableProcessors());
    }
}
