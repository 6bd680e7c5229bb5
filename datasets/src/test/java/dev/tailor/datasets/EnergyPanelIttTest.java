package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.welfare.PanelItt;
import dev.tailor.welfare.PanelIttFit;
import dev.tailor.welfare.PanelIttSplit;
import dev.tailor.welfare.PanelRoles;
import dev.tailor.welfare.PanelSolver;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The log-usage panel ITT (methods spec §2.15, notebook N5) on the simulator's half-hour panel. */
class EnergyPanelIttTest {

    private static final PanelRoles ROLES = PanelRoles.unit("id").time("t").post("post").outcome("usage").arm("arm")
            .takeUp("take_up");

    @Test
    void onA100HouseholdPanelTheCollapsedEstimatesEqualTheFullTwoWayFixedEffectsRegression() {
        Table panel = EnergyRebate.trial().households(100, 2020L).panel();
        PanelIttFit collapsed = PanelItt.spec().fit(panel, ROLES);
        PanelIttFit full = PanelItt.spec().solver(PanelSolver.ALTERNATING_PROJECTIONS).fit(panel, ROLES);
        assertEquals(full.treated().estimate(), collapsed.treated().estimate(), 1e-8);
        assertEquals(full.selfSelection().estimate(), collapsed.selfSelection().estimate(), 1e-8);
        assertEquals(full.treated().stdError(), collapsed.treated().stdError(), 1e-8);
        assertEquals(full.selfSelection().stdError(), collapsed.selfSelection().stdError(), 1e-8);
    }

    @Test
    void atTheStudySizeTheLogUsageEffectsAndTheirStandardErrorMatchTheOracleAndTheSpec() {
        EnergyHouseholds study = EnergyRebate.trial().studySample(20200824L);
        PanelIttFit fit = PanelItt.spec().fit(study.panel(), ROLES);
        // Truth: β_T = −0.109, β_S = −0.075 (§3.2); the spec reports SE(β̂_T) ≈ 0.013 for this panel.
        assertEquals(-0.109, fit.treated().estimate(), 4 * fit.treated().stdError());
        assertEquals(-0.075, fit.selfSelection().estimate(), 4 * fit.selfSelection().stdError());
        assertEquals(0.013, fit.treated().stdError(), 0.002);
        // Take-up is the S-arm mean of D (TP 2.15-2).
        Table data = study.data();
        double takers = 0;
        int asked = 0;
        for (int i = 0; i < data.rowCount(); i++) {
            if (data.intColumn("arm").getInt(i) == 2) {
                asked++;
                takers += data.intColumn("take_up").getInt(i);
            }
        }
        assertEquals(takers / asked, fit.takeUp(), 1e-15);
        // Take-up in S: truth 0.360, sampling SE √(.36·.64/807) = 0.017. This seed draws 31.4% (2.8 SE low; over
        // seeds 20200820..39 the mean is 36.5%), so the check allows 4 SE.
        assertEquals(0.36, fit.takeUp(), 4 * Math.sqrt(0.36 * 0.64 / 807));
        PanelIttSplit split = PanelItt.spec().medianSplit(study.panel(), ROLES, data, "efficacy");
        assertTrue(split.low().takeUp() < split.high().takeUp(), "take-up rises with self-efficacy, as in Table 2");
    }
}
