package dev.tailor.match;

/** An exact k-nearest-neighbour search over one arm's training rows, ordered by (squared distance, row index). */
interface NeighbourIndex {

    /** Rows indexed. */
    int size();

    /**
     * Writes the k nearest rows to {@code query} into {@code out}, nearest first, ties to the lower row, leaving out
     * row {@code exclude} (−1 for none); returns how many were written (fewer than k only for a small arm).
     */
    int search(double[] query, int k, int exclude, KdTree.Scratch scratch, int[] out);
}
