package dev.tailor.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import dev.tailor.estimate.TruthComparison;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RuleExperimentTest {

    private static final Arms ARMS = Arms.of("A", "B", "C").withControl("control");
    // True effect of each arm on every unit: A +1, B +2, C +0.5 (control 0).
    private static final double[] EFFECT = {0, 1, 2, 0.5};

    private static Table units(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] stratum = new int[n];
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            stratum[i] = random.nextDouble() < 0.3 ? 1 : 0;
            row[i] = i;
        }
        return Table.create("units", IntColumn.create("id", row), IntColumn.create("stratum", stratum));
    }

    private static RuleExperiment experiment(int n) {
        int[] mixed = new int[n];
        for (int i = 0; i < n; i++) {
            mixed[i] = 1 + i % 3;
        }
        return RuleExperiment.named("test").rules(Policy.always(ARMS.get("A")), Policy.always(ARMS.get("B")),
                Policy.fromAssignments(mixed, "mixed")).stratifyBy("stratum").seed(99L).build();
    }

    @Test
    void cellsAreBalancedWithinStrataAndTreatedUnitsReceiveTheirRulesArm() {
        int n = 3_001;
        RuleAssignment assignment = experiment(n).randomize(units(n, 1L), ARMS, "arm");
        Table data = assignment.data();
        long[][] counts = new long[2][6];
        long[] strata = new long[2];
        for (int i = 0; i < n; i++) {
            int rule = data.intColumn("rule").getInt(i);
            int treated = data.intColumn("treated").getInt(i);
            int stratum = data.intColumn("stratum").getInt(i);
            counts[stratum][2 * rule + treated]++;
            strata[stratum]++;
            int arm = data.intColumn("arm").getInt(i);
            int expected = treated == 0 ? 0 : rule == 0 ? 1 : rule == 1 ? 2 : 1 + i % 3;
            assertEquals(expected, arm, "row " + i);
        }
        for (int s = 0; s < 2; s++) {
            for (int cell = 0; cell < 6; cell++) {
                assertTrue(Math.abs(counts[s][cell] - strata[s] / 6.0) < 1.0, "stratum " + s + " cell " + cell + ": " + counts[s][cell]);
            }
        }
    }

    @Test
    void ruleEffectsRecoverTheTrueEffectOfEachRuleAndContrastsHaveTheRightSign() {
        int n = 12_000;
        RuleAssignment assignment = experiment(n).randomize(units(n, 2L), ARMS, "arm");
        Table observed = assignment.data();
        SplittableRandom noise = new SplittableRandom(3L);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int stratum = observed.intColumn("stratum").getInt(i);
            y[i] = 5 + 2 * stratum + EFFECT[observed.intColumn("arm").getInt(i)] + 2 * (noise.nextDouble() - 0.5) * Math.sqrt(3);
        }
        observed.addColumns(DoubleColumn.create("y", y));
        RuleEffects effects = assignment.analyze(observed, "y");
        // True rule effects: always A = 1, always B = 2, mixed = mean of (1, 2, 0.5) over rows ≈ 7/6.
        double mixedTruth = (1 + 2 + 0.5) / 3;
        TruthComparison check = effects.against(new double[] {1, 2, mixedTruth});
        assertTrue(check.maxAbsZ() < 4, check.toString());
        RuleEffects.Contrast b = effects.contrast("always B");
        assertEquals(effects.effects().effect("always B").estimate() - effects.effects().effect("always A").estimate(), b.estimate(), 1e-12);
        assertEquals(Math.hypot(effects.effects().effect("always B").stdError(), effects.effects().effect("always A").stdError()),
                b.stdError(), 1e-12);
        assertTrue(b.pValue() < 1e-6, "B is better than A by construction: " + b);
        assertTrue(effects.toString().contains("always B − always A"), effects.toString());
    }

    @Test
    void aRuleOutsideTheCatalogAndAMissingSeedAreReported() {
        int n = 10;
        int[] bad = new int[n];
        bad[3] = 7;
        RuleExperiment experiment = RuleExperiment.named("bad").rules(Policy.fromAssignments(bad, "broken")).seed(1L).build();
        DataException error = assertThrows(DataException.class, () -> experiment.randomize(units(n, 1L), ARMS, "arm"));
        assertTrue(error.getMessage().contains("\"broken\" gives row 3 arm 7, outside 0..3"), error.getMessage());
        IllegalArgumentException noSeed = assertThrows(IllegalArgumentException.class,
                () -> RuleExperiment.named("x").rules(Policy.always(ARMS.get("A"))).build());
        assertTrue(noSeed.getMessage().contains("no seed"), noSeed.getMessage());
    }
}
