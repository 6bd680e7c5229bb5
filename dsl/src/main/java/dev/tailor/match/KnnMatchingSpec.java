package dev.tailor.match;

import dev.tailor.data.Roles;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * How to fit {@link KnnMatching}. Immutable; every wither returns a new spec.
 *
 * @param k               neighbours per arm; 50 is the registry default. Smaller k means less matching bias and
 *                        more variance. Every arm needs at least k units.
 * @param standardization how covariates are scaled before distances; {@link Standardization#Z_SCORE} by default
 * @param search          how neighbours are found; {@link NeighbourSearch#AUTO} by default. It changes the speed,
 *                        never the numbers.
 * @param threads         threads used for predictions; results are identical for any thread count
 */
public record KnnMatchingSpec(int k, Standardization standardization, NeighbourSearch search, int threads) {

    public KnnMatchingSpec {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k + ". The registry default is 50.");
        }
        Objects.requireNonNull(standardization, "standardization must be Z_SCORE or NONE, got null.");
        Objects.requireNonNull(search, "search must be AUTO, KD_TREE or SCAN, got null.");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + ".");
        }
    }

    /** The same spec with k neighbours per arm. */
    public KnnMatchingSpec k(int neighbours) {
        return new KnnMatchingSpec(neighbours, standardization, search, threads);
    }

    public KnnMatchingSpec standardization(Standardization scaling) {
        return new KnnMatchingSpec(k, scaling, search, threads);
    }

    /** The same spec with another neighbour search; it changes the speed, never the numbers. */
    public KnnMatchingSpec search(NeighbourSearch method) {
        return new KnnMatchingSpec(k, standardization, method, threads);
    }

    /** The same spec with another thread count; it changes the speed, never the numbers. */
    public KnnMatchingSpec threads(int count) {
        return new KnnMatchingSpec(k, standardization, search, count);
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
        return "kNN matching spec: k = " + k + " per arm, " + (standardization == Standardization.Z_SCORE
                ? "z-scored covariates" : "raw covariates") + ", Euclidean distance, ties to the lower row index, "
                + search + " search, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
