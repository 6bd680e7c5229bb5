package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Bad input fails before any computation, with a message that names the column and the fix. */
class CausalForestExceptionsTest {

    private static final CausalForest SPEC = CausalForest.spec().trees(10).nuisanceTrees(10).seed(1);

    private static Simulations.Sim sim() {
        return Simulations.binary(200, 3, 81);
    }

    @Test
    void missingCovariateValueNamesTheColumn() {
        Simulations.Sim sim = sim();
        Table table = sim.table().copy();
        double[] x2 = table.doubleColumn("x2").asDoubleArray();
        x2[17] = Double.NaN;
        table.replaceColumn("x2", DoubleColumn.create("x2", x2));
        DataException error = assertThrows(DataException.class, () -> SPEC.fit(table, sim.roles()));
        assertTrue(error.getMessage().contains("\"x2\"") && error.getMessage().contains("covariate")
                && error.getMessage().contains("row 17"), error.getMessage());
    }

    @Test
    void missingOutcomeValueNamesTheColumn() {
        Simulations.Sim sim = sim();
        Table table = sim.table().copy();
        double[] y = table.doubleColumn("y").asDoubleArray();
        y[3] = Double.NaN;
        table.replaceColumn("y", DoubleColumn.create("y", y));
        DataException error = assertThrows(DataException.class, () -> SPEC.fit(table, sim.roles()));
        assertTrue(error.getMessage().contains("\"y\"") && error.getMessage().contains("outcome"), error.getMessage());
    }

    @Test
    void treatmentOutsideTheArmsIsRejected() {
        Simulations.Sim sim = sim();
        Table table = sim.table().copy();
        int[] w = table.intColumn("w").asIntArray();
        w[5] = 2;
        table.replaceColumn("w", IntColumn.create("w", w));
        DataException error = assertThrows(DataException.class,
                () -> SPEC.fit(table, sim.roles().arms(Arms.of("treated").withControl("control"))));
        assertTrue(error.getMessage().contains("\"w\"") && error.getMessage().contains("value 2.0")
                && error.getMessage().contains("0..1"), error.getMessage());
    }

    @Test
    void negativeOrFractionalTreatmentIsRejected() {
        Simulations.Sim sim = sim();
        Table table = sim.table().copy();
        double[] w = new double[table.rowCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = table.intColumn("w").getInt(i);
        }
        w[9] = -1;
        table.replaceColumn("w", DoubleColumn.create("w", w));
        DataException error = assertThrows(DataException.class, () -> SPEC.fit(table, sim.roles()));
        assertTrue(error.getMessage().contains("\"w\"") && error.getMessage().contains("-1.0"), error.getMessage());
    }

    @Test
    void constantTreatmentIsRejectedWithAClearMessage() {
        Simulations.Sim sim = sim();
        Table table = sim.table().copy();
        table.replaceColumn("w", IntColumn.create("w", new int[table.rowCount()]));
        DataException error = assertThrows(DataException.class, () -> SPEC.fit(table, sim.roles()));
        assertTrue(error.getMessage().contains("\"w\"") && error.getMessage().contains("all 200 rows")
                && error.getMessage().contains("treated and control"), error.getMessage());
        DataException named = assertThrows(DataException.class,
                () -> SPEC.fit(table, sim.roles().arms(Arms.of("treated").withControl("control"))));
        assertTrue(named.getMessage().contains("\"treated\"") && named.getMessage().contains("no units"), named.getMessage());
    }

    @Test
    void propensitiesMustMatchTheArms() {
        Simulations.Sim sim = sim();
        DataException error = assertThrows(DataException.class,
                () -> SPEC.knownPropensities(0.2, 0.3, 0.5).fit(sim.table(), sim.roles()));
        assertTrue(error.getMessage().contains("3 values") && error.getMessage().contains("2 arms"), error.getMessage());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> SPEC.knownPropensities(0.5, 0.6));
        assertTrue(sum.getMessage().contains("sum to 1"), sum.getMessage());
    }

    @Test
    void specValuesOutsideTheirRangeSayTheRange() {
        IllegalArgumentException nodes = assertThrows(IllegalArgumentException.class, () -> SPEC.minNodeSize(0));
        assertTrue(nodes.getMessage().equals("minNodeSize must be ≥ 1, got 0."), nodes.getMessage());
        IllegalArgumentException honesty = assertThrows(IllegalArgumentException.class, () -> SPEC.honesty(1.0));
        assertTrue(honesty.getMessage().contains("(0, 1)") && honesty.getMessage().contains("1.0"), honesty.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> SPEC.trees(11).fit(sim().table(), sim().roles()));
        assertTrue(odd.getMessage().contains("multiple of ciGroupSize"), odd.getMessage());
    }

    @Test
    void missingCovariateColumnSuggestsTheNearestName() {
        Simulations.Sim sim = sim();
        DataException error = assertThrows(DataException.class,
                () -> SPEC.fit(sim.table(), sim.roles().covariates("x1", "xx2")));
        assertTrue(error.getMessage().contains("\"xx2\"") && error.getMessage().contains("Did you mean"), error.getMessage());
    }
}
