/**
 * Welfare analysis of an encouragement design with untreated (U), enrolled (T) and opt-in (S) arms, after Ida et
 * al., "Choosing Who Chooses" (methods spec §2.12, §2.13, §2.15).
 *
 * <ul>
 *   <li>{@link dev.tailor.welfare.WelfareSpec}: prices, costs and Pareto weights → {@link dev.tailor.welfare.WelfareOutcome}
 *       (the EWM outcome W̃, weights, rebates, and rebates by income quartile of a policy).</li>
 *   <li>{@link dev.tailor.welfare.Late}: LATEs for takers and non-takers, overall and by group, as Wald ratios
 *       (delta-method SEs) and 2SLS (HC-robust SEs) → {@link dev.tailor.welfare.LateFit}.</li>
 *   <li>{@link dev.tailor.welfare.CounterfactualItt}: a policy's counterfactual ITT table by policy group →
 *       {@link dev.tailor.welfare.CounterfactualIttTable}.</li>
 *   <li>{@link dev.tailor.welfare.PanelItt}: the log-usage ITT with household and period fixed effects and
 *       household-clustered SEs → {@link dev.tailor.welfare.PanelIttFit}, or by median split
 *       {@link dev.tailor.welfare.PanelIttSplit}.</li>
 * </ul>
 *
 * <p>Arms are coded 0 U, 1 T, 2 S throughout. All algebra is plain Java on small systems (at most 3 × 3); panels
 * are collapsed exactly rather than inverted.
 */
package dev.tailor.welfare;
