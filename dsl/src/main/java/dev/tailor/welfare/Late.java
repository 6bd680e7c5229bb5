package dev.tailor.welfare;

import dev.tailor.estimate.RobustSe;

/**
 * LATEs for takers and non-takers in a three-arm encouragement design (methods spec §2.12; ENERGY §4): arm U
 * (untreated, D = 0), arm T (enrolled, D = 1) and arm S (asked to opt in, D chosen).
 *
 * <pre>{@code
 * LateRoles roles = LateRoles.outcome("welfare").arm("arm").takeUp("take_up").groups("g_star");
 * LateFit fit = Late.spec().fit(data, roles);
 * fit.overall().takers()          // LATE_t = (W̄_S − W̄_U)/p̂ with its delta-method SE
 * fit.group("2").nonTakers()      // LATE_nt = (W̄_T − W̄_S)/(1 − p̂) within the group Ĝ_S
 * }</pre>
 *
 * <p>Takers are the households who opt in when asked; non-takers those who do not. Both are identified because
 * T forces take-up and U forbids it (monotonicity by design), and the random arm does not affect W except through
 * D (the exclusion restriction). Wald ratios get delta-method SEs; the same LATEs as just-identified 2SLS get
 * HC-robust SEs (HC1 by default), which agree with the delta method asymptotically.
 */
public final class Late {

    private Late() {
    }

    /** The default spec: HC1 SEs for the 2SLS version, 95% confidence intervals. */
    public static LateSpec spec() {
        return new LateSpec(RobustSe.HC1, 0.95);
    }
}
