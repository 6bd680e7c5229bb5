package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.forest.CausalForest;
import dev.tailor.match.KnnMatching;
import org.junit.jupiter.api.Test;

/** {@link ConectaStudy}: the two-phase study in one call, on a small population. */
class ConectaStudyTest {

    @Test
    void aRunIsReproducibleAndItsRegretsAreTheOracleGapsOfItsRules() {
        ConectaStudy study = ConectaStudy.of(ConectaIdeas.schoolYear().heterogeneityScale(2)).parents(2_000)
                .forest(CausalForest.spec().trees(50).seed(3L)).knn(KnnMatching.spec().k(20));
        ConectaStudyRun run = study.run();
        ConectaStudyRun again = study.run();
        Oracle truth = ConectaIdeas.schoolYear().heterogeneityScale(2).population(2_000, 2023L).oracle(Phase.TWO);
        assertEquals(truth.oracleValue(), run.oracleValue(), 0.0);
        for (String rule : run.rules()) {
            assertEquals(run.trueValue(rule), again.trueValue(rule), 0.0, rule);
            assertEquals(run.estimate(rule), again.estimate(rule), 0.0, rule);
            assertEquals(run.oracleValue() - run.trueValue(rule), run.regret(rule), 0.0, rule);
            assertTrue(run.regret(rule) >= 0, rule + " cannot beat every parent's own best arm");
        }
        // Best gives everyone one arm, so its true value is that arm's true average effect.
        double bestValue = run.trueValue("Best");
        boolean matchesAnArm = false;
        for (int k = 1; k < truth.arms().size(); k++) {
            matchesAnArm |= Math.abs(truth.trueAte(k) - bestValue) < 1e-12;
        }
        assertTrue(matchesAnArm, "Best's value " + bestValue + " is some arm's true ATE");
        assertEquals(run.trueValue("CF") - run.trueValue("Best"), run.trueContrast(), 0.0);
        assertEquals("CF", run.contrast().rule());
        assertEquals(run.estimate("CF") - run.estimate("Best"), run.contrast().estimate(), 1e-15);
        assertEquals(2 * 4, ConectaStudyRun.sideBySide(run, again).table().rowCount(), "four rules per run");
        assertThrows(IllegalArgumentException.class, () -> run.regret("Oracle"));
    }
}
