package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The promotions simulator's design, determinism and outcomes (methods spec §3.3). */
class PromotionsSimulatorTest {

    private static final int N = 20_000;

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        Table first = Promotions.experiment().population(N, 5L).table();
        Table again = Promotions.experiment().population(N, 5L).table();
        Table other = Promotions.experiment().population(N, 6L).table();
        assertEquals(first.columnNames(), again.columnNames());
        for (String column : first.columnNames()) {
            assertEquals(first.column(column).asList(), again.column(column).asList(), column);
        }
        assertFalse(first.doubleColumn("profit").asList().equals(other.doubleColumn("profit").asList()));
        assertArrayEquals(Promotions.experiment().population(N, 5L).oracle().incrementalProfits()[17],
                Promotions.experiment().population(N, 5L).oracle().incrementalProfits()[17]);
    }

    @Test
    void armsAreNoneThenTwelvePromotionsInDiscountMajorOrder() {
        assertEquals(List.of("none", "5%/3d", "5%/7d", "5%/14d", "10%/3d", "10%/7d", "10%/14d", "20%/3d", "20%/7d",
                "20%/14d", "30%/3d", "30%/7d", "30%/14d"), Promotions.arms().names());
        assertEquals(0.20, Promotions.discount(7), 0.0);
        assertEquals(14, Promotions.validityDays(9));
    }

    @Test
    void completeRandomizationPutsExactlyTwentyPercentOnNoPromotionAndSplitsTheRestEvenly() {
        int[] arm = Promotions.experiment().population(N, 3L).assignedArms();
        int[] counts = new int[13];
        for (int a : arm) {
            counts[a]++;
        }
        assertEquals(N / 5, counts[0]);
        for (int t = 1; t <= 12; t++) {
            assertEquals(16_000 / 12.0, counts[t], 1.0, "arm " + t);
        }
    }

    @Test
    void observedBuyRatesAndProfitsAgreeWithTheOracleByArm() {
        PromotionsPopulation people = Promotions.experiment().population(40_000, 11L);
        PromotionsOracle truth = people.oracle();
        Table data = people.table();
        int[] arm = people.assignedArms();
        double[] buySum = new double[13];
        double[] profitSum = new double[13];
        double[] expectedBuy = new double[13];
        double[] expectedProfit = new double[13];
        int[] counts = new int[13];
        for (int i = 0; i < arm.length; i++) {
            int t = arm[i];
            counts[t]++;
            buySum[t] += data.intColumn("buy").getInt(i);
            profitSum[t] += data.doubleColumn("profit").getDouble(i);
            expectedBuy[t] += truth.buyProbability(i, t);
            expectedProfit[t] += truth.expectedProfit(i, t);
        }
        for (int t = 0; t <= 12; t++) {
            // About 2,700 customers per promotion: buy-rate se ≈ 0.8 pp, profit se ≈ 0.3 per customer.
            assertEquals(expectedBuy[t] / counts[t], buySum[t] / counts[t], 0.03, "buy rate, arm " + t);
            assertEquals(expectedProfit[t] / counts[t], profitSum[t] / counts[t], 1.0, "profit, arm " + t);
        }
    }

    @Test
    void theOraclesIncrementalColumnForNoPromotionIsZeroAndPromotionsCostTheSendCost() {
        PromotionsOracle truth = Promotions.experiment().population(1_000, 2L).oracle();
        double[][] tau = truth.incrementalProfits();
        for (int i = 0; i < tau.length; i++) {
            assertEquals(0.0, tau[i][0], 0.0);
            assertEquals(truth.expectedProfit(i, 4) - truth.expectedProfit(i, 0), tau[i][4], 1e-12);
        }
        assertTrue(truth.toString().contains("10%/3d"));
        assertTrue(truth.toHtml().contains("<table"));
        assertEquals(13, truth.table().rowCount());
    }

    @Test
    void badSizesAndSharesFailWithTheirValue() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Promotions.experiment().population(5, 1L));
        assertTrue(small.getMessage().contains("got n = 5"), small.getMessage());
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class,
                () -> Promotions.experiment().controlShare(1.2));
        assertTrue(share.getMessage().contains("got 1.2"), share.getMessage());
    }
}
