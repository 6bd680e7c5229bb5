package dev.tailor.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Error messages and diagnostics of {@link KnnMatching}: the value, what was expected, what to do. */
class KnnExceptionsTest {

    @Test
    void kLargerThanTheSmallestArmNamesTheArmAndItsSize() {
        KnnData data = KnnData.tied(90, 2, 3, 1);
        data.w[5] = 0; // arm 2 now has 29 units
        DataException error = assertThrows(DataException.class, () -> KnnMatching.spec().k(30)
                .fit(data.table(), data.roles().arms(Arms.of("T", "R").withControl("control"))));
        assertTrue(error.getMessage().startsWith("k = 30 is larger than arm \"R\" (index 2), which has 29 units"), error.getMessage());
        assertTrue(error.getMessage().contains("k(29)"), error.getMessage());
    }

    @Test
    void missingCovariateValueIsReportedWithColumnRowAndFix() {
        KnnData data = KnnData.tied(60, 2, 2, 2);
        Table table = data.table();
        ((DoubleColumn) table.column("x2")).set(7, Double.NaN);
        DataException error = assertThrows(DataException.class, () -> KnnMatching.spec().k(5).fit(table, data.roles()));
        assertTrue(error.getMessage().startsWith("Column \"x2\" (a covariate) has 1 missing values (NaN) in 60 rows; the first is row 7."),
                error.getMessage());
    }

    @Test
    void constantCovariateIsDroppedWithADiagnosticAndDoesNotChangeTheEstimates() {
        KnnData data = KnnData.continuous(200, 2, 2, 3);
        Table table = data.table();
        double[] flat = new double[200];
        java.util.Arrays.fill(flat, 4.0);
        table.addColumns(DoubleColumn.create("flat", flat));
        KnnMatchingFit with = KnnMatching.spec().k(10).fit(table, data.roles().covariates("x1", "flat", "x2"));
        KnnMatchingFit without = KnnMatching.spec().k(10).fit(table, data.roles());
        assertEquals(java.util.List.of("flat"), with.droppedCovariates());
        assertEquals(java.util.List.of("x1", "x2"), with.covariates());
        assertTrue(with.notes().get(0).startsWith("Dropped constant covariate flat: no variation in 200 rows"), with.notes().toString());
        assertTrue(with.toString().contains("dropped as constant: flat"), with.toString());
        double[][] a = with.cate();
        double[][] b = without.cate();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i][0], b[i][0], 0.0);
        }
    }

    @Test
    void noCovariatesAndInvalidKAreRejectedWithTheFix() {
        KnnData data = KnnData.tied(40, 2, 2, 4);
        DataException none = assertThrows(DataException.class,
                () -> KnnMatching.spec().k(3).fit(data.table(), data.roles().covariates(java.util.List.of())));
        assertTrue(none.getMessage().contains("Roles.covariates() is empty"), none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> KnnMatching.spec().k(0));
        assertEquals("k must be >= 1, got 0. The registry default is 50.", zero.getMessage());
    }

    @Test
    void predictingOnATableWithoutACovariateNamesItAndListsTheColumns() {
        KnnData data = KnnData.tied(40, 2, 2, 5);
        KnnMatchingFit fit = KnnMatching.spec().k(3).fit(data.table(), data.roles());
        Table other = Table.create("phase2", DoubleColumn.create("x1", new double[] {1}), DoubleColumn.create("x_2", new double[] {1}));
        DataException error = assertThrows(DataException.class, () -> fit.predict(other));
        assertTrue(error.getMessage().startsWith("Column \"x2\" (a covariate) not found in table \"phase2\"")
                && error.getMessage().contains("Available: x1, x_2."), error.getMessage());
    }
}
