package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruthComparisonTest {

    private final Arms arms = Arms.of("A", "B", "C").withControl("control");
    private final EffectTable effects = new EffectTable("test estimator", "y", arms, List.of(
            new EffectEstimate(arms.get(1), 0.10, 0.02, 100),
            new EffectEstimate(arms.get(2), 0.30, 0.05, 100),
            new EffectEstimate(arms.get(3), -0.05, 0.01, 100)), 400, List.of());

    @Test
    void zScoresAreErrorsInStandardErrors() {
        TruthComparison comparison = effects.against(new double[] {0.12, 0.20, -0.05});
        assertArrayEquals(new double[] {-1.0, 2.0, 0.0}, comparison.zScores(), 1e-12);
        assertEquals(2.0, comparison.maxAbsZ(), 1e-12);
    }

    @Test
    void coverageCountsIntervalsThatContainTheTruth() {
        // z = -1, 2.0 and 0: the 95% interval (±1.96 SE) misses only arm B.
        TruthComparison comparison = effects.against(new double[] {0.12, 0.20, -0.05});
        assertEquals(2.0 / 3.0, comparison.coverage(), 1e-12);
        assertEquals(List.of(true, false, true), comparison.table().booleanColumn("ci_covers").asList());
    }

    @Test
    void requireWithinPassesCloseEstimatesAndNamesTheArmsThatMiss() {
        TruthComparison comparison = effects.against(new double[] {0.12, 0.20, -0.05});
        assertSame(comparison, comparison.requireWithin(2.5));
        IllegalStateException miss = assertThrows(IllegalStateException.class, () -> comparison.requireWithin(1.5));
        assertTrue(miss.getMessage().contains("B (z = 2.00)"), miss.getMessage());
        assertTrue(miss.getMessage().contains("test estimator"), miss.getMessage());
    }

    @Test
    void aTruthOfTheWrongLengthIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> effects.against(new double[] {0, 0.1, 0.2, 0.3}));
        assertTrue(error.getMessage().contains("(3), got 4"), error.getMessage());
    }
}
