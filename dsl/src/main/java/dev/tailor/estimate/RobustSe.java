package dev.tailor.estimate;

/**
 * Heteroskedasticity-robust (sandwich) standard errors for OLS: (X'X)⁻¹ X' diag(ω) X (X'X)⁻¹, which differ only
 * in the weight ω_i given to the squared residual e_i² of each row (h_ii is the row's leverage).
 *
 * <p>HC2 is the default: in a randomized experiment with arm dummies only it equals the textbook Neyman variance
 * s_k²/n_k + s_0²/n_0 exactly. HC1 reproduces Stata's {@code , robust}.
 */
public enum RobustSe {

    /** White's estimator, ω_i = e_i²; biased downward in small arms. */
    HC0("HC0"),
    /** ω_i = e_i² · n/(n − k), the degrees-of-freedom correction Stata's {@code robust} uses. */
    HC1("HC1"),
    /** ω_i = e_i²/(1 − h_ii); unbiased under homoskedasticity, and the Neyman variance for arm dummies. */
    HC2("HC2"),
    /** ω_i = e_i²/(1 − h_ii)², close to the jackknife; the most conservative of the four. */
    HC3("HC3");

    private final String label;

    RobustSe(String label) {
        this.label = label;
    }

    /** Whether the weights need the leverages h_ii. */
    boolean needsLeverage() {
        return this == HC2 || this == HC3;
    }

    /** The weight ω_i / e_i² for a row with leverage {@code h} (HC1's n/(n − k) is applied to the whole matrix). */
    double weight(double h) {
        return switch (this) {
            case HC0, HC1 -> 1.0;
            case HC2 -> 1.0 / (1.0 - h);
            case HC3 -> 1.0 / ((1.0 - h) * (1.0 - h));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
