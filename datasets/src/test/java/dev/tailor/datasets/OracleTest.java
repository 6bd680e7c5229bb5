package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tech.tablesaw.api.Table;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OracleTest {

    private static final int N = 20_000;

    private final Population people = ConectaIdeas.schoolYear().population(N, 9L);
    private final Oracle oracle = people.oracle(Phase.ONE);

    @Test
    void theOraclePolicyIsWorthTheOracleValueAndNoPolicyBeatsIt() {
        assertEquals(oracle.oracleValue(), oracle.value(oracle.oraclePolicy()), 1e-15);
        SplittableRandom random = new SplittableRandom(1);
        int[] randomPolicy = new int[N];
        for (int i = 0; i < N; i++) {
            randomPolicy[i] = 1 + random.nextInt(16);
        }
        assertTrue(oracle.value(randomPolicy) < oracle.oracleValue());
        int[] everyoneBest = new int[N];
        Arrays.fill(everyoneBest, oracle.bestArm());
        assertEquals(oracle.trueAte(oracle.bestArm()), oracle.value(everyoneBest), 1e-15);
        assertEquals(0.0, oracle.value(new int[N]), 0.0);
    }

    @Test
    void eachStudentsOracleArmMaximizesHerCate() {
        double[][] cates = oracle.cates();
        for (int i = 0; i < N; i++) {
            int chosen = oracle.oracleArm(i);
            for (int k = 1; k < 17; k++) {
                assertTrue(cates[i][k] <= cates[i][chosen], "student " + i + ", arm " + k);
            }
            assertEquals(0.0, cates[i][0], 0.0);
        }
    }

    @Test
    void cateIsTheDifferenceOfProbabilitiesAndTheAteItsMean() {
        double[][] p = oracle.probabilities();
        double sum = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(p[i][3] - p[i][0], oracle.cate(i, 3), 0.0);
            sum += p[i][3] - p[i][0];
        }
        assertEquals(sum / N, oracle.trueAte(3), 1e-15);
        assertEquals(0.0, oracle.trueAtes()[0], 0.0);
        assertEquals(17, oracle.trueAtes().length);
    }

    @Test
    void optimalSharesSumToOneOverTheTreatments() {
        double total = 0;
        for (int k = 1; k < 17; k++) {
            total += oracle.optimalShare(k);
        }
        assertEquals(1.0, total, 1e-12);
        assertEquals(0.0, oracle.optimalShare(0), 0.0);
    }

    @Test
    void theTargetingOracleTreatsExactlyThoseWhoseEffectExceedsTheCost() {
        int tr = oracle.bestArm();
        double cost = 0.02;
        int[] policy = oracle.targetingPolicy(tr, cost);
        int treated = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(oracle.cate(i, tr) > cost ? tr : 0, policy[i]);
            treated += policy[i] == tr ? 1 : 0;
        }
        assertTrue(treated > 0 && treated < N, "the cost should split the population, treated " + treated);
        assertTrue(oracle.value(policy) - cost * treated / N >= oracle.trueAte(tr) - cost,
                "targeting must not lose to treating everyone once the cost is counted");
    }

    @Test
    void controlMinutesAndExercisesGivenLoginFollowTheSpecsClosedForm() {
        // Under control η = 0: E[M | x, login] = 25·exp(0.3·math_z + 0.2·L) (25 min for an average, inactive
        // student) and E[N_ex | x, login] = 1 + 12·exp(0.2·math_z).
        Table x = people.covariates();
        for (int i = 0; i < N; i++) {
            double z = x.doubleColumn("math_z").getDouble(i);
            int login = x.intColumn("prior_login").getInt(i);
            double p0 = oracle.probability(i, 0);
            assertEquals(25 * Math.exp(0.3 * z + 0.2 * login), oracle.expectedMinutes(i, 0) / p0, 1e-9);
            assertEquals(1 + 12 * Math.exp(0.2 * z), oracle.expectedExercises(i, 0) / p0, 1e-9);
        }
    }

    @Test
    void aMessageThatRaisesLoginRaisesExpectedMinutesMore() {
        // Minutes given login carry exp(0.3·η), so a positive η raises E[M] by more than it raises p.
        int tr = oracle.bestArm();
        for (int i = 0; i < N; i++) {
            if (oracle.cate(i, tr) > 0) {
                double ratio = oracle.expectedMinutes(i, tr) / oracle.expectedMinutes(i, 0);
                assertTrue(ratio > oracle.probability(i, tr) / oracle.probability(i, 0), "student " + i);
            }
        }
    }

    @Test
    void rendersAsTextHtmlAndTable() {
        String text = oracle.toString();
        assertTrue(text.contains("school year, phase 1"), text);
        assertTrue(text.contains(oracle.arms().get(oracle.bestArm()).name() + " *"), text);
        assertTrue(text.contains("Personalized oracle"), text);
        String html = oracle.toHtml();
        assertTrue(html.startsWith("<div") && html.contains("<table") && html.contains("</table>"), html);
        assertFalse(html.contains("<script"));
        Table table = oracle.table();
        assertEquals(17, table.rowCount());
        assertEquals(oracle.trueAte(5), table.doubleColumn("true_ate").getDouble(5), 0.0);
        assertEquals("control", table.stringColumn("arm").get(0));
    }
}
