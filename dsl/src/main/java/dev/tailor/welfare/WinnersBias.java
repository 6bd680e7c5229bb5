package dev.tailor.welfare;

import dev.tailor.forest.RegressionForest;
import dev.tailor.forest.Regressor;
import dev.tailor.policy.PolicyEstimator;
import dev.tailor.render.Fmt;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Winner's-bias correction with artificial test data (methods spec §2.14; ENERGY appendix A.3). A policy learned by
 * maximizing in-sample welfare also fits the noise in usage Y and take-up D, so its in-sample value is biased
 * upward. The correction keeps every household's covariates X and arm Z, replaces the noise with fresh draws from
 * fitted models, rebuilds the welfare outcome the same way, and evaluates the <em>fixed</em> policy on each
 * replicate with the reporting estimator. Immutable; every wither returns a new spec.
 *
 * <pre>{@code
 * ArtificialTestData testData = WinnersBias.spec().replicates(100).seed(11)
 *         .regressor(Regressor.forest(RegressionForest.spec().trees(500).seed(11)))
 *         .fit(data, welfare, "arm", EnergyHouseholds.COVARIATES);     // nuisance models, fitted once
 * WinnersBiasTable corrected = testData.evaluate(policies, pairs);    // in-sample vs corrected, per policy and pair
 * }</pre>
 *
 * <p>Per arm j ∈ {U, T, S}: m̂_j(x) = Ê[Y | X, Z = j] (out-of-sample for the arm's own rows), residuals
 * ε̂ = Y − m̂_j, σ̂²_j(x) = Ê[ε̂² | X] (out-of-sample), σ̂ = √max(σ̂², 10⁻³·Var_j(ε̂)) and standardized residuals
 * r = ε̂/σ̂. Take-up: p̂(x) = P̂(D = 1 | X, Z = S) on S (out-of-sample), clipped to [0.01, 0.99]. Replicate b
 * draws r* with replacement from its own arm's r, sets Y* = m̂ + r*·σ̂, D* = 0 in U, 1 in T and Bernoulli(p̂)
 * in S, and builds W̃* from (Y*, D*) with the welfare outcome's spec and the observed baseline and income.
 *
 * <p>Cost: 7 regressor fits (3 means, 3 variances, 1 take-up), then B replicates of n draws and one evaluation per
 * policy and comparison; with forests the fits dominate.
 *
 * @param replicates B, the number of artificial test samples (100 in the paper's procedure)
 * @param seed       seed of the residual and take-up draws; replicate b's draws depend only on it and b
 * @param regressor  the model for m̂, σ̂² and p̂
 * @param estimator  how each replicate evaluates policies: the cell (post-stratified) estimator, as reported, or IPW
 */
public record WinnersBias(int replicates, long seed, Regressor regressor, PolicyEstimator estimator) {

    /** Standardizing scales are floored at √(this × the arm's residual variance), so no residual is divided by ≈ 0. */
    public static final double VARIANCE_FLOOR = 1e-3;

    /** Take-up probabilities are clipped to [this, 1 − this] before drawing. */
    public static final double TAKE_UP_CLIP = 0.01;

    public WinnersBias {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be ≥ 1, got " + replicates
                    + ". The paper's procedure uses 100; a handful is enough for a first look.");
        }
        Objects.requireNonNull(regressor, "regressor");
        Objects.requireNonNull(estimator, "estimator");
        if (estimator == PolicyEstimator.AIPW) {
            throw new IllegalArgumentException("The correction evaluates policies on each artificial sample without an outcome"
                    + " model; use PolicyEstimator.CELL (as reported in the study) or PolicyEstimator.IPW, not AIPW.");
        }
    }

    /** B = 100, seed 1, regression forests with grf's defaults (2,000 trees), cell estimator. */
    public static WinnersBias spec() {
        return new WinnersBias(100, 1L, Regressor.forest(RegressionForest.spec()), PolicyEstimator.CELL);
    }

    /** The number of artificial test samples B. */
    public WinnersBias replicates(int count) {
        return new WinnersBias(count, seed, regressor, estimator);
    }

    /** The seed of the residual and take-up draws (the regressor has its own). */
    public WinnersBias seed(long value) {
        return new WinnersBias(replicates, value, regressor, estimator);
    }

    /** The model for the conditional means, variances and take-up, e.g. {@code Regressor.forest(...)}. */
    public WinnersBias regressor(Regressor model) {
        return new WinnersBias(replicates, seed, model, estimator);
    }

    /** The estimator each replicate evaluates policies with: CELL (default) or IPW. */
    public WinnersBias estimator(PolicyEstimator value) {
        return new WinnersBias(replicates, seed, regressor, value);
    }

    /**
     * Fits the nuisance models once on {@code data}, the table {@code welfare} was built from.
     *
     * @param data       the experiment: usage, baseline, take-up and income columns of {@code welfare.columns()},
     *                   the arm column and the covariates
     * @param welfare    the welfare outcome of the same rows; its spec and columns build every replicate's W̃*
     * @param armColumn  the randomized arm: 0 U, 1 T, 2 S
     * @param covariates the columns the models condition on (X)
     * @throws dev.tailor.data.DataException if a column is missing or not numeric, the arm is not 0/1/2, take-up is
     *                                       not 0 in U and 1 in T, an arm has too few households, or {@code welfare}
     *                                       was built from another table
     */
    public ArtificialTestData fit(Table data, WelfareOutcome welfare, String armColumn, List<String> covariates) {
        return ArtificialTestData.fit(this, data, welfare, armColumn, covariates);
    }

    String describe() {
        return "B = " + Fmt.count(replicates) + ", seed " + seed + ", " + estimator.label() + "; models: " + regressor.describe();
    }

    @Override
    public String toString() {
        return "WinnersBias: artificial test data, " + describe();
    }
}
