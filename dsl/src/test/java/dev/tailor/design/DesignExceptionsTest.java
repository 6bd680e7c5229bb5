package dev.tailor.design;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DesignExceptionsTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void anUnknownStratumColumnIsNamedAndTheNearestNameSuggested() {
        Design design = Design.named("d").arms(Units.seventeenArms()).stratifyBy("prior_logn").seed(1L).build();
        DataException e = assertThrows(DataException.class, () -> design.randomize(Units.students(100, 50, 1L)));
        assertContains(e.getMessage(), "\"prior_logn\"", "Did you mean \"prior_login\"?", "Available: id, prior_login");
    }

    @Test
    void sharesThatDoNotSumToOneShowTheSumAndTheShares() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Allocation.shares(0.2, 0.2, 0.2, 0.2, 0.1));
        assertContains(e.getMessage(), "sum to 0.9000000000", "not 1", "[0.2, 0.2, 0.2, 0.2, 0.1]",
                "Allocation.controlShare");
    }

    @Test
    void sharesThatMissOneBy1e9AreAcceptedAndByMoreAreNot() {
        Allocation.shares(0.5, 0.5 + 5e-10);
        assertThrows(IllegalArgumentException.class, () -> Allocation.shares(0.5, 0.5 + 5e-9));
    }

    @Test
    void aNonPositiveShareIsRejectedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Allocation.shares(0.5, 0.5, 0));
        assertContains(e.getMessage(), "Share 2", "0.0", "positive");
    }

    @Test
    void theWrongNumberOfSharesIsRejectedWithTheArms() {
        Design.Builder builder = Design.named("d").arms(Arms.of("T", "P").withControl("control"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.allocation(Allocation.shares(0.5, 0.25, 0.125, 0.125)));
        assertContains(e.getMessage(), "4 shares", "3 arms", "control, T, P", "one share per arm");
    }

    @Test
    void aControlShareOutsideZeroOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Allocation.controlShare(20));
        assertContains(e.getMessage(), "(0, 1)", "got 20.0", "0.20");
    }

    @Test
    void anEmptyTableIsRejected() {
        Table empty = Table.create("nobody", IntColumn.create("prior_login"));
        DataException e = assertThrows(DataException.class, () -> Units.phaseOne(1L).randomize(empty));
        assertContains(e.getMessage(), "\"nobody\"", "no rows", "at least one unit");
    }

    @Test
    void aMissingStratumValueIsRejectedWithItsRow() {
        Table units = Table.create("units", DoubleColumn.create("prior_login", new double[] {1, 0, Double.NaN, 1}));
        DataException e = assertThrows(DataException.class, () -> Units.phaseOne(1L).randomize(units));
        assertContains(e.getMessage(), "\"prior_login\"", "stratum", "1 missing", "row 2");
    }

    @Test
    void anEmptyTextStratumValueIsAMissingValue() {
        Table units = Table.create("units", StringColumn.create("prior_login", "yes", "", "no"));
        DataException e = assertThrows(DataException.class, () -> Units.phaseOne(1L).randomize(units));
        assertContains(e.getMessage(), "\"prior_login\"", "row 1");
    }

    @Test
    void anExistingTreatmentColumnIsNotOverwritten() {
        Table units = Units.students(10, 5, 1L);
        units.addColumns(IntColumn.create("arm", new int[10]));
        DataException e = assertThrows(DataException.class, () -> Units.phaseOne(1L).randomize(units));
        assertContains(e.getMessage(), "already has a column \"arm\"", ".treatmentColumn(");
    }

    @Test
    void aDesignWithoutASeedDoesNotBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Design.named("d").arms(Units.seventeenArms()).build());
        assertContains(e.getMessage(), "no seed", ".seed(");
    }

    @Test
    void aBalanceCovariateThatIsNotAColumnIsNamed() {
        Assignment assignment = Units.phaseOne(1L).randomize(Units.students(200, 100, 1L));
        DataException e = assertThrows(DataException.class, () -> assignment.balance("math_z", "femal"));
        assertContains(e.getMessage(), "\"femal\"", "balance covariate", "Did you mean \"female\"?");
    }

    @Test
    void aTextBalanceCovariateIsRejected() {
        Table units = Units.students(200, 100, 1L);
        units.addColumns(StringColumn.create("region", java.util.Collections.nCopies(200, "coast")));
        Assignment assignment = Units.phaseOne(1L).randomize(units);
        DataException e = assertThrows(DataException.class, () -> assignment.balance("region"));
        assertContains(e.getMessage(), "\"region\"", "STRING", "not a number column");
    }
}
