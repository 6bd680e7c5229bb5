/**
 * The forest engine, not for direct use. A forest is trained by a {@link dev.tailor.forest.internal.ForestTrainer}
 * composed of three strategies, as in the GRF paper: a {@code Relabeler} turns a node's units into pseudo-outcomes,
 * a {@code SplitRule} chooses the split that best separates them under its constraints, and a
 * {@code PredictionStrategy} turns the leaves' sufficient statistics into estimates and variance influences.
 * {@link dev.tailor.forest.internal.Trainers} lists the recipes.
 *
 * <p>Data are primitive arrays, column-major. Each tree keeps its split sample J1 and fills its leaves with the
 * disjoint estimation sample J2 (honesty); trees come in little bags sharing a half-sample, which gives the
 * variance. Every tree and bag draws from its own random stream derived from (seed, index), so results do not
 * depend on the number of threads. {@link dev.tailor.forest.internal.CausalEngine} is the causal pipeline
 * (nuisances, centering, forest, out-of-bag estimates); {@link dev.tailor.forest.internal.Aipw} the scores.
 */
package dev.tailor.forest.internal;
