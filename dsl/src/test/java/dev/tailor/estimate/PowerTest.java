package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.render.Fmt;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@link Power} reproduces the registry's power figures (methods spec §1.1) and the general MDE formula (§2.1). */
class PowerTest {

    @Test
    void schoolYearFiguresAtThePhaseTwoControlRateAreReproduced() {
        // p = 0.36, n_eff = 25,000: SE_arm 0.304 pp, SE_contrast 0.429 pp, MDE 1.20 pp.
        PowerResult result = Power.binary(0.36).perArm(25_000);
        assertEquals("0.304", Fmt.pp(result.seArm(), 3));
        assertEquals("0.429", Fmt.pp(result.seContrast(), 3));
        assertEquals("1.20", Fmt.pp(result.mde(), 2));
    }

    @Test
    void schoolYearFiguresAtThePhaseOneControlRateAreReproduced() {
        // p = 0.42, n_eff = 25,000: 0.312 / 0.441 / 1.24 pp.
        PowerResult result = Power.binary(0.42).perArm(25_000);
        assertEquals("0.312", Fmt.pp(result.seArm(), 3));
        assertEquals("0.441", Fmt.pp(result.seContrast(), 3));
        assertEquals("1.24", Fmt.pp(result.mde(), 2));
    }

    @Test
    void summerFiguresNeedTheTreatedHalfAsEffectiveN() {
        // σ = 0.14 with n_eff = 12,500: 0.125 / 0.177 / 0.496 pp; with 25,000 the MDE would be 0.35 pp.
        for (Power summer : new Power[] {Power.sd(0.14), Power.binary(0.02)}) {
            PowerResult result = summer.perArm(12_500);
            assertEquals("0.125", Fmt.pp(result.seArm(), 3), summer.toString());
            assertEquals("0.177", Fmt.pp(result.seContrast(), 3), summer.toString());
            assertEquals("0.496", Fmt.pp(result.mde(), 3), summer.toString());
            assertEquals("0.35", Fmt.pp(summer.perArm(25_000).mde(), 2), summer.toString());
        }
    }

    @Test
    void contrastSeIsRootTwoTimesArmSeAndMdeUsesZQuantiles() {
        PowerResult result = Power.binary(0.36).perArm(25_000);
        assertEquals(Math.sqrt(0.36 * 0.64 / 25_000), result.seArm(), 1e-15);
        assertEquals(Math.sqrt(2) * result.seArm(), result.seContrast(), 1e-15);
        // z_0.975 = 1.959963985, z_0.8 = 0.841621234.
        assertEquals(2.801585219, result.multiplier(), 1e-8);
        assertEquals(result.multiplier() * result.seContrast(), result.mde(), 1e-15);
        assertEquals(result.mde() / 0.36, result.mdeRelative().orElseThrow(), 1e-15);
        assertEquals(result.mde() / 0.48, result.mdeInSd(), 1e-15);
    }

    @Test
    void generalMdeCombinesUnequalSdsAndGroupSizes() {
        // MDE = (z_{1−α/2} + z_power) · √(σ₁²/n₁ + σ₂²/n₂) at α = 0.01, power 0.9: z = 2.575829304 + 1.281551566.
        PowerResult result = Power.sd(1.0).secondSd(2.0).alpha(0.01).power(0.9).groups(100, 400);
        assertEquals(Math.sqrt(1.0 / 100 + 4.0 / 400), result.seContrast(), 1e-15);
        assertEquals(0.1, result.seArm(), 1e-15);
        assertEquals((2.575829304 + 1.281551566) * Math.sqrt(0.02), result.mde(), 1e-8);
        assertTrue(result.mdeRelative().isEmpty());
    }

    @Test
    void reportPrintsPercentagePointsForBinaryOutcomesInTextHtmlAndTable() {
        PowerResult result = Power.binary(0.36).perArm(25_000);
        String text = result.toString();
        assertTrue(text.contains("control rate 36.0%") && text.contains("25,000 per arm"), text);
        assertTrue(text.contains("0.304") && text.contains("0.429") && text.contains("1.203") && text.contains("pp"), text);
        String html = result.toHtml();
        assertTrue(html.contains("<table") && html.contains("0.429") && html.contains("&") == html.contains("&amp;"), html);
        Table table = result.table();
        assertEquals("se_arm", table.stringColumn("quantity").get(0));
        assertEquals(100 * result.seArm(), table.doubleColumn("value").get(0), 1e-12);
        assertEquals(100 * result.mde(), table.doubleColumn("value").get(2), 1e-12);
        assertEquals("pp", table.stringColumn("unit").get(2));
    }

    @Test
    void outcomesGivenBySdPrintInOutcomeUnits() {
        PowerResult result = Power.sd(12.0).perArm(400);
        assertEquals("outcome units", result.table().stringColumn("unit").get(0));
        assertEquals(0.6, result.table().doubleColumn("value").get(0), 1e-12);
        assertTrue(result.toString().contains("0.6000"), result.toString());
    }

    @Test
    void invalidInputsNameTheValueAndTheRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Power.binary(36)).getMessage()
                .contains("got 36.0; pass a proportion"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Power.binary(0.36).alpha(1.5)).getMessage()
                .contains("(0, 1), got 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Power.sd(-1)).getMessage().contains("got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Power.sd(1).perArm(1)).getMessage().contains("n1 = 1"));
    }
}
