package dev.tailor.welfare;

/** Whether a panel regression uses the outcome as given or its natural log. */
public enum OutcomeScale {

    /** y = ln(outcome); every value must be positive. Coefficients are approximate proportional changes. */
    LOG,

    /** y = outcome, as given. */
    LEVEL
}
