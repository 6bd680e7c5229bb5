package dev.tailor.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.estimate.RobustSe;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LateTest {

    // U: W = 1, 2, 3. T: W = 4, 6 (D = 1). S: (W, D) = (5, 1), (2, 0), (7, 1), (1, 0).
    private static final Table TINY = ThreeArmTables.of(new double[] {1, 2, 3, 4, 6, 5, 2, 7, 1},
            new int[] {0, 0, 0, 1, 1, 2, 2, 2, 2}, new int[] {0, 0, 0, 1, 1, 1, 0, 1, 0});

    @Test
    void latesEqualTheWaldRatiosAndDeltaSesComputedByHandOnATinyTable() {
        LateGroup all = Late.spec().fit(TINY, ThreeArmTables.ROLES).overall();
        // Means: U 2, T 5, S 3.75; take-up in S 0.5.
        assertEquals(0.5, all.takeUp().estimate(), 1e-15);
        assertEquals(0.25, all.takeUp().stdError(), 1e-15);                 // √(.5·.5/4)
        assertEquals(3.0, all.ittTreated().estimate(), 1e-14);
        assertEquals(Math.sqrt(2.0 / 2 + 1.0 / 3), all.ittTreated().stdError(), 1e-14);
        assertEquals(1.75, all.ittSelfSelection().estimate(), 1e-14);
        assertEquals(Math.sqrt(22.75 / 3 / 4 + 1.0 / 3), all.ittSelfSelection().stdError(), 1e-14);
        assertEquals(3.5, all.takers().estimate(), 1e-14);                 // (3.75 − 2)/0.5
        assertEquals(2.5, all.nonTakers().estimate(), 1e-14);              // (5 − 3.75)/0.5
        // Delta method: s²_S = 22.75/3, cov_S(W, D) = 4.5/3, Var(p̂) = .0625.
        double varNt = 22.75 / 3 / 4 + 1.0 / 3;
        double cov = 4.5 / 3 / 4;
        assertEquals(Math.sqrt((varNt - 2 * 3.5 * cov + 3.5 * 3.5 * 0.0625) / 0.25), all.takers().stdError(), 1e-13);
        double varNnt = 2.0 / 2 + 22.75 / 3 / 4;
        assertEquals(Math.sqrt((varNnt - 2 * 2.5 * cov + 2.5 * 2.5 * 0.0625) / 0.25), all.nonTakers().stdError(), 1e-13);
        assertEquals(Math.sqrt(1.4791666666666667), all.takers().stdError(), 1e-12);
    }

    @Test
    void twoStageLeastSquaresEqualsTheWaldRatioAndItsSandwichVarianceMatchesAGenericMatrixComputation() {
        Table data = ThreeArmTables.random(600, 4L);
        LateGroup hc0 = Late.spec().tslsErrors(RobustSe.HC0).fit(data, ThreeArmTables.ROLES).overall();
        LateGroup hc1 = Late.spec().fit(data, ThreeArmTables.ROLES).overall();
        assertEquals(hc0.takers().estimate(), hc0.takersTsls().estimate(), 1e-10);
        assertEquals(hc0.nonTakers().estimate(), hc0.nonTakersTsls().estimate(), 1e-10);
        double[] takers = sandwich(data, 0, 2);
        double[] nonTakers = sandwich(data, 1, 2);
        assertEquals(takers[0], hc0.takersTsls().estimate(), 1e-10);
        assertEquals(takers[1], hc0.takersTsls().stdError(), 1e-10);
        assertEquals(nonTakers[1], hc0.nonTakersTsls().stdError(), 1e-10);
        int nUs = hc0.untreated() + hc0.selection();
        assertEquals(takers[1] * Math.sqrt(nUs / (nUs - 2.0)), hc1.takersTsls().stdError(), 1e-10);
    }

    @Test
    void waldIdentitiesHoldToNineDecimalsOverallAndInEveryGroup() {
        LateFit fit = Late.spec().fit(ThreeArmTables.random(900, 5L), ThreeArmTables.ROLES.groups("g"));
        List<LateGroup> all = new ArrayList<>(fit.groups());
        all.add(fit.overall());
        assertEquals(3, fit.groups().size());
        for (LateGroup g : all) {
            double p = g.takeUp().estimate();
            assertEquals(g.ittSelfSelection().estimate(), p * g.takers().estimate(), 1e-9, g.name());
            assertEquals(g.ittTreated().estimate() - g.ittSelfSelection().estimate(), (1 - p) * g.nonTakers().estimate(), 1e-9);
            assertEquals(g.ittTreated().estimate(), p * g.takers().estimate() + (1 - p) * g.nonTakers().estimate(), 1e-9);
        }
        assertEquals(fit.overall().size(), fit.groups().stream().mapToInt(LateGroup::size).sum());
        assertEquals("b", fit.group("b").name());
    }

    @Test
    void deltaMethodAndRobustTwoStageSesAgreeInLargeSamples() {
        LateGroup g = Late.spec().tslsErrors(RobustSe.HC0).fit(ThreeArmTables.random(20_000, 6L), ThreeArmTables.ROLES).overall();
        assertEquals(g.takers().stdError(), g.takersTsls().stdError(), 0.02 * g.takers().stdError());
        assertEquals(g.nonTakers().stdError(), g.nonTakersTsls().stdError(), 0.02 * g.nonTakers().stdError());
    }

    @Test
    void withoutTakersTheTakersLateIsNotIdentifiedAndTheReportSaysSo() {
        Table none = ThreeArmTables.of(new double[] {1, 2, 3, 4, 6, 5, 2}, new int[] {0, 0, 1, 1, 2, 2, 2},
                new int[] {0, 0, 1, 1, 0, 0, 0});
        LateFit fit = Late.spec().fit(none, ThreeArmTables.ROLES);
        assertTrue(Double.isNaN(fit.overall().takers().estimate()));
        assertTrue(Double.isNaN(fit.overall().takersTsls().estimate()));
        assertTrue(fit.toString().contains("nobody in S took up"), fit.toString());
    }

    @Test
    void takeUpOutsideTheDesignAndTooSmallGroupsFailWithTheCountAndTheFix() {
        Table leaky = ThreeArmTables.of(new double[] {1, 2, 3, 4, 6, 5, 2}, new int[] {0, 0, 1, 1, 2, 2, 2},
                new int[] {0, 1, 1, 1, 0, 1, 0});
        DataException compliance = assertThrows(DataException.class, () -> Late.spec().fit(leaky, ThreeArmTables.ROLES));
        assertTrue(compliance.getMessage().contains("is 1 for 1 households in arm U") && compliance.getMessage().contains("row 1"),
                compliance.getMessage());
        Table thin = ThreeArmTables.of(new double[] {1, 2, 3, 4, 6}, new int[] {0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 1});
        DataException small = assertThrows(DataException.class, () -> Late.spec().fit(thin, ThreeArmTables.ROLES));
        assertTrue(small.getMessage().contains("1 household in arm S") && small.getMessage().contains("at least 2"),
                small.getMessage());
        Table badArm = ThreeArmTables.of(new double[] {1, 2}, new int[] {0, 3}, new int[] {0, 0});
        DataException arm = assertThrows(DataException.class, () -> Late.spec().fit(badArm, ThreeArmTables.ROLES));
        assertTrue(arm.getMessage().contains("value 3.0 in row 1"), arm.getMessage());
        IllegalArgumentException hc2 = assertThrows(IllegalArgumentException.class, () -> Late.spec().tslsErrors(RobustSe.HC2));
        assertTrue(hc2.getMessage().contains("got HC2"), hc2.getMessage());
    }

    @Test
    void aFitPrintsEveryGroupAndTabulatesFiveEstimandsPerGroup() {
        LateFit fit = Late.spec().fit(ThreeArmTables.random(300, 7L), ThreeArmTables.ROLES.groups("g"));
        String text = fit.toString();
        assertTrue(text.contains("LATE takers (SE)") && text.contains("by g") && text.contains("95% CI"), text);
        assertTrue(fit.toHtml().contains("<table"));
        Table table = fit.table();
        assertEquals(20, table.rowCount());
        assertEquals(fit.group("c").nonTakers().estimate(), table.where(table.stringColumn("group").isEqualTo("c")
                .and(table.stringColumn("estimand").isEqualTo("late_non_takers"))).doubleColumn("estimate").getDouble(0), 0.0);
    }

    /** β and HC0 SE of the D coefficient by explicit matrices, on units in arms a and b, instrument 1{Z = S or T}. */
    private static double[] sandwich(Table data, int a, int b) {
        int instrumented = a == 0 ? b : a;
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < data.rowCount(); i++) {
            int z = data.intColumn("arm").getInt(i);
            if (z == a || z == b) {
                rows.add(new double[] {z == instrumented ? 1 : 0, data.intColumn("d").getInt(i), data.doubleColumn("w").getDouble(i)});
            }
        }
        int n = rows.size();
        RealMatrix x = new Array2DRowRealMatrix(n, 2);
        RealMatrix zm = new Array2DRowRealMatrix(n, 2);
        RealMatrix y = new Array2DRowRealMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            x.setEntry(i, 0, 1);
            x.setEntry(i, 1, rows.get(i)[1]);
            zm.setEntry(i, 0, 1);
            zm.setEntry(i, 1, rows.get(i)[0]);
            y.setEntry(i, 0, rows.get(i)[2]);
        }
        RealMatrix inverse = new LUDecomposition(zm.transpose().multiply(x)).getSolver().getInverse();
        RealMatrix beta = inverse.multiply(zm.transpose()).multiply(y);
        RealMatrix residual = y.subtract(x.multiply(beta));
        RealMatrix meat = new Array2DRowRealMatrix(2, 2);
        for (int i = 0; i < n; i++) {
            double e2 = residual.getEntry(i, 0) * residual.getEntry(i, 0);
            RealMatrix zi = zm.getRowMatrix(i);
            meat = meat.add(zi.transpose().multiply(zi).scalarMultiply(e2));
        }
        RealMatrix v = inverse.multiply(meat).multiply(inverse.transpose());
        return new double[] {beta.getEntry(1, 0), Math.sqrt(v.getEntry(1, 1))};
    }
}
