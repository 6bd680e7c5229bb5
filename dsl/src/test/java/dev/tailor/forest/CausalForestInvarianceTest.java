package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tailor.data.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Invariances of the fitted effects under transformations of the outcome and the treatment.
 *
 * <p>What holds precisely: scaling Y by a power of two c (±2^j) scales every floating-point operation exactly, so
 * τ̂ scales by c and V̂ by c² bit for bit. For other c, and for a shift Y + a, every split criterion is
 * mathematically invariant (the regression criterion changes by a constant across candidate splits; the causal
 * pseudo-outcomes are centered), so the trees are the same unless a split decision is a tie at rounding level;
 * then τ̂ agrees to rounding error. With the seeds below no decision flips and the effects agree to 1e-9. The
 * same holds for permuting the treatment arms of a multi-arm forest (the criterion sums squares over components).
 */
class CausalForestInvarianceTest {

    private static Simulations.Sim sim;
    private static CausalForestFit base;

    private static CausalForest spec() {
        return CausalForest.spec().trees(100).nuisanceTrees(50).seed(17).knownPropensities(0.5, 0.5);
    }

    @BeforeAll
    static void fitBase() {
        sim = Simulations.binary(1_500, 5, 61);
        base = spec().fit(sim.table(), sim.roles());
    }

    private static Table withOutcome(Table table, java.util.function.DoubleUnaryOperator transform) {
        Table copy = table.copy();
        double[] y = copy.doubleColumn("y").asDoubleArray();
        for (int i = 0; i < y.length; i++) {
            y[i] = transform.applyAsDouble(y[i]);
        }
        copy.replaceColumn("y", DoubleColumn.create("y", y));
        return copy;
    }

    @Test
    void scalingTheOutcomeByAPowerOfTwoScalesEffectsAndVariancesExactly() {
        for (double c : new double[] {4.0, -0.5}) {
            CausalForestFit scaled = spec().fit(withOutcome(sim.table(), y -> c * y), sim.roles());
            double[][] tau = base.cate();
            double[][] variance = base.variance();
            double[][] scaledTau = scaled.cate();
            double[][] scaledVariance = scaled.variance();
            for (int i = 0; i < tau.length; i++) {
                assertEquals(c * tau[i][0], scaledTau[i][0], 0.0, "row " + i);
                assertEquals(c * c * variance[i][0], scaledVariance[i][0], 0.0, "row " + i);
            }
        }
    }

    @Test
    void scalingTheOutcomeByAnyConstantScalesEffectsToRoundingError() {
        double c = 3.7;
        CausalForestFit scaled = spec().fit(withOutcome(sim.table(), y -> c * y), sim.roles());
        double[][] tau = base.cate();
        double[][] variance = base.variance();
        double[][] scaledTau = scaled.cate();
        double[][] scaledVariance = scaled.variance();
        for (int i = 0; i < tau.length; i++) {
            assertEquals(c * tau[i][0], scaledTau[i][0], 1e-9, "row " + i);
            assertEquals(c * c * variance[i][0], scaledVariance[i][0], 1e-9 * c * c * variance[i][0], "row " + i);
        }
    }

    @Test
    void shiftingTheOutcomeLeavesEffectsUnchanged() {
        CausalForestFit shifted = spec().fit(withOutcome(sim.table(), y -> y + 10), sim.roles());
        double[][] tau = base.cate();
        double[][] shiftedTau = shifted.cate();
        for (int i = 0; i < tau.length; i++) {
            assertEquals(tau[i][0], shiftedTau[i][0], 1e-9, "row " + i);
        }
        assertEquals(base.averageEffects().estimates()[0], shifted.averageEffects().estimates()[0], 1e-9);
    }

    @Test
    void swappingTreatedAndControlFlipsTheSignOfEveryEffect() {
        Table flipped = sim.table().copy();
        int[] w = new int[flipped.rowCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 - flipped.intColumn("w").getInt(i);
        }
        flipped.replaceColumn("w", IntColumn.create("w", w));
        CausalForestFit fit = spec().fit(flipped, sim.roles());
        double[][] tau = base.cate();
        double[][] flippedTau = fit.cate();
        for (int i = 0; i < tau.length; i++) {
            assertEquals(-tau[i][0], flippedTau[i][0], 0.0, "row " + i);
        }
        assertArrayEquals(base.variance()[7], fit.variance()[7]);
    }

    @Test
    void permutingTreatmentArmsPermutesTheContrasts() {
        Simulations.Sim three = Simulations.threeArms(1_500, 4, 63);
        CausalForest spec = CausalForest.spec().trees(100).nuisanceTrees(50).seed(19)
                .knownPropensities(Simulations.equalPropensities(2));
        CausalForestFit fit = spec.fit(three.table(), three.roles());
        Table swapped = three.table().copy();
        int[] w = swapped.intColumn("w").asIntArray();
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] == 0 ? 0 : 3 - w[i];
        }
        swapped.replaceColumn("w", IntColumn.create("w", w));
        CausalForestFit swappedFit = spec.fit(swapped, three.roles());
        double[][] tau = fit.cate();
        double[][] swappedTau = swappedFit.cate();
        for (int i = 0; i < tau.length; i++) {
            assertEquals(tau[i][0], swappedTau[i][1], 1e-9, "row " + i);
            assertEquals(tau[i][1], swappedTau[i][0], 1e-9, "row " + i);
        }
    }

    @Test
    void namingTheArmsDoesNotChangeEffects() {
        Roles named = sim.roles().arms(dev.tailor.design.Arms.of("treated").withControl("untreated"));
        CausalForestFit fit = spec().fit(sim.table(), named);
        assertArrayEquals(base.cate()[0], fit.cate()[0]);
        assertEquals("treated", fit.averageEffects().effects().get(0).arm().name());
    }
}
