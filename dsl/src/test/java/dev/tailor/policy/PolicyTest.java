package dev.tailor.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import org.junit.jupiter.api.Test;

/** The rules themselves: which arm each row gets, and how they print. */
class PolicyTest {

    private static final Arms ARMS = Arms.of("T", "P", "R").withControl("control");

    @Test
    void argmaxPicksTheLargestTreatmentEffectWithTiesToTheLowestArm() {
        double[][] cate = {{0.1, 0.3, 0.2}, {0.2, 0.2, 0.1}, {-0.5, -0.1, -0.1}, {0, 0, 0}};
        assertArrayEquals(new int[] {2, 1, 2, 1}, Policy.argmax("argmax", cate).assign(4));
    }

    @Test
    void topShareTreatsRoundQTimesNRowsWithTheHighestScoresAndBreaksTiesByRow() {
        double[] score = {0.5, 0.9, 0.5, 0.1, 0.5, 0.7};
        Policy policy = Policy.topShare("top half", score, 0.5, ARMS.get("R"));
        assertArrayEquals(new int[] {3, 3, 0, 0, 0, 3}, policy.assign(6));
        assertEquals(0.5, policy.shares(4)[3], 1e-12);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, Policy.topShare("none", score, 0.0, ARMS.get("R")).assign(6));
    }

    @Test
    void thresholdTreatsRowsWhoseScoreExceedsTheCost() {
        double[] score = {0.01, 0.02, 0.03};
        assertArrayEquals(new int[] {0, 0, 1}, Policy.threshold("τ̂ > cost", score, 0.02, ARMS.get("T")).assign(3));
    }

    @Test
    void randomPolicyIsReproducibleNeverControlAndRoughlyUniform() {
        Policy random = Policy.random(ARMS, 42);
        int[] first = random.assign(30_000);
        assertArrayEquals(first, Policy.random(ARMS, 42).assign(30_000));
        assertArrayEquals(java.util.Arrays.copyOf(first, 100), random.assign(100)); // row i's arm does not depend on n
        int[] counts = new int[4];
        for (int a : first) {
            counts[a]++;
        }
        assertEquals(0, counts[0]);
        for (int a = 1; a < 4; a++) {
            // Binomial(30,000, 1/3): SD 81.6, so ±400 is ±4.9 SD.
            assertTrue(Math.abs(counts[a] - 10_000) < 400, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void aRuleComputedForOtherRowsFailsWithBothRowCounts() {
        Policy policy = Policy.fromAssignments(new int[] {1, 2, 3}, "three rows");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> policy.assign(5));
        assertTrue(error.getMessage().startsWith("Policy \"three rows\" was computed for 3 rows but the evaluation data have 5."),
                error.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Policy.fromAssignments(new int[] {1, 5}, "bad").withArms(ARMS));
        assertTrue(outside.getMessage().contains("uses arm index 5 but the catalog has 4 arms"), outside.getMessage());
    }

    @Test
    void policyPrintsTheShareOfRowsPerArm() {
        Policy policy = Policy.fromAssignments(new int[] {1, 1, 3, 0}, "mixed").withArms(ARMS);
        String text = policy.toString();
        assertTrue(text.contains("T") && text.contains("50.0%") && text.contains("25.0%"), text);
        assertEquals(4, policy.table().rowCount());
        assertTrue(policy.toHtml().contains("<table"));
        assertTrue(Policy.always(ARMS.get("P")).toString().contains("100.0%"));
    }
}
