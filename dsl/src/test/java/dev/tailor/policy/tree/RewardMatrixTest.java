package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class RewardMatrixTest {

    @Test
    void ipwColumnMeansEqualTheArmMeansOfTheOutcome() {
        SplittableRandom rng = new SplittableRandom(61L);
        int n = 500;
        double[] w = new double[n];
        double[] h = new double[n];
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = rng.nextInt(5) < 2 ? 0 : rng.nextInt(3) < 2 ? 1 : 2;
            w[i] = -3600 + 2700 * rng.nextGaussian();
            h[i] = -3600 + 100 * rng.nextGaussian();
        }
        RewardMatrix raw = RewardMatrix.ipw(w, arm, "U", "T", "S");
        RewardMatrix centered = RewardMatrix.ipw(w, arm, h, "U", "T", "S");
        for (int a = 0; a < 3; a++) {
            double armSum = 0;
            double armCentered = 0;
            int count = 0;
            double columnRaw = 0;
            double columnCentered = 0;
            for (int i = 0; i < n; i++) {
                columnRaw += raw.get(i, a);
                columnCentered += centered.get(i, a);
                if (arm[i] == a) {
                    armSum += w[i];
                    armCentered += w[i] - h[i];
                    count++;
                }
            }
            assertEquals(armSum / count, columnRaw / n, 1e-9);
            assertEquals(armCentered / count, columnCentered / n, 1e-9);
        }
        for (int i = 0; i < n; i++) {
            int nonzero = 0;
            for (int a = 0; a < 3; a++) {
                nonzero += raw.get(i, a) != 0 ? 1 : 0;
            }
            assertEquals(1, nonzero, "row " + i);
        }
    }

    @Test
    void ipwRejectsAnArmWithoutUnitsAndAnArmOutsideTheNames() {
        DataException empty = assertThrows(DataException.class,
                () -> RewardMatrix.ipw(new double[] {1, 2}, new int[] {0, 0}, "U", "T"));
        assertTrue(empty.getMessage().contains("\"T\" has no units"), empty.getMessage());
        DataException outside = assertThrows(DataException.class,
                () -> RewardMatrix.ipw(new double[] {1, 2}, new int[] {0, 2}, "U", "T"));
        assertTrue(outside.getMessage().contains("Arm index 2 in row 1"), outside.getMessage());
    }

    @Test
    void choosingActionsKeepsTheirColumnsInTheOrderGiven() {
        RewardMatrix rewards = RewardMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}, "U", "T", "S");
        RewardMatrix ut = rewards.keepActions("T", "U");
        assertEquals(List.of("T", "U"), ut.actions());
        assertArrayEquals(new double[] {5, 4}, ut.toArray()[1]);
        assertThrows(DataException.class, () -> rewards.keepActions("X"));
    }

    @Test
    void aTableOfRewardsReadsTheNamedColumnsInOrder() {
        Table scores = Table.create("scores", DoubleColumn.create("U", 1.0, 2.0), DoubleColumn.create("T", 3.0, 4.0));
        RewardMatrix rewards = RewardMatrix.from(scores, "T", "U");
        assertEquals(List.of("T", "U"), rewards.actions());
        assertEquals(4.0, rewards.get(1, 0), 0.0);
        assertEquals(List.of("U", "T"), RewardMatrix.from(scores).actions());
        assertEquals(5.0, rewards.total(new int[] {0, 1}), 0.0);
    }

    @Test
    void fittingOnATableEqualsFittingOnArraysAndLeafNumbersMatchTheTable() {
        SplittableRandom rng = new SplittableRandom(67L);
        PolicyTreeTest.Problem problem = PolicyTreeTest.random(rng, 60, 2, 3, false);
        double[] x0 = new double[60];
        double[] x1 = new double[60];
        for (int i = 0; i < 60; i++) {
            x0[i] = problem.x()[i][0];
            x1[i] = problem.x()[i][1];
        }
        Table table = Table.create("x", DoubleColumn.create("x0", x0), DoubleColumn.create("x1", x1));
        PolicyTreeFit fromTable = PolicyTree.spec().depth(2).fit(table, problem.rewards());
        PolicyTreeFit fromArrays = PolicyTree.spec().depth(2).fit(problem.x(), problem.names(), problem.rewards());
        assertEquals(fromArrays.rules(), fromTable.rules());
        assertArrayEquals(fromArrays.predict(problem.x()), fromTable.predict(table));
        int[] leaf = fromTable.leaf(problem.x());
        Table leaves = fromTable.table();
        for (int l = 0; l < leaves.rowCount(); l++) {
            int number = l + 1;
            long count = java.util.Arrays.stream(leaf).filter(v -> v == number).count();
            assertEquals(leaves.intColumn("n").get(l), (int) count);
        }
        DataException missing = assertThrows(DataException.class,
                () -> fromTable.predict(Table.create("y", DoubleColumn.create("x0", x0))));
        assertTrue(missing.getMessage().contains("\"x1\""), missing.getMessage());
    }
}
