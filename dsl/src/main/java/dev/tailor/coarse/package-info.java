/**
 * Coarse personalization (methods spec §2.16): offer only K distinct treatments and choose who gets which, from an
 * n × (M+1) matrix of predicted values ({@link dev.tailor.coarse.ValueMatrix}, the null treatment in column 0).
 *
 * <p>{@link dev.tailor.coarse.CoarsePersonalization#spec()} gives an immutable {@link dev.tailor.coarse.CoarseSpec}
 * (K, whether the null counts toward K, {@link dev.tailor.coarse.Solver}, restarts, seed,
 * {@link dev.tailor.coarse.Capacities}); {@code fit(values)} returns a {@link dev.tailor.coarse.CoarseFit} with the
 * chosen set, an assignment (a column per row), the objective and the recovery of full personalization. Exact search
 * enumerates K-subsets depth-first with running row maxima; local search is greedy selection followed by
 * assignment, Lloyd-type update and swap steps; with capacities, the assignment is an exact transportation problem
 * solved by successive shortest paths on the small graph of moves between offered treatments, certified by dual
 * prices. {@link dev.tailor.coarse.Baselines} and {@link dev.tailor.coarse.CoarseComparison} compare against full
 * personalization, the best uniform treatment, k-means segmentation on covariates or on values, and grid search;
 * {@link dev.tailor.coarse.RecoveryPlot} draws recovery against K.
 *
 * <p>Every search is deterministic for its seed and independent of the number of threads.
 */
package dev.tailor.coarse;
