package dev.tailor.welfare;

/** Cluster-robust variance estimators for a panel regression clustered by unit. */
public enum ClusterSe {

    /** Liang–Zeger without small-sample correction; equals HC0 of the unit-collapsed regression. */
    CR0,

    /**
     * Stata's small-sample correction: CR0·G/(G − 1)·(N − 1)/(N − K), G clusters, N panel observations and K the
     * regressors not absorbed within clusters (the two arm-by-post terms, T − 1 period effects and the intercept;
     * the unit effects are nested in the clusters and not counted, as reghdfe does).
     */
    CR1
}
