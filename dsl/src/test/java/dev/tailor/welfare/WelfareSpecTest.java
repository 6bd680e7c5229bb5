package dev.tailor.welfare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class WelfareSpecTest {

    private final WelfareSpec study = WelfareSpec.energyRebate();

    private static Table households() {
        return Table.create("households",
                DoubleColumn.create("usage_kw", 0.30, 0.50, 0.20, 0.45),
                DoubleColumn.create("baseline_kw", 0.40, 0.40, 0.25, 0.40),
                IntColumn.create("take_up", 1, 1, 0, 0),
                DoubleColumn.create("income", 400, 800, 200, 1000));
    }

    @Test
    void theStudysParametersGiveBetaOf9475AndARebateRateOf100() {
        assertEquals(9475, study.beta(), 1e-12);
        assertEquals(100, study.rebateRate(), 1e-12);
        assertEquals(study.beta(), study.benefit(1), 1e-12);       // b̃ with w = 1 is β
        assertEquals(9525, study.benefit(0), 1e-12);               // (2 − 0)/2·100 + 9,425
        assertEquals(280, study.rebate(0.30, 0.40, 1), 1e-9);      // 100 JPY/kWh · 28 h · 0.1 kW
        assertEquals(0, study.rebate(0.50, 0.40, 1), 0.0);          // no penalty above the baseline
        assertEquals(0, study.rebate(0.30, 0.40, 0), 0.0);          // non-participants get nothing
        // w = 0.5: b̃ = 9,500, so W̃ = −9,500·0.3 − 0.5·280 − 291.1.
        assertEquals(-2850 - 140 - 291.1, study.outcome(0.30, 0.40, 1, 0.5), 1e-9);
    }

    @Test
    void utilitarianWeightsAreAllOneSoEquation12IsEquation11() {
        WelfareOutcome w = study.construct(households(), WelfareColumns.energyRebate());
        assertArrayEquals(new double[] {1, 1, 1, 1}, w.weights(), 0.0);
        double[] expected = {-9475 * 0.30 - 291.1, -9475 * 0.50 - 291.1, -9475 * 0.20, -9475 * 0.45};
        assertArrayEquals(expected, w.outcomes(), 1e-9);
        assertArrayEquals(new double[] {280, 0, 0, 0}, w.rebates(), 1e-9);
    }

    @Test
    void paretoWeightsAverageOneAndAreProportionalToIncomeToTheMinusNu() {
        WelfareOutcome w = study.nu(1).construct(households(), WelfareColumns.energyRebate());
        double[] weights = w.weights();
        assertEquals(1.0, Arrays.stream(weights).average().orElseThrow(), 1e-12);
        assertEquals(2.0, weights[0] / weights[1], 1e-12);           // incomes 400 and 800, ν = 1
        WelfareOutcome w2 = study.nu(2).construct(households(), WelfareColumns.energyRebate());
        assertEquals(4.0, w2.weights()[0] / w2.weights()[1], 1e-12);
        assertEquals(study.nu(1).outcome(0.30, 0.40, 1, weights[0]), w.outcomes()[0], 1e-9);
    }

    @Test
    void utilitarianWelfareDifferencesAcrossArmsIgnoreAConstantAddedToUsage() {
        Table shifted = households();
        shifted.replaceColumn("usage_kw", shifted.doubleColumn("usage_kw").add(0.7).setName("usage_kw"));
        double[] before = study.construct(households(), WelfareColumns.energyRebate()).outcomes();
        double[] after = study.construct(shifted, WelfareColumns.energyRebate()).outcomes();
        for (int i = 1; i < before.length; i++) {
            assertEquals(before[i] - before[0], after[i] - after[0], 1e-9);
        }
    }

    @Test
    void constructedOutcomesAreAddedAsColumnsAndPrintedWithTheirParameters() {
        WelfareOutcome w = study.nu(1).construct(households(), WelfareColumns.energyRebate());
        Table augmented = w.addTo(households());
        assertEquals(w.outcomes()[2], augmented.doubleColumn("welfare").getDouble(2), 0.0);
        assertEquals(7, augmented.columnCount());
        assertEquals(4, w.table().rowCount());
        String text = w.toString();
        assertTrue(text.contains("β = 9475") && text.contains("income^(−1.00)") && text.contains("2 participants"), text);
        assertTrue(w.toHtml().contains("<table"));
        assertTrue(study.toString().contains("utilitarian (ν = 0)"));
        WelfareColumns named = WelfareColumns.usage("usage_kw").baseline("baseline_kw").takeUp("take_up").income("income");
        assertEquals(WelfareColumns.energyRebate(), named);
    }

    @Test
    void rebatesByIncomeQuartileAreCellMeansOfThePolicysArmWeightedByGroupShares() {
        Table data = Table.create("eight households",
                DoubleColumn.create("usage_kw", 0.30, 0.35, 0.40, 0.30, 0.50, 0.35, 0.50, 0.40),
                DoubleColumn.create("baseline_kw", 0.40, 0.40, 0.40, 0.40, 0.40, 0.40, 0.40, 0.40),
                IntColumn.create("take_up", 1, 1, 0, 1, 0, 1, 1, 0),
                DoubleColumn.create("income", 100, 200, 300, 400, 500, 600, 700, 800));
        int[] arm = {1, 1, 0, 2, 2, 2, 1, 0};
        int[] policy = {1, 1, 0, 2, 2, 2, 1, 1};
        RebatesByIncome rebates = study.construct(data, WelfareColumns.energyRebate()).rebatesByIncomeQuartile(arm, policy);
        assertArrayEquals(new double[] {275, 450, 625}, rebates.cuts(), 1e-12);   // linear interpolation
        // Q1: two T households in arm T, rebates 280 and 140. Q2: half left in U (0), half S with rebate 280.
        // Q3: two S households in arm S, rebates 0 and 140. Q4: the one T household randomized into T earns 0.
        assertEquals(210, rebates.quartiles().get(0).estimate(), 1e-9);
        assertEquals(70, rebates.quartiles().get(0).stdError(), 1e-9);
        assertEquals(140, rebates.quartiles().get(1).estimate(), 1e-9);
        assertEquals(70, rebates.quartiles().get(2).estimate(), 1e-9);
        assertEquals(70, rebates.quartiles().get(2).stdError(), 1e-9);
        assertEquals(0, rebates.quartiles().get(3).estimate(), 1e-9);
        assertEquals(0, rebates.ratioTopToBottom(), 1e-12);
        assertTrue(rebates.toString().contains("Q4/Q1"), rebates.toString());
        assertEquals(4, rebates.table().rowCount());
    }

    @Test
    void invalidParametersAndDataFailWithTheValueAndWhatIsExpected() {
        IllegalArgumentException prices = assertThrows(IllegalArgumentException.class, () -> study.marginalCost(20));
        assertTrue(prices.getMessage().contains("c = 20.0 and p = 25.0"), prices.getMessage());
        IllegalArgumentException nu = assertThrows(IllegalArgumentException.class, () -> study.nu(-1));
        assertTrue(nu.getMessage().contains("got -1.0"), nu.getMessage());
        Table badTakeUp = households();
        badTakeUp.intColumn("take_up").set(1, 2);
        DataException takeUp = assertThrows(DataException.class,
                () -> study.construct(badTakeUp, WelfareColumns.energyRebate()));
        assertTrue(takeUp.getMessage().contains("value 2.0 in row 1"), takeUp.getMessage());
        Table poor = households();
        poor.doubleColumn("income").set(3, 0.0);
        DataException income = assertThrows(DataException.class, () -> study.construct(poor, WelfareColumns.energyRebate()));
        assertTrue(income.getMessage().contains("value 0.0 in row 3"), income.getMessage());
        DataException missing = assertThrows(DataException.class,
                () -> study.construct(households(), WelfareColumns.usage("usage_kv").baseline("baseline_kw").takeUp("take_up")
                        .income("income")));
        assertTrue(missing.getMessage().contains("Did you mean \"usage_kw\""), missing.getMessage());
    }
}
