package dev.tailor.datasets;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The exact truth of one phase of a Conecta Ideas population: p_k(x) = Λ(b(x) + η_k(x)) for every student and
 * arm, the CATEs τ_k(x) = p_k(x) − p_0(x), the true ATEs, the best single arm and the personalized oracle.
 * All values are proportions (0.0212 is 2.12 pp); only the printed views use pp.
 *
 * <pre>{@code
 * Oracle truth = ConectaIdeas.schoolYear().population(100_000, 7L).oracle(Phase.ONE);
 * truth.arms().get(truth.bestArm());          // TR
 * truth.oracleValue() - truth.trueAte(truth.bestArm());   // the most personalization can gain, ≈ 0.0066
 * }</pre>
 */
public final class Oracle implements Rendered {

    private final Population people;
    private final Phase phase;
    private final Indices indices;
    private final int arms;
    private final double[] p;          // row-major n × (K+1)
    private final double[] ates;       // index 0 is the control, 0 by definition
    private final double[] rates;      // mean p_k
    private final double[] optimalShare;
    private final int[] oracleArm;
    private final double oracleValue;
    private final int bestArm;

    Oracle(Population people, Phase phase, Indices indices) {
        this.people = people;
        this.phase = phase;
        this.indices = indices;
        this.arms = indices.arms();
        int n = indices.size();
        this.p = new double[n * arms];
        this.rates = new double[arms];
        this.oracleArm = new int[n];
        double[] counts = new double[arms];
        double value = 0;
        for (int i = 0; i < n; i++) {
            int row = i * arms;
            int best = 1;
            for (int k = 0; k < arms; k++) {
                p[row + k] = indices.probability(i, k);
                rates[k] += p[row + k];
                if (k > 1 && p[row + k] > p[row + best]) {    // strict: ties go to the lowest index
                    best = k;
                }
            }
            oracleArm[i] = best;
            counts[best]++;
            value += p[row + best] - p[row];
        }
        this.ates = new double[arms];
        this.optimalShare = new double[arms];
        int bestSoFar = 1;
        for (int k = 0; k < arms; k++) {
            rates[k] /= n;
            optimalShare[k] = counts[k] / n;
        }
        for (int k = 1; k < arms; k++) {
            ates[k] = meanCate(k);
            if (ates[k] > ates[bestSoFar]) {
                bestSoFar = k;
            }
        }
        this.bestArm = bestSoFar;
        this.oracleValue = value / n;
    }

    public Phase phase() {
        return phase;
    }

    /** The simulator spec (context and knobs) this truth belongs to. */
    public ConectaIdeas spec() {
        return people.spec();
    }

    public Arms arms() {
        return people.arms();
    }

    /** Number of students n. */
    public int size() {
        return oracleArm.length;
    }

    /** The intercept α_c that bisection found for this phase. */
    public double intercept() {
        return indices.alpha();
    }

    /** Mean control login probability, mean Λ(b(x)); equal to the phase's base rate to about 1e-15. */
    public double baseRate() {
        return rates[0];
    }

    /** p_k(x_i): the login probability of student i under arm k. */
    public double probability(int i, int k) {
        return p[index(i, k)];
    }

    /** p_k(x_i) for all students (rows) and arms (columns, control first); a fresh copy. */
    public double[][] probabilities() {
        double[][] out = new double[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(p, i * arms, (i + 1) * arms);
        }
        return out;
    }

    /** τ_k(x_i) = p_k(x_i) − p_0(x_i): the true effect of arm k for student i (0 for the control). */
    public double cate(int i, int k) {
        return p[index(i, k)] - p[i * arms];
    }

    /** τ_k(x_i) for all students and arms; column 0 (control) is 0. A fresh copy. */
    public double[][] cates() {
        double[][] out = new double[size()][arms];
        for (int i = 0; i < out.length; i++) {
            for (int k = 1; k < arms; k++) {
                out[i][k] = p[i * arms + k] - p[i * arms];
            }
        }
        return out;
    }

    /** The true ATE of arm k, mean_i τ_k(x_i), as a proportion; 0 for the control. */
    public double trueAte(int k) {
        checkArm(k);
        return ates[k];
    }

    /** True ATEs indexed by arm, control (0) first; a fresh copy. */
    public double[] trueAtes() {
        return ates.clone();
    }

    /** True ATEs of the treatment arms 1..K, in arm order, as {@code EffectTable.against(..)} takes them. */
    public double[] treatmentAtes() {
        return java.util.Arrays.copyOfRange(ates, 1, ates.length);
    }

    /** The treatment arm with the highest true ATE; ties go to the lowest index. */
    public int bestArm() {
        return bestArm;
    }

    /** The personalized oracle's arm for student i: argmax over treatments k ≥ 1 of τ_k(x_i), ties to the lowest. */
    public int oracleArm(int i) {
        checkStudent(i);
        return oracleArm[i];
    }

    /** The personalized oracle policy for every student; a fresh copy. */
    public int[] oraclePolicy() {
        return oracleArm.clone();
    }

    /** V(oracle) = mean_i max_k τ_k(x_i): the value of perfect personalization, as a proportion. */
    public double oracleValue() {
        return oracleValue;
    }

    /** oracleValue() − trueAte(bestArm()): the most that personalization can add to the best single arm. */
    public double gainOverBest() {
        return oracleValue - ates[bestArm];
    }

    /** The value of drawing an arm uniformly from the treatments for each student: the mean of the K ATEs. */
    public double randomValue() {
        double sum = 0;
        for (int k = 1; k < arms; k++) {
            sum += ates[k];
        }
        return sum / (arms - 1);
    }

    /** The share of students for whom the best single arm is also their individually optimal arm. */
    public double bestArmOptimalShare() {
        return optimalShare[bestArm];
    }

    /** The share of students whose individually optimal arm is k (0 for the control, which is never chosen). */
    public double optimalShare(int k) {
        checkArm(k);
        return optimalShare[k];
    }

    /**
     * V(π) = mean_i τ_{π_i}(x_i): the true value of a policy that gives student i arm {@code policy[i]}
     * (0 = no message, worth 0), as a proportion. Regret is {@code oracleValue() - value(policy)}.
     */
    public double value(int[] policy) {
        if (policy.length != size()) {
            throw new IllegalArgumentException("A policy needs one arm per student (" + Fmt.count(size()) + "), got "
                    + Fmt.count(policy.length) + ".");
        }
        double sum = 0;
        for (int i = 0; i < policy.length; i++) {
            int k = policy[i];
            if (k < 0 || k >= arms) {
                throw new IllegalArgumentException("Policy gives arm " + k + " to student " + i + "; arms are 0.."
                        + (arms - 1) + " (" + arms().names().get(0) + ", " + arms().names().get(1) + ", …).");
            }
            sum += p[i * arms + k] - p[i * arms];
        }
        return sum / policy.length;
    }

    /**
     * The targeting oracle for one message at a per-message cost: arm {@code k} for students with
     * τ_k(x) > cost, control (0) for the others.
     */
    public int[] targetingPolicy(int k, double cost) {
        checkArm(k);
        int[] policy = new int[size()];
        for (int i = 0; i < policy.length; i++) {
            policy[i] = cate(i, k) > cost ? k : 0;
        }
        return policy;
    }

    /** E[minutes | x_i, k] = p_k(x_i)·exp(μ_M + 0.405), exact for the log-normal minutes of the model. */
    public double expectedMinutes(int i, int k) {
        double eta = indices.eta(i, k);
        return p[index(i, k)] * Math.exp(people.logMinutes(i, eta, indices) + 0.405);
    }

    /** E[exercises | x_i, k] = p_k(x_i)·(1 + λ_k(x_i)), exact for the 1 + Poisson count of the model. */
    public double expectedExercises(int i, int k) {
        double eta = indices.eta(i, k);
        return p[index(i, k)] * (1 + people.exerciseRate(i, eta));
    }

    private double meanCate(int k) {
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += p[i * arms + k] - p[i * arms];
        }
        return sum / size();
    }

    private int index(int i, int k) {
        checkStudent(i);
        checkArm(k);
        return i * arms + k;
    }

    private void checkStudent(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("Student " + i + " is outside 0.." + (size() - 1) + ".");
        }
    }

    private void checkArm(int k) {
        if (k < 0 || k >= arms) {
            throw new IndexOutOfBoundsException("Arm " + k + " is outside 0.." + (arms - 1) + " (" + arms().names().get(0)
                    + ", " + arms().names().get(1) + ", …, " + arms().names().get(arms - 1) + ").");
        }
    }

    // Rendering.

    private static final List<String> HEADER = List.of("arm", "login rate (%)", "true ATE (pp)", "optimal for (%)");

    private String title() {
        return "True effects — Conecta Ideas " + spec().describe() + ", " + phase.label() + " (n = " + Fmt.count(size())
                + ", seed " + people.seed() + ")";
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < arms; k++) {
            String name = arms().get(k).name() + (k == bestArm ? " *" : "");
            rows.add(List.of(name, Fmt.pp(rates[k], 2), k == 0 ? "—" : Fmt.pp(ates[k], 2),
                    k == 0 ? "—" : Fmt.pp(optimalShare[k], 1)));
        }
        return rows;
    }

    private List<String> notes() {
        return List.of(
                "* best single arm: " + arms().get(bestArm).name() + ", " + Fmt.pp(ates[bestArm], 2) + " pp.",
                "Personalized oracle: " + Fmt.pp(oracleValue, 2) + " pp (gain over best " + Fmt.pp(gainOverBest(), 2)
                        + " pp); random arm: " + Fmt.pp(randomValue(), 2) + " pp; the best arm is individually optimal for "
                        + Fmt.pp(bestArmOptimalShare(), 1) + "% of students.",
                "Intercept α = " + Fmt.fixed(intercept(), 4) + " (control login " + Fmt.pp(baseRate(), 2) + "%).");
    }

    private Report report() {
        return new Report(title(), HEADER, rows(), notes());
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per arm: arm_index, arm, login_rate, true_ate and optimal_share, all as proportions. */
    @Override
    public Table table() {
        IntColumn index = IntColumn.create("arm_index");
        StringColumn name = StringColumn.create("arm");
        DoubleColumn rate = DoubleColumn.create("login_rate");
        DoubleColumn ate = DoubleColumn.create("true_ate");
        DoubleColumn share = DoubleColumn.create("optimal_share");
        for (int k = 0; k < arms; k++) {
            index.append(k);
            name.append(arms().get(k).name());
            rate.append(rates[k]);
            ate.append(ates[k]);
            share.append(optimalShare[k]);
        }
        return Table.create("true effects, " + spec().describe() + ", " + phase.label(), index, name, rate, ate, share);
    }
}
