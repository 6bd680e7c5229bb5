/**
 * Treatment rules and their evaluation on experimental data (methods spec §2.9, §2.10): rules
 * ({@link dev.tailor.policy.Policy}), their IPW, AIPW and cell values and paired comparisons
 * ({@link dev.tailor.policy.PolicyEvaluation}, {@link dev.tailor.policy.PolicyValue},
 * {@link dev.tailor.policy.PolicyComparison}, {@link dev.tailor.policy.PolicyReport}) and targeting curves
 * ({@link dev.tailor.policy.Targeting}, {@link dev.tailor.policy.TargetingCurve}). Nothing here depends on how a
 * rule or an outcome model was learned.
 */
package dev.tailor.policy;
