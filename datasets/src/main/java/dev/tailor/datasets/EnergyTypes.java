package dev.tailor.datasets;

/**
 * Each household's response parameters in the energy rebate simulator (methods spec §3.2): a soft mixture of three
 * latent response types, computed from covariates alone (no randomness).
 *
 * <p>Standardized drivers with fixed constants: z_inc = (ln h − 6.29)/0.56 (h the rounded income),
 * z_home = (home − 2.46)/1.24, z_eff = (eff − 3.47)/0.85, z_x2 = (x2 + 106)/122 with x2 = peak − post-peak, and
 * ȳ = peak·2/1000 kW. Type weights π_k = softmax over k ∈ {U, T, S} of q_k/0.5 with
 * q_U = −1.30 + 0.6 z_inc + 1.0 z_home − 1.0 z_eff, q_T = 1.2 z_x2 − 0.7 z_home, q_S = 0.5 z_eff − 0.4 z_inc.
 * Type parameters (m_k, s_k, λ_k, p_k): U (0.03, 0.05, −0.5, 0.40), T (0.16, 0.09, −0.3, 0.33),
 * S (0.05, 0.34, 3.25, 0.38). Then m = Σπ_k m_k + 0.05 z_inc, s = Σπ_k s_k, λ = Σπ_k λ_k and
 * ψ = Σπ_k Φ⁻¹(p_k)√(1 + λ_k²) + 0.18 z_eff + 0.12 z_inc − 0.14 z_x2 + 0.10.
 *
 * <p>Given private draws u, e ~ N(0, 1): the proportional reduction when treated is
 * r(u) = clamp((m + s·u)·(ȳ/0.382)^0.25, −0.5, 0.37), and take-up in S is D = 1{ψ + λ·u + e > 0}.
 *
 * @param baseline ȳ, the July mean peak power, kW (also the rebate baseline)
 * @param mean     m(x)
 * @param spread   s(x)
 * @param lambda   λ(x): selection on gains (positive) or against them (negative)
 * @param psi      ψ(x): the take-up index at u = 0
 * @param scale    (ȳ/0.382)^0.25: heavy users cut proportionally more
 */
record EnergyTypes(double[] baseline, double[] mean, double[] spread, double[] lambda, double[] psi, double[] scale) {

    static final double LOWER_CLAMP = -0.5;
    static final double UPPER_CLAMP = 0.37;

    private static final double[] M = {0.03, 0.16, 0.05};
    private static final double[] S = {0.05, 0.09, 0.34};
    private static final double[] LAMBDA = {-0.5, -0.3, 3.25};
    private static final double[] P = {0.40, 0.33, 0.38};
    private static final double[] PSI_TYPE = new double[3];

    static {
        for (int k = 0; k < 3; k++) {
            PSI_TYPE[k] = EnergyMath.inversePhi(P[k]) * Math.sqrt(1 + LAMBDA[k] * LAMBDA[k]);
        }
    }

    static EnergyTypes of(EnergyCovariates x) {
        int n = x.size();
        double[] baseline = new double[n];
        double[] mean = new double[n];
        double[] spread = new double[n];
        double[] lambda = new double[n];
        double[] psi = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            double zInc = zIncome(x.income()[i]);
            double zHome = (x.atHome()[i] - 2.46) / 1.24;
            double zEff = (x.efficacy()[i] - 3.47) / 0.85;
            double zX2 = (x.peak()[i] - x.postPeak()[i] + 106) / 122;
            double qU = (-1.30 + 0.6 * zInc + 1.0 * zHome - 1.0 * zEff) / 0.5;
            double qT = (1.2 * zX2 - 0.7 * zHome) / 0.5;
            double qS = (0.5 * zEff - 0.4 * zInc) / 0.5;
            double top = Math.max(qU, Math.max(qT, qS));
            double eU = Math.exp(qU - top);
            double eT = Math.exp(qT - top);
            double eS = Math.exp(qS - top);
            double total = eU + eT + eS;
            double[] pi = {eU / total, eT / total, eS / total};
            double m = 0;
            double s = 0;
            double l = 0;
            double p = 0;
            for (int k = 0; k < 3; k++) {
                m += pi[k] * M[k];
                s += pi[k] * S[k];
                l += pi[k] * LAMBDA[k];
                p += pi[k] * PSI_TYPE[k];
            }
            baseline[i] = x.peak()[i] * 2 / 1000;
            mean[i] = m + 0.05 * zInc;
            spread[i] = s;
            lambda[i] = l;
            psi[i] = p + 0.18 * zEff + 0.12 * zInc - 0.14 * zX2 + 0.10;
            scale[i] = Math.pow(baseline[i] / 0.382, 0.25);
        }
        return new EnergyTypes(baseline, mean, spread, lambda, psi, scale);
    }

    /** z_inc = (ln h − 6.29)/0.56 for the rounded income h (10,000 JPY). */
    static double zIncome(double income) {
        return (Math.log(income) - 6.29) / 0.56;
    }

    /** r_i(u): household i's proportional reduction when treated, given its private draw u. */
    double reduction(int i, double u) {
        double r = (mean[i] + spread[i] * u) * scale[i];
        return Math.max(LOWER_CLAMP, Math.min(UPPER_CLAMP, r));
    }

    int size() {
        return baseline.length;
    }
}
