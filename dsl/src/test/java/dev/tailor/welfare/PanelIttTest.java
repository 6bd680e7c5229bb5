package dev.tailor.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class PanelIttTest {

    private static final PanelRoles ROLES = PanelRoles.unit("id").time("t").post("post").outcome("y").arm("arm").takeUp("d");

    /**
     * Six households, two per arm, two pre periods and one post period. Post − pre means Δ: U 0 and 1, T −3 and
     * −1, S −2 and 0; take-up in S is 1 and 0.
     */
    private static Table tinyPanel(boolean exponentiate) {
        double[][] y = {{10, 12, 11}, {8, 10, 10}, {10, 10, 7}, {6, 8, 6}, {9, 11, 8}, {4, 4, 4}};
        int[] arm = {0, 0, 1, 1, 2, 2};
        int[] d = {0, 0, 1, 1, 1, 0};
        Table panel = Table.create("tiny panel", IntColumn.create("id"), IntColumn.create("t"), IntColumn.create("post"),
                DoubleColumn.create("y"), IntColumn.create("arm"), IntColumn.create("d"));
        for (int t = 0; t < 3; t++) {          // rows ordered by period, to show the order does not matter
            for (int i = 0; i < 6; i++) {
                panel.intColumn("id").append(100 + i);
                panel.intColumn("t").append(t);
                panel.intColumn("post").append(t == 2 ? 1 : 0);
                panel.doubleColumn("y").append(exponentiate ? Math.exp(y[i][t]) : y[i][t]);
                panel.intColumn("arm").append(arm[i]);
                panel.intColumn("d").append(d[i]);
            }
        }
        return panel;
    }

    @Test
    void aTinyPanelGivesTheHandComputedCoefficientsClusteredSesAndEqualityTest() {
        PanelIttFit fit = PanelItt.spec().scale(OutcomeScale.LEVEL).fit(tinyPanel(false), ROLES);
        // Δ̄_U = 0.5, Δ̄_T = −2, Δ̄_S = −1.
        assertEquals(-2.5, fit.treated().estimate(), 1e-12);
        assertEquals(-1.5, fit.selfSelection().estimate(), 1e-12);
        // Residuals ±0.5 (U), ±1 (T), ±1 (S): Var β_T = 2/2² + 0.5/2² = 0.625, Cov(β_T, β_S) = 0.5/2² = 0.125.
        assertEquals(Math.sqrt(0.625), fit.treated().stdError(), 1e-12);
        assertEquals(Math.sqrt(0.625), fit.selfSelection().stdError(), 1e-12);
        assertEquals(0.125, fit.vcov()[0][1], 1e-12);
        assertEquals(0.31731050786291415, fit.equalityPValue(), 1e-9);   // z = −1/√1
        assertEquals(0.5, fit.takeUp(), 0.0);
        assertEquals(-3.0, fit.logLateTakers(), 1e-12);
        // CR1 = CR0·G/(G − 1)·(N − 1)/(N − K) with G = 6, N = 18, K = 3 periods + 2 = 5.
        PanelIttFit cr1 = PanelItt.spec().scale(OutcomeScale.LEVEL).errors(ClusterSe.CR1).fit(tinyPanel(false), ROLES);
        assertEquals(0.625 * 6 / 5 * 17 / 13, cr1.vcov()[0][0], 1e-12);
    }

    @Test
    void theLogScaleTakesLogsOfTheOutcome() {
        PanelIttFit fit = PanelItt.spec().fit(tinyPanel(true), ROLES);
        assertEquals(-2.5, fit.treated().estimate(), 1e-9);
        assertEquals(-1.5, fit.selfSelection().estimate(), 1e-9);
    }

    @Test
    void collapsedEstimatesAndClusteredCovarianceEqualTheFullTwoWayFixedEffectsRegression() {
        Table panel = randomPanel(60, 12, 4, 31L);
        PanelIttFit fit = PanelItt.spec().fit(panel, ROLES);
        double[][] twfe = TwoWayFixedEffects.fit(panel, "id", "t", "post", "y", "arm", true);
        assertEquals(twfe[0][0], fit.treated().estimate(), 1e-8);
        assertEquals(twfe[0][1], fit.selfSelection().estimate(), 1e-8);
        assertEquals(twfe[1][0], fit.vcov()[0][0], 1e-8);
        assertEquals(twfe[1][1], fit.vcov()[0][1], 1e-8);
        assertEquals(twfe[1][3], fit.vcov()[1][1], 1e-8);
        PanelIttFit full = PanelItt.spec().solver(PanelSolver.ALTERNATING_PROJECTIONS).fit(panel, ROLES);
        assertEquals(twfe[0][0], full.treated().estimate(), 1e-8);
        assertEquals(twfe[0][1], full.selfSelection().estimate(), 1e-8);
        assertEquals(twfe[1][0], full.vcov()[0][0], 1e-8);
        assertEquals(twfe[1][1], full.vcov()[0][1], 1e-8);
        assertTrue(full.toString().contains("alternating projections"), full.toString());
    }

    @Test
    void bothSolversAgreeWithinAMedianSplitAndUnderCr1() {
        Table panel = randomPanel(90, 5, 2, 34L);
        int[] ids = new int[90];
        double[] x = new double[90];
        for (int i = 0; i < 90; i++) {
            ids[i] = i;
            x[i] = (i * 37) % 11;
        }
        Table units = Table.create("units", IntColumn.create("id", ids), DoubleColumn.create("x", x));
        PanelIttSplit collapsed = PanelItt.spec().errors(ClusterSe.CR1).medianSplit(panel, ROLES, units, "x");
        PanelIttSplit full = PanelItt.spec().errors(ClusterSe.CR1).solver(PanelSolver.ALTERNATING_PROJECTIONS)
                .medianSplit(panel, ROLES, units, "x");
        for (PanelIttFit[] pair : new PanelIttFit[][] {{collapsed.low(), full.low()}, {collapsed.high(), full.high()}}) {
            assertEquals(pair[0].treated().estimate(), pair[1].treated().estimate(), 1e-8);
            assertEquals(pair[0].selfSelection().stdError(), pair[1].selfSelection().stdError(), 1e-8);
            assertEquals(pair[0].equalityPValue(), pair[1].equalityPValue(), 1e-8);
        }
    }

    @Test
    void aMedianSplitFitsEachHalfAsIfItWereTheWholePanel() {
        Table panel = randomPanel(80, 6, 2, 32L);
        double[] x = new double[80];
        int[] ids = new int[80];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 80; i++) {
            ids[i] = i;
            x[i] = random.nextInt(5);
        }
        Table units = Table.create("units", IntColumn.create("id", ids), DoubleColumn.create("x", x));
        PanelIttSplit split = PanelItt.spec().medianSplit(panel, ROLES, units, "x");
        double median = split.median();
        Table lowPanel = panel.where(panel.intColumn("id").isIn(java.util.Arrays.stream(ids).filter(i -> x[i] <= median).toArray()));
        PanelIttFit direct = PanelItt.spec().fit(lowPanel, ROLES);
        assertEquals(direct.treated().estimate(), split.low().treated().estimate(), 1e-12);
        assertEquals(direct.selfSelection().stdError(), split.low().selfSelection().stdError(), 1e-12);
        assertEquals(80, split.low().units() + split.high().units());
        assertTrue(split.toString().contains("x ≤ median") || split.toString().contains("low (≤"), split.toString());
        assertEquals(4, split.table().rowCount());
    }

    @Test
    void unbalancedOrInconsistentPanelsFailWithTheCountsAndTheFix() {
        Table panel = tinyPanel(false);
        Table dropped = panel.dropRows(3);
        DataException unbalanced = assertThrows(DataException.class, () -> PanelItt.spec().fit(dropped, ROLES));
        assertTrue(unbalanced.getMessage().contains("not a balanced panel: 17 rows for 6 units × 3 periods"),
                unbalanced.getMessage());
        Table zero = panel.copy();
        zero.doubleColumn("y").set(4, 0.0);
        DataException log = assertThrows(DataException.class, () -> PanelItt.spec().fit(zero, ROLES));
        assertTrue(log.getMessage().contains("is 0.0 in row 4") && log.getMessage().contains("OutcomeScale.LEVEL"),
                log.getMessage());
        Table switching = panel.copy();
        switching.intColumn("arm").set(17, 0);
        DataException arm = assertThrows(DataException.class,
                () -> PanelItt.spec().scale(OutcomeScale.LEVEL).fit(switching, ROLES));
        assertTrue(arm.getMessage().contains("constant within a unit"), arm.getMessage());
        Table shifted = panel.copy();
        shifted.intColumn("post").set(12, 0);
        DataException post = assertThrows(DataException.class,
                () -> PanelItt.spec().scale(OutcomeScale.LEVEL).fit(shifted, ROLES));
        assertTrue(post.getMessage().contains("common to all units"), post.getMessage());
    }

    @Test
    void aFitPrintsBothArmsWithPercentChangesAndTabulatesThem() {
        PanelIttFit fit = PanelItt.spec().fit(randomPanel(60, 8, 2, 33L), ROLES);
        String text = fit.toString();
        assertTrue(text.contains("T (enrolled)") && text.contains("p(T = S)") && text.contains("log y"), text);
        assertTrue(fit.toHtml().contains("<table"));
        assertEquals(2, fit.table().rowCount());
    }

    /** n units (arms 0, 1, 2 in turn), t periods of which the last `post` are post; y lognormal with unit and period effects. */
    static Table randomPanel(int n, int periods, int post, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Table panel = Table.create("random panel", IntColumn.create("id"), IntColumn.create("t"), IntColumn.create("post"),
                DoubleColumn.create("y"), IntColumn.create("arm"), IntColumn.create("d"));
        double[] periodEffect = new double[periods];
        for (int t = 0; t < periods; t++) {
            periodEffect[t] = random.nextGaussian() * 0.3;
        }
        for (int i = 0; i < n; i++) {
            int arm = i % 3;
            int d = arm == 1 ? 1 : arm == 2 && random.nextDouble() < 0.4 ? 1 : 0;
            double unitEffect = random.nextGaussian();
            double effect = -0.1 * d + 0.05 * random.nextGaussian();
            for (int t = 0; t < periods; t++) {
                boolean isPost = t >= periods - post;
                panel.intColumn("id").append(i);
                panel.intColumn("t").append(t);
                panel.intColumn("post").append(isPost ? 1 : 0);
                panel.doubleColumn("y").append(Math.exp(5 + unitEffect + periodEffect[t] + (isPost ? effect : 0)
                        + 0.4 * random.nextGaussian()));
                panel.intColumn("arm").append(arm);
                panel.intColumn("d").append(d);
            }
        }
        return panel;
    }
}
