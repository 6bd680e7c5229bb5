package dev.tailor.forest.internal;

/** Primitive index sorting, so covariate orders need no boxing. */
final class Sorting {

    private Sorting() {
    }

    /** Row indices sorted by value ascending; equal values keep row order (stable merge sort). */
    static int[] orderOf(double[] values) {
        int n = values.length;
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int out = lo;
                while (a < mid && b < hi) {
                    buffer[out++] = values[index[b]] < values[index[a]] ? index[b++] : index[a++];
                }
                while (a < mid) {
                    buffer[out++] = index[a++];
                }
                while (b < hi) {
                    buffer[out++] = index[b++];
                }
            }
            int[] swap = index;
            index = buffer;
            buffer = swap;
        }
        return index;
    }
}
