package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.welfare.WelfareSpec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tech.tablesaw.api.Table;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnergyOracleTest {

    private static final int N = 100_000;

    private final EnergyHouseholds households = EnergyRebate.trial().households(N, 11L);
    private final EnergyOracle oracle = households.oracle();
    private final WelfareSpec welfare = WelfareSpec.energyRebate();
    private final EnergyOutcomes untreated = households.outcomes(constant(0));
    private final EnergyOutcomes treated = households.outcomes(constant(1));
    private final EnergyOutcomes asked = households.outcomes(constant(2));

    @Test
    void quadratureWelfareGainsAgreeWithTheHouseholdsOwnSimulatedOutcomes() {
        // Monte Carlo over the households' private draws: mean of W_T − W_U = β(Y_U − Y_T) − a, within 4 SE.
        double[] baseline = households.types().baseline();
        double[] gainT = new double[N];
        double[] gainS = new double[N];
        double[] rebateT = new double[N];
        double[] logT = new double[N];
        double[] yU = untreated.usage();
        double[] yT = treated.usage();
        double[] yS = asked.usage();
        int[] dS = asked.takeUp();
        for (int i = 0; i < N; i++) {
            gainT[i] = welfare.beta() * (yU[i] - yT[i]) - welfare.adminCost();
            gainS[i] = welfare.beta() * (yU[i] - yS[i]) - welfare.adminCost() * dS[i];
            rebateT[i] = welfare.rebate(yT[i], baseline[i], 1);
            logT[i] = Math.log(yT[i] / yU[i]);
        }
        assertWithinStandardErrors(oracle.ittTreated(), gainT, "ITT_T");
        assertWithinStandardErrors(oracle.ittSelfSelection(), gainS, "ITT_S");
        assertWithinStandardErrors(EnergyCovariatesTest.mean(oracle.expectedRebates(1)), rebateT, "rebate under T");
        assertWithinStandardErrors(oracle.logEffectTreated(), logT, "β_T");
        assertWithinStandardErrors(oracle.takeUp(), EnergyCovariatesTest.toDouble(dS), "take-up");
    }

    @Test
    void everyHouseholdsSelectionDrivenArmMaximizesItsTrueGain() {
        int[] star = oracle.selectionDriven();
        int[] dagger = oracle.selectionAbsent();
        double[] t = oracle.gains(1);
        double[] s = oracle.gains(2);
        for (int i = 0; i < N; i++) {
            double[] gain = {0, t[i], s[i]};
            for (int k = 0; k < 3; k++) {
                assertTrue(gain[k] <= gain[star[i]]);
            }
            assertEquals(t[i] > 0 ? 1 : 0, dagger[i]);
        }
    }

    @Test
    void noAssignmentBeatsSelectionDrivenAndNoUOrTAssignmentBeatsSelectionAbsent() {
        SplittableRandom random = new SplittableRandom(3);
        int[] randomThree = new int[N];
        int[] randomTwo = new int[N];
        for (int i = 0; i < N; i++) {
            randomThree[i] = random.nextInt(3);
            randomTwo[i] = random.nextInt(2);
        }
        double star = oracle.selectionDrivenValue();
        double dagger = oracle.selectionAbsentValue();
        for (int[] policy : List.of(randomThree, randomTwo, constant(1), constant(2), oracle.selectionAbsent())) {
            assertTrue(oracle.value(policy) <= star);
        }
        assertTrue(oracle.value(randomTwo) <= dagger && oracle.value(constant(1)) <= dagger);
        assertEquals(0.0, oracle.value(constant(0)), 0.0);
    }

    @Test
    void groupWaldRatiosReproduceGroupItts() {
        List<EnergyOracle.Group> groups = oracle.groups();
        double totalT = 0;
        double totalS = 0;
        for (EnergyOracle.Group g : groups) {
            assertEquals(g.ittSelfSelection(), g.takeUp() * g.lateTakers(), 1e-9);
            assertEquals(g.ittTreated() - g.ittSelfSelection(), (1 - g.takeUp()) * g.lateNonTakers(), 1e-9);
            totalT += g.share() * g.ittTreated();
            totalS += g.share() * g.ittSelfSelection();
        }
        assertEquals(oracle.ittTreated(), totalT, 1e-9);
        assertEquals(oracle.ittSelfSelection(), totalS, 1e-9);
        // The diagonal (each group's own arm) is the column maximum: the G* groups' mechanism of ENERGY eq. 6.
        assertTrue(groups.get(1).ittTreated() > Math.max(0, groups.get(1).ittSelfSelection()));
        assertTrue(groups.get(2).ittSelfSelection() > Math.max(0, groups.get(2).ittTreated()));
        assertTrue(groups.get(0).ittTreated() < 0 && groups.get(0).ittSelfSelection() < 0);
        assertTrue(groups.get(2).lateTakers() > 0 && groups.get(2).lateNonTakers() < 0);
        assertTrue(groups.get(0).lateTakers() < 0 && groups.get(1).lateNonTakers() > 0);
    }

    @Test
    void utilitarianWeightsAreOneAndParetoWeightsAverageOneAndFallWithIncome() {
        assertTrue(Arrays.stream(oracle.weights()).allMatch(w -> w == 1.0));
        assertEquals(oracle.gains(1)[17], oracle.efficiencyGains(1)[17], 0.0);
        EnergyOracle weighted = oracle.withWelfare(welfare.nu(2));
        double[] w = weighted.weights();
        assertEquals(1.0, EnergyCovariatesTest.mean(w), 1e-12);
        double[] income = households.x().income();
        for (int i = 1; i < 200; i++) {
            assertEquals(Double.compare(income[0], income[i]), -Double.compare(w[0], w[i]), "weights fall with income");
        }
        assertEquals(oracle.efficiency(weighted.selectionDriven()), weighted.efficiency(weighted.selectionDriven()), 1e-9);
    }

    @Test
    void reweightingReusesTheSameTruthAndAdminCostShiftsTheGainOfTExactly() {
        EnergyOracle same = oracle.withWelfare(WelfareSpec.energyRebate());
        assertEquals(oracle.selectionDrivenValue(), same.selectionDrivenValue(), 0.0);
        assertEquals(households.oracle().ittSelfSelection(), oracle.ittSelfSelection(), 0.0);
        EnergyOracle costly = oracle.withWelfare(welfare.adminCost(391.1));
        assertEquals(oracle.ittTreated() - 100, costly.ittTreated(), 1e-9);
        assertEquals(oracle.ittSelfSelection() - 100 * oracle.takeUp(), costly.ittSelfSelection(), 1e-9);
    }

    @Test
    void incomeQuartilesSplitHouseholdsIntoFourEqualParts() {
        double[] cuts = oracle.incomeQuartileCuts();
        assertTrue(cuts[0] <= cuts[1] && cuts[1] <= cuts[2]);
        double[] rebatesU = oracle.rebatesByIncomeQuartile(constant(0));
        assertTrue(Arrays.stream(rebatesU).allMatch(r -> r == 0.0), "U pays no rebates");
        double[] rebatesT = oracle.rebatesByIncomeQuartile(constant(1));
        double overall = EnergyCovariatesTest.mean(oracle.expectedRebates(1));
        assertEquals(overall, Arrays.stream(rebatesT).average().orElseThrow(), 0.03 * overall, "about equal quartile sizes");
        assertTrue(rebatesT[3] > rebatesT[0], "richer households use more and earn more rebates");
    }

    @Test
    void theOracleRendersAsTextHtmlAndTables() {
        String text = oracle.toString();
        assertTrue(text.contains("G* (U/T/S)") && text.contains("n = 100,000") && text.contains("LATE takers"), text);
        assertTrue(oracle.toHtml().contains("<table") && oracle.toHtml().contains("G† (U/T)"));
        Table table = oracle.table();
        assertEquals(5, table.rowCount());
        assertEquals(oracle.selectionDrivenValue(), table.doubleColumn("value").getDouble(4), 0.0);
        Table perHousehold = oracle.householdTable();
        assertEquals(N, perHousehold.rowCount());
        assertEquals(oracle.selectionDriven()[9], perHousehold.intColumn("g_star").getInt(9));
        assertTrue(oracle.withWelfare(welfare.nu(1)).toString().contains("ν = 1.00"));
    }

    private static int[] constant(int arm) {
        int[] policy = new int[N];
        Arrays.fill(policy, arm);
        return policy;
    }

    private static void assertWithinStandardErrors(double expected, double[] draws, String what) {
        double se = EnergyCovariatesTest.sd(draws) / Math.sqrt(draws.length);
        double mean = EnergyCovariatesTest.mean(draws);
        assertEquals(expected, mean, 4 * se, what + ": quadrature " + expected + ", simulation " + mean + " (SE " + se + ")");
    }
}
