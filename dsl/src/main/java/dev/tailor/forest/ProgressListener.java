package dev.tailor.forest;

/**
 * Hears how training goes: called on the thread that called {@code fit}, after each finished little bag of
 * trees, with the trees done so far and the total (nuisance forests included). Never called by default.
 *
 * <pre>{@code
 * CausalForest.spec().progress((done, total) -> System.out.printf("%d/%d trees%n", done, total))
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    void progress(int treesDone, int treesTotal);
}
