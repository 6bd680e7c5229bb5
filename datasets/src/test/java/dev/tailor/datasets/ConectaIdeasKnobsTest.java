package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** effectScale and heterogeneityScale change the truth in the ways their documentation promises. */
class ConectaIdeasKnobsTest {

    private static final int N = 20_000;
    private static final long SEED = 8L;

    @Test
    void withoutHeterogeneityTheMessageIndexIsTheSameForEveryStudent() {
        ConectaIdeas flat = ConectaIdeas.schoolYear().heterogeneityScale(0);
        Population people = flat.population(N, SEED);
        Indices indices = Indices.of(flat, people, Phase.ONE);
        for (int k = 0; k < indices.arms(); k++) {
            double first = indices.eta(0, k);
            for (int i = 1; i < N; i++) {
                assertEquals(first, indices.eta(i, k), 0.0, "η of arm " + k + " for student " + i);
            }
        }
    }

    @Test
    void withoutHeterogeneityEveryStudentsOptimalArmIsTheBestArm() {
        // τ_k(x) = Λ(b + η_k) − Λ(b) with η_k constant: the arm with the largest η wins for everyone.
        Oracle oracle = ConectaIdeas.schoolYear().heterogeneityScale(0).population(N, SEED).oracle(Phase.ONE);
        int[] expected = new int[N];
        Arrays.fill(expected, oracle.bestArm());
        assertArrayEquals(expected, oracle.oraclePolicy());
        assertEquals(1.0, oracle.bestArmOptimalShare());
        assertEquals(oracle.trueAte(oracle.bestArm()), oracle.oracleValue(), 0.0);
        assertEquals(0.0, oracle.gainOverBest(), 0.0);
    }

    @Test
    void doublingHeterogeneityRaisesTheOracleGainOverBest() {
        Oracle calibrated = ConectaIdeas.schoolYear().population(N, SEED).oracle(Phase.ONE);
        Oracle stretched = ConectaIdeas.schoolYear().heterogeneityScale(2).population(N, SEED).oracle(Phase.ONE);
        assertTrue(stretched.gainOverBest() > 1.5 * calibrated.gainOverBest(),
                "gain " + stretched.gainOverBest() + " at h = 2 vs " + calibrated.gainOverBest() + " at h = 1");
        // The intercept is re-solved on the same population, so the control rate stays at its target.
        assertEquals(calibrated.baseRate(), stretched.baseRate(), 1e-10);
    }

    @Test
    void heterogeneityScaleLeavesTheSummerBaseRateAndArmsAlone() {
        Oracle stretched = ConectaIdeas.summer().heterogeneityScale(2).population(N, SEED).oracle(Phase.ONE);
        assertEquals(0.02, stretched.baseRate(), 1e-10);
        assertEquals(5, stretched.arms().size());
    }

    @Test
    void zeroEffectScaleMakesEveryArmWorthlessAndOutcomesArmFree() {
        Population people = ConectaIdeas.schoolYear().effectScale(0).population(N, SEED);
        Oracle oracle = people.oracle(Phase.ONE);
        for (int k = 0; k < 17; k++) {
            assertEquals(0.0, oracle.trueAte(k), 0.0, "arm " + k);
        }
        // Outcomes of a student share their uniforms across arms, so with no effect every arm gives the
        // control outcomes exactly.
        int[] pairs = new int[N];
        for (int i = 0; i < N; i++) {
            pairs[i] = 1 + i % 16;
        }
        Outcomes treated = people.outcomes(pairs, Phase.ONE, 3L);
        Outcomes control = people.outcomes(new int[N], Phase.ONE, 3L);
        assertArrayEquals(control.login(), treated.login());
        assertArrayEquals(control.minutes(), treated.minutes());
        assertArrayEquals(control.exercises(), treated.exercises());
    }

    @Test
    void largerEffectScaleRaisesTheBestArmsEffect() {
        Oracle base = ConectaIdeas.schoolYear().population(N, SEED).oracle(Phase.ONE);
        Oracle doubled = ConectaIdeas.schoolYear().effectScale(2).population(N, SEED).oracle(Phase.ONE);
        int tr = base.bestArm();
        // Doubling η roughly doubles a small effect on the probability scale.
        assertEquals(2.0, doubled.trueAte(tr) / base.trueAte(tr), 0.1);
    }

    @Test
    void aSharedCouplingMakesLoginMonotoneInTheArmsEffect() {
        // login = 1{u < p_k(x)} with the same u for every arm: a student who logs in under control also logs
        // in under any arm that raises her probability.
        Population people = ConectaIdeas.schoolYear().population(N, SEED);
        Oracle oracle = people.oracle(Phase.ONE);
        int tr = oracle.bestArm();
        int[] arms = new int[N];
        Arrays.fill(arms, tr);
        int[] treated = people.outcomes(arms, Phase.ONE, 4L).login();
        int[] control = people.outcomes(new int[N], Phase.ONE, 4L).login();
        for (int i = 0; i < N; i++) {
            if (oracle.cate(i, tr) > 0) {
                assertTrue(treated[i] >= control[i], "student " + i);
            }
        }
    }
}
