package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectTableTest {

    private final Arms arms = Arms.of("A", "B").withControl("control");
    private final EffectTable effects = new EffectTable("difference in means", "login", arms, List.of(
            new EffectEstimate(arms.get(1), 0.0212, 0.0031, 5_000),
            new EffectEstimate(arms.get(2), 0.0105, 0.0030, 5_000)), 20_000, List.of());

    @Test
    void percentagePointsChangeThePrintedViewsButNotTheNumbers() {
        EffectTable pp = effects.inPercentagePoints();
        assertTrue(pp.toString().contains("2.12") && pp.toString().contains("0.31"), pp.toString());
        assertTrue(pp.toString().startsWith("Effects on login (pp)"), pp.toString());
        assertTrue(pp.toHtml().contains(">2.12<"), pp.toHtml());
        assertFalse(effects.toString().contains(" 2.12 "), effects.toString());
        assertEquals(0.0212, pp.table().doubleColumn("estimate").get(0), 0.0);
        assertEquals(0.0212, pp.effect("A").estimate(), 0.0);
    }

    @Test
    void theBestArmIsMarkedAndTiesGoToTheLowestIndex() {
        assertEquals("A", effects.best().name());
        assertTrue(effects.toString().contains("A *"));
        EffectTable tied = new EffectTable("m", "y", arms, List.of(
                new EffectEstimate(arms.get(1), 0.5, 0.1, 10), new EffectEstimate(arms.get(2), 0.5, 0.1, 10)), 30, List.of());
        assertEquals("A", tied.best().name());
    }

    @Test
    void truthComparisonPrintsInTheSameUnits() {
        String text = effects.inPercentagePoints().against(new double[] {0.0200, 0.0100}).toString();
        assertTrue(text.contains("2.12") && text.contains("2.00"), text);
    }
}
