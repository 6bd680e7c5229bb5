/**
 * Policy trees: shallow decision trees that assign one action per leaf so as to maximize a total reward
 * Σ_i Γ[i, action(x_i)] (Zhou, Athey and Wager; Kitagawa and Tetenov's EWM when Γ holds IPW rewards).
 *
 * <ul>
 *   <li>{@link dev.tailor.policy.tree.RewardMatrix}: the n × d rewards (doubly robust scores, or
 *       {@code RewardMatrix.ipw(...)} for EWM).</li>
 *   <li>{@link dev.tailor.policy.tree.PolicyTree}: exact search over every tree of depth 1–3,
 *       e.g. {@code PolicyTree.spec().depth(2).features("math_z", "grade").fit(table, rewards)}.</li>
 *   <li>{@link dev.tailor.policy.tree.GraftedTree} (depth 3 + 3 = 6, ENERGY) and
 *       {@link dev.tailor.policy.tree.HybridTree} (look-ahead search) for deeper trees.</li>
 *   <li>{@link dev.tailor.policy.tree.PolicyTreeFit}: rules, diagram, leaf table, predictions, and
 *       {@link dev.tailor.policy.tree.PolicyTreePlot} for a drawing.</li>
 *   <li>{@link dev.tailor.policy.tree.PolicyTreeCommand}: the {@code tailor policy-tree} command line.</li>
 * </ul>
 *
 * <p>Exact search is expensive: depth 2 grows like p²·n·d plus (candidate splits)²·d, and depth 3 runs a depth-2
 * search on both sides of every root candidate that a bound cannot rule out, so on continuous features it can take
 * minutes. A split step or coarse features make depth 3 fast (see {@link dev.tailor.policy.tree.PolicyTree}).
 */
package dev.tailor.policy.tree;
