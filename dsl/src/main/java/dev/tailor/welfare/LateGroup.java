package dev.tailor.welfare;

/**
 * Intent-to-treat effects and LATEs for takers and non-takers within one group (methods spec §2.12).
 *
 * <p>With Z the random arm and D take-up: ITT_T = W̄_T − W̄_U and ITT_S = W̄_S − W̄_U (Neyman SEs), p̂ = D̄_S,
 * LATE_t = ITT_S/p̂ and LATE_nt = (W̄_T − W̄_S)/(1 − p̂). The identities p̂·LATE_t = ITT_S,
 * (1 − p̂)·LATE_nt = ITT_T − ITT_S and p̂·LATE_t + (1 − p̂)·LATE_nt = ITT_T hold exactly.
 *
 * @param name             "all" or the group's level
 * @param untreated        units in U
 * @param treated          units in T
 * @param selection        units in S
 * @param takeUp           p̂ = D̄_S with SE √(p̂(1 − p̂)/n_S)
 * @param ittTreated       W̄_T − W̄_U with the Neyman SE
 * @param ittSelfSelection W̄_S − W̄_U with the Neyman SE
 * @param takers           LATE_t, the Wald ratio with its delta-method SE
 * @param nonTakers        LATE_nt, the Wald ratio with its delta-method SE
 * @param takersTsls       2SLS of W on D, units in U and S, instrument 1{Z = S}, HC-robust SE
 * @param nonTakersTsls    2SLS of W on D, units in T and S, instrument 1{Z = T}, HC-robust SE
 */
public record LateGroup(String name, int untreated, int treated, int selection, Estimate takeUp, Estimate ittTreated,
                        Estimate ittSelfSelection, Estimate takers, Estimate nonTakers, Estimate takersTsls,
                        Estimate nonTakersTsls) {

    /** n_U + n_T + n_S. */
    public int size() {
        return untreated + treated + selection;
    }
}
