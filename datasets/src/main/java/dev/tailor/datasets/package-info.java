/**
 * Seeded synthetic studies with known truth, for checking estimators and rehearsing analyses.
 *
 * <p>{@link dev.tailor.datasets.ConectaIdeas} simulates the Conecta Ideas push-notification RCT of methods spec
 * §3.1: a spec ({@code schoolYear()} or {@code summer()}, with effect and heterogeneity knobs) draws a
 * {@link dev.tailor.datasets.Population} from (n, seed); the population yields covariates, realized outcomes for
 * any assignment and phase, and an exact {@link dev.tailor.datasets.Oracle}. Every draw goes through a
 * {@link java.util.SplittableRandom} built from an explicit seed, in an order documented on the method that
 * draws, so a seed reproduces the data exactly.
 */
package dev.tailor.datasets;
