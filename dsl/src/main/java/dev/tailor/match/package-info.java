/**
 * k-nearest-neighbour matching estimates of conditional effects (methods spec §2.5): the spec
 * ({@link dev.tailor.match.KnnMatching}, {@link dev.tailor.match.KnnMatchingSpec}), the fitted model with its
 * leave-one-out estimates ({@link dev.tailor.match.KnnMatchingFit}) and estimates for new units
 * ({@link dev.tailor.match.KnnPrediction}). Neighbour search is exact, with ties to the lower row index, and gives
 * the same numbers whatever search or thread count is used.
 */
package dev.tailor.match;
