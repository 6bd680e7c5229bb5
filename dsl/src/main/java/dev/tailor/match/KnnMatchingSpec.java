package dev.tailor.match;

import dev.tailor.data.Roles;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * How to fit {@link KnnMatching}. Immutable; every wither returns a new spec.
 *
 * @param kSelection      neighbours per arm: {@link KSelection.Fixed} (k = 50, the registry default) or chosen by
 *                        cross-validation ({@link KSelection.CrossValidated}). Smaller k means less matching bias
 *                        and more variance. Every arm needs at least k units.
 * @param standardization how covariates are scaled before distances; {@link Standardization#Z_SCORE} by default
 * @param search          how neighbours are found; {@link NeighbourSearch#AUTO} by default. It changes the speed,
 *                        never the numbers.
 * @param threads         threads used for predictions; results are identical for any thread count
 */
public record KnnMatchingSpec(KSelection kSelection, Standardization standardization, NeighbourSearch search, int threads) {

    public KnnMatchingSpec {
        Objects.requireNonNull(kSelection, "kSelection must be a fixed k or a cross-validated choice, got null.");
        Objects.requireNonNull(standardization, "standardization must be Z_SCORE or NONE, got null.");
        Objects.requireNonNull(search, "search must be AUTO, KD_TREE or SCAN, got null.");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + ".");
        }
    }

    /** The same spec with k neighbours per arm. */
    public KnnMatchingSpec k(int neighbours) {
        return new KnnMatchingSpec(new KSelection.Fixed(neighbours), standardization, search, threads);
    }

    /**
     * The same spec with k chosen from {@code candidates} by 5-fold cross-validated R-loss (fold seed 1); with no
     * candidates, the spec's grid {10, 25, 50, 100, 200}. The fit then holds the CV curve
     * ({@link KnnMatchingFit#crossValidation()}).
     */
    public KnnMatchingSpec kByCrossValidation(int... candidates) {
        return kByCrossValidation(KSelection.crossValidated(candidates.length == 0 ? KSelection.DEFAULT_CANDIDATES : candidates));
    }

    /** The same spec with k chosen as {@code crossValidation} says (candidates, folds, seed). */
    public KnnMatchingSpec kByCrossValidation(KSelection.CrossValidated crossValidation) {
        return new KnnMatchingSpec(crossValidation, standardization, search, threads);
    }

    public KnnMatchingSpec standardization(Standardization scaling) {
        return new KnnMatchingSpec(kSelection, scaling, search, threads);
    }

    /** The same spec with another neighbour search; it changes the speed, never the numbers. */
    public KnnMatchingSpec search(NeighbourSearch method) {
        return new KnnMatchingSpec(kSelection, standardization, method, threads);
    }

    /** The same spec with another thread count; it changes the speed, never the numbers. */
    public KnnMatchingSpec threads(int count) {
        return new KnnMatchingSpec(kSelection, standardization, search, count);
    }

    /**
     * Indexes the training rows by arm and computes leave-one-out estimates for every training row. Cost: one
     * neighbour index per arm, then K + 1 exact searches per row. In many dimensions exact search is close to a scan
     * of all n units per row, so the cost grows as n²: 100,000 rows, 12 covariates, 17 arms and k = 50 take about
     * 10^10 distance evaluations (see {@link NeighbourSearch}). Covariates are the columns in
     * {@code roles.covariates()}; booleans count as 0/1.
     *
     * @throws dev.tailor.data.DataException if a column is missing or has missing values, no covariates are named,
     *                                       or an arm has fewer than k units
     */
    public KnnMatchingFit fit(Table table, Roles roles) {
        return KnnMatchingFit.fit(this, table, roles);
    }

    @Override
    public String toString() {
        String neighbours = kSelection instanceof KSelection.Fixed fixed ? "k = " + fixed.k() : kSelection.toString();
        return "kNN matching spec: " + neighbours + " per arm, " + (standardization == Standardization.Z_SCORE
                ? "z-scored covariates" : "raw covariates") + ", Euclidean distance, ties to the lower row index, "
                + search + " search, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
