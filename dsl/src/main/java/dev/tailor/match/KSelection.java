package dev.tailor.match;

import java.util.Arrays;

/**
 * How {@link KnnMatching} picks k, the neighbours per arm: a {@link Fixed} number, or the candidate with the lowest
 * cross-validated R-loss ({@link CrossValidated}, methods spec §2.5 "Tuning").
 */
public sealed interface KSelection permits KSelection.Fixed, KSelection.CrossValidated {

    /** The spec's tuning grid: k ∈ {10, 25, 50, 100, 200}. */
    int[] DEFAULT_CANDIDATES = {10, 25, 50, 100, 200};

    /** k neighbours per arm, as given. */
    record Fixed(int k) implements KSelection {

        public Fixed {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k + ". The registry default is 50.");
            }
        }
    }

    /**
     * k chosen from {@code candidates} by {@code folds}-fold cross-validated R-loss; folds are drawn with
     * {@code seed}, within each arm, so each training fold keeps (folds − 1)/folds of every arm. See
     * {@link KnnCrossValidation} for the criterion and why.
     *
     * @param candidates distinct k values, each >= 1, in increasing order
     * @param folds      number of folds, 2..20; 5 by default
     * @param seed       seed of the fold assignment; the same seed gives the same folds and the same choice
     */
    record CrossValidated(int[] candidates, int folds, long seed) implements KSelection {

        public CrossValidated {
            if (candidates == null || candidates.length < 2) {
                throw new IllegalArgumentException("Cross-validating k needs at least two candidates, got "
                        + (candidates == null ? "null" : Arrays.toString(candidates)) + ". Use k(K) for a single value.");
            }
            candidates = candidates.clone();
            for (int c = 0; c < candidates.length; c++) {
                if (candidates[c] < 1) {
                    throw new IllegalArgumentException("Candidate k must be >= 1, got " + candidates[c] + " in "
                            + Arrays.toString(candidates) + ".");
                }
                if (c > 0 && candidates[c] <= candidates[c - 1]) {
                    throw new IllegalArgumentException("Candidate k values must be distinct and increasing, got "
                            + Arrays.toString(candidates) + ". Sort them and drop repeats.");
                }
            }
            if (folds < 2 || folds > 20) {
                throw new IllegalArgumentException("Cross-validation needs 2 to 20 folds, got " + folds + ". The spec uses 5.");
            }
        }

        /** The same candidates with another number of folds. */
        public CrossValidated folds(int count) {
            return new CrossValidated(candidates, count, seed);
        }

        /** The same candidates with another fold seed. */
        public CrossValidated seed(long value) {
            return new CrossValidated(candidates, folds, value);
        }

        @Override
        public int[] candidates() {
            return candidates.clone();
        }

        /** The largest candidate: one search for it serves every smaller k. */
        int largest() {
            return candidates[candidates.length - 1];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CrossValidated cv && Arrays.equals(candidates, cv.candidates) && folds == cv.folds
                    && seed == cv.seed;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(candidates) + folds) + Long.hashCode(seed);
        }

        @Override
        public String toString() {
            return "k by " + folds + "-fold cross-validated R-loss from " + Arrays.toString(candidates) + " (seed " + seed + ")";
        }
    }

    /** k ∈ {@code candidates} by 5-fold cross-validated R-loss, fold seed 1. */
    static CrossValidated crossValidated(int... candidates) {
        return new CrossValidated(candidates, 5, 1L);
    }
}
