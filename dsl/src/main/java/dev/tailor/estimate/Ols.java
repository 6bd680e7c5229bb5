package dev.tailor.estimate;

/**
 * Average treatment effects of every arm against control by ordinary least squares, with strata fixed effects,
 * optional covariate adjustment and heteroskedasticity-robust standard errors (methods spec §2.1).
 *
 * <pre>{@code
 * Roles roles = Roles.outcome("login").treatment("arm").arms(arms).strata("prior_login");
 * OlsFit fit = Ols.spec().standardErrors(RobustSe.HC2).fit(table, roles);
 * fit.effects()          // one row per arm: estimate, se, 95% CI, p, n; the best arm is marked
 * }</pre>
 *
 * <p>The model is Y = α + Σ_k β_k 1{W = k} + Σ_{s≥2} γ_s 1{S = s} + X'θ + ε, where W is the arm (0 = control),
 * S the stratum from {@code Roles.strata} and X the columns in {@code Roles.covariates}.
 */
public final class Ols {

    private Ols() {
    }

    /** The default specification: HC2 standard errors. Strata and covariates come from the roles at fit time. */
    public static OlsSpec spec() {
        return new OlsSpec(RobustSe.HC2);
    }
}
