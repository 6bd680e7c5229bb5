package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The estimator contract: immutable spec, same seed gives the same fit, fit leaves its input alone. */
class CausalForestContractTest {

    @Test
    void settersReturnNewSpecsAndLeaveTheOriginalUnchanged() {
        CausalForest base = CausalForest.spec();
        CausalForest changed = base.trees(100).seed(9).minNodeSize(3).honesty(0.6).knownPropensities(0.5, 0.5);
        assertNotSame(base, changed);
        assertEquals(2000, base.trees());
        assertEquals(1, base.seed());
        assertEquals(100, changed.trees());
        assertEquals(9, changed.seed());
        assertEquals(3, changed.minNodeSize());
        assertEquals(0.6, changed.honestyFraction());
        assertEquals(null, base.knownPropensities());
        double[] propensities = changed.knownPropensities();
        propensities[0] = 0.9;
        assertEquals(0.5, changed.knownPropensities()[0], "the spec keeps its own copy");
    }

    @Test
    void fittingTwiceWithTheSameSeedGivesTheSameFitAndLeavesTheTableUnchanged() {
        Simulations.Sim sim = Simulations.binary(800, 3, 101);
        Table before = sim.table().copy();
        CausalForest spec = CausalForest.spec().trees(40).nuisanceTrees(50).seed(4);
        CausalForestFit first = spec.fit(sim.table(), sim.roles());
        CausalForestFit second = spec.fit(sim.table(), sim.roles());
        for (int i = 0; i < 800; i++) {
            assertArrayEquals(first.cate()[i], second.cate()[i]);
        }
        for (String column : before.columnNames()) {
            for (int i = 0; i < before.rowCount(); i++) {
                assertEquals(before.column(column).getString(i), sim.table().column(column).getString(i));
            }
        }
        assertEquals(spec, first.spec());
    }

    @Test
    void differentSeedsGiveDifferentForests() {
        Simulations.Sim sim = Simulations.binary(800, 3, 102);
        CausalForestFit a = CausalForest.spec().trees(40).nuisanceTrees(50).seed(1).fit(sim.table(), sim.roles());
        CausalForestFit b = CausalForest.spec().trees(40).nuisanceTrees(50).seed(2).fit(sim.table(), sim.roles());
        assertTrue(a.cate()[0][0] != b.cate()[0][0]);
    }

    @Test
    void aForestWithoutOutOfBagRowsSaysSoInsteadOfReturningNaN() {
        Simulations.Sim sim = Simulations.binary(200, 3, 104);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CausalForest.spec().trees(10).ciGroupSize(1).sampleFraction(1.0).fit(sim.table(), sim.roles()));
        assertTrue(error.getMessage().contains("out-of-bag") && error.getMessage().contains("sampleFraction"),
                error.getMessage());
    }

    @Test
    void littleBagsNeedAtMostHalfSamples() {
        Simulations.Sim sim = Simulations.binary(200, 3, 103);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CausalForest.spec().trees(10).sampleFraction(0.7).fit(sim.table(), sim.roles()));
        assertTrue(error.getMessage().contains("sampleFraction") && error.getMessage().contains("0.7"), error.getMessage());
    }
}
