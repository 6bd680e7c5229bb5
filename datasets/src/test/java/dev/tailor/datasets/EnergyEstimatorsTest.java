package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.welfare.CounterfactualItt;
import dev.tailor.welfare.Estimate;
import dev.tailor.welfare.RebatesByIncome;
import dev.tailor.welfare.CounterfactualIttTable;
import dev.tailor.welfare.IttEstimator;
import dev.tailor.welfare.Late;
import dev.tailor.welfare.LateFit;
import dev.tailor.welfare.LateGroup;
import dev.tailor.welfare.LateRoles;
import dev.tailor.welfare.WelfareColumns;
import dev.tailor.welfare.WelfareOutcome;
import dev.tailor.welfare.WelfareSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The welfare and LATE estimators on simulated energy data, against the simulator's oracle. */
class EnergyEstimatorsTest {

    private static final LateRoles ROLES = LateRoles.outcome("welfare").arm("arm").takeUp("take_up");

    private static Table withWelfare(EnergyHouseholds households, WelfareSpec welfare) {
        Table data = households.data();
        return welfare.construct(data, WelfareColumns.energyRebate()).addTo(data);
    }

    @Test
    void atTheStudySizeTheWelfareOutcomeAndTheConstantPolicySesHaveTheSpecsMagnitudes() {
        EnergyHouseholds study = EnergyRebate.trial().studySample(20200824L);
        WelfareOutcome welfare = WelfareSpec.energyRebate().construct(study.data(), WelfareColumns.energyRebate());
        double[] w = welfare.outcomes();
        // §2.11: W̃ has mean ≈ −3,600 JPY with SD ≈ 2,700.
        assertEquals(-3600, EnergyCovariatesTest.mean(w), 200);
        assertEquals(2700, EnergyCovariatesTest.sd(w), 200);
        // §3.2: SE(all-T gain) ≈ 95 and SE(all-S gain) ≈ 117 at n = 3,870 (Neyman SEs of the constant policies).
        LateGroup all = Late.spec().fit(withWelfare(study, WelfareSpec.energyRebate()), ROLES).overall();
        assertEquals(95, all.ittTreated().stdError(), 10);
        assertEquals(117, all.ittSelfSelection().stdError(), 12);
    }

    @Test
    void inALargeSampleGroupLatesOfTheOracleGroupsRecoverTheOracleWithinFourStandardErrors() {
        EnergyHouseholds households = EnergyRebate.trial().households(200_000, 77L);
        EnergyOracle oracle = households.oracle();
        Table data = withWelfare(households, WelfareSpec.energyRebate());
        data.addColumns(IntColumn.create("g_star", oracle.selectionDriven()));
        LateFit fit = Late.spec().fit(data, ROLES.groups("g_star"));
        List<EnergyOracle.Group> truth = oracle.groups();
        for (int g = 0; g < 3; g++) {
            LateGroup estimate = fit.group(String.valueOf(g));
            EnergyOracle.Group t = truth.get(g);
            assertEquals(t.ittTreated(), estimate.ittTreated().estimate(), 4 * estimate.ittTreated().stdError(), "ITT_T " + g);
            assertEquals(t.ittSelfSelection(), estimate.ittSelfSelection().estimate(),
                    4 * estimate.ittSelfSelection().stdError(), "ITT_S " + g);
            assertEquals(t.takeUp(), estimate.takeUp().estimate(), 4 * estimate.takeUp().stdError(), "take-up " + g);
            assertEquals(t.lateTakers(), estimate.takers().estimate(), 4 * estimate.takers().stdError(), "LATE_t " + g);
            assertEquals(t.lateNonTakers(), estimate.nonTakers().estimate(), 4 * estimate.nonTakers().stdError(),
                    "LATE_nt " + g);
        }
        // The oracle policy's counterfactual table has its own arm on the diagonal as the column maximum.
        CounterfactualIttTable table = CounterfactualItt.spec().fit(data, ROLES, oracle.selectionDriven());
        assertTrue(table.diagonalIsColumnMaximum(), table.toString());
        assertEquals(oracle.selectionDrivenValue(), table.value().estimate(), 4 * table.value().stdError());
        CounterfactualIttTable ipw = CounterfactualItt.spec().estimator(IttEstimator.IPW).fit(data, ROLES, oracle.selectionDriven());
        assertEquals(oracle.selectionDrivenValue(), ipw.value().estimate(), 4 * ipw.value().stdError());
        // Table 7: the policy's average rebate by income quartile, estimated by cells, against the oracle's.
        RebatesByIncome rebates = WelfareSpec.energyRebate().construct(data, WelfareColumns.energyRebate())
                .rebatesByIncomeQuartile(households.assignment(), oracle.selectionDriven());
        double[] trueRebates = oracle.rebatesByIncomeQuartile(oracle.selectionDriven());
        assertArrayEquals(oracle.incomeQuartileCuts(), rebates.cuts(), 1e-9);
        for (int q = 0; q < 4; q++) {
            Estimate estimate = rebates.quartiles().get(q);
            assertEquals(trueRebates[q], estimate.estimate(), 4 * estimate.stdError(), "rebate in Q" + (q + 1));
        }
    }

    @Test
    void paretoWeightedOutcomesUseTheSameWeightsAsTheOracleOnTheSameHouseholds() {
        EnergyHouseholds households = EnergyRebate.trial().households(5_000, 78L);
        WelfareSpec nu2 = WelfareSpec.energyRebate().nu(2);
        double[] fromData = nu2.construct(households.data(), WelfareColumns.energyRebate()).weights();
        assertTrue(Arrays.equals(fromData, households.oracle(nu2).weights()));
    }
}
