/**
 * Generalized random forests for experiments: {@link dev.tailor.forest.CausalForest} (binary or multi-arm
 * conditional effects with confidence intervals, AIPW average effects) and {@link dev.tailor.forest.RegressionForest}.
 *
 * <p>Every estimator is a spec (immutable, printable) whose {@code fit(Table, Roles)} returns an immutable result
 * that renders as text, HTML and a Tablesaw table. The semantics follow grf (Athey, Tibshirani and Wager 2019) as
 * restated in the methods specification §2.2–2.7; the engine is in {@code dev.tailor.forest.internal}.
 */
package dev.tailor.forest;
