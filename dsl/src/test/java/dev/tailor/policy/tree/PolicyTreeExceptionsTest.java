package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class PolicyTreeExceptionsTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "message lacks \"" + part + "\": " + message);
        }
    }

    @Test
    void aNaNRewardNamesItsRowAndColumn() {
        double[][] gamma = {{1, 2, 3}, {4, 5, 6}, {7, Double.NaN, 9}};
        DataException e = assertThrows(DataException.class, () -> RewardMatrix.of(gamma, "U", "T", "S"));
        assertContains(e.getMessage(), "row 2", "\"T\"", "NaN", "finite");
    }

    @Test
    void anInfiniteRewardIsRejectedToo() {
        double[][] gamma = {{1, Double.POSITIVE_INFINITY}};
        DataException e = assertThrows(DataException.class, () -> RewardMatrix.of(gamma));
        assertContains(e.getMessage(), "row 0", "\"1\"", "Infinity");
    }

    @Test
    void aMissingRewardInATableNamesTheColumn() {
        Table table = Table.create("scores", DoubleColumn.create("U", 1.0, 2.0), DoubleColumn.create("T", 1.0, Double.NaN));
        DataException e = assertThrows(DataException.class, () -> RewardMatrix.from(table, "U", "T"));
        assertContains(e.getMessage(), "\"T\"", "row 1");
    }

    @Test
    void raggedRewardRowsAreRejectedWithTheRowNamed() {
        DataException e = assertThrows(DataException.class, () -> RewardMatrix.of(new double[][] {{1, 2}, {3}}));
        assertContains(e.getMessage(), "Row 1", "1 values", "expected 2");
    }

    @Test
    void depthOutsideOneToThreeIsRejectedForExactSearch() {
        IllegalArgumentException four = assertThrows(IllegalArgumentException.class, () -> PolicyTree.spec().depth(4));
        assertContains(four.getMessage(), "1..3", "got 4", "GraftedTree");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> PolicyTree.spec().depth(0));
        assertContains(zero.getMessage(), "got 0");
        assertThrows(IllegalArgumentException.class, () -> PolicyTree.spec().splitStep(0));
        assertThrows(IllegalArgumentException.class, () -> PolicyTree.spec().minNodeSize(0));
        assertThrows(IllegalArgumentException.class, () -> GraftedTree.spec().subtreeDepth(4));
        assertThrows(IllegalArgumentException.class, () -> HybridTree.spec().searchDepth(0));
    }

    @Test
    void aFeatureMissingFromTheTableGetsTheColumnsMessage() {
        Table x = Table.create("users", DoubleColumn.create("math_z", 0.1, 0.2), DoubleColumn.create("grade", 1.0, 2.0));
        RewardMatrix rewards = RewardMatrix.of(new double[][] {{1, 0}, {0, 1}});
        DataException e = assertThrows(DataException.class,
                () -> PolicyTree.spec().features("math_zz").fit(x, rewards));
        assertContains(e.getMessage(), "\"math_zz\"", "not found", "Did you mean \"math_z\"", "Available: math_z, grade");
    }

    @Test
    void aFeatureMissingFromTheNamesIsNamed() {
        DataException e = assertThrows(DataException.class, () -> PolicyTree.spec().features("c")
                .fit(new double[][] {{1, 2}}, new String[] {"a", "b"}, RewardMatrix.of(new double[][] {{1, 0}})));
        assertContains(e.getMessage(), "\"c\"", "Available: a, b");
    }

    @Test
    void covariatesAndRewardsMustHaveTheSameRows() {
        Table x = Table.create("users", DoubleColumn.create("a", 0.1, 0.2, 0.3));
        RewardMatrix rewards = RewardMatrix.of(new double[][] {{1, 0}, {0, 1}});
        DataException e = assertThrows(DataException.class, () -> PolicyTree.spec().fit(x, rewards));
        assertContains(e.getMessage(), "3 rows", "has 2");
    }
}
