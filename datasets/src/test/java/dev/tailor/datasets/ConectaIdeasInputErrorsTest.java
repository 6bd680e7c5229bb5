package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Every user error fails before any computation, with a message that names the value, where, and what to do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConectaIdeasInputErrorsTest {

    private final Population people = ConectaIdeas.schoolYear().population(50, 1L);

    @Test
    void anArmValueOutsideTheCatalogNamesTheRowAndTheAllowedRange() {
        int[] arms = new int[50];
        arms[5] = 17;
        Table assigned = people.covariates().addColumns(IntColumn.create("arm", arms));
        DataException error = assertThrows(DataException.class, () -> people.observe(assigned, "arm", Phase.ONE, 1L));
        assertContains(error, "\"arm\"", "value 17", "row 5", "0..16", "control", "TT..FF");
    }

    @Test
    void aFractionalArmValueIsRejected() {
        double[] arms = new double[50];
        arms[3] = 2.5;
        Table assigned = people.covariates().addColumns(DoubleColumn.create("arm", arms));
        DataException error = assertThrows(DataException.class, () -> people.observe(assigned, "arm", Phase.ONE, 1L));
        assertContains(error, "2.500", "row 3");
    }

    @Test
    void aMissingArmColumnIsNamedWithTheColumnsThatExist() {
        Table assigned = people.covariates().addColumns(IntColumn.create("arm", new int[50]));
        DataException error = assertThrows(DataException.class, () -> people.observe(assigned, "amr", Phase.ONE, 1L));
        assertContains(error, "\"amr\"", "Did you mean \"arm\"?", "prior_login");
    }

    @Test
    void aTableWithoutIdsIsRejectedByName() {
        Table assigned = people.covariates().addColumns(IntColumn.create("arm", new int[50])).removeColumns("id");
        DataException error = assertThrows(DataException.class, () -> people.observe(assigned, "arm", Phase.ONE, 1L));
        assertContains(error, "\"id\"");
    }

    @Test
    void anIdFromALargerPopulationIsRejected() {
        Table other = ConectaIdeas.schoolYear().population(100, 1L).covariates().addColumns(IntColumn.create("arm", new int[100]));
        DataException error = assertThrows(DataException.class, () -> people.observe(other, "arm", Phase.ONE, 1L));
        assertContains(error, "value 50", "row 50", "0..49");
    }

    @Test
    void observingATableTwiceIsRejected() {
        Table observed = people.observe(people.covariates().addColumns(IntColumn.create("arm", new int[50])), "arm",
                Phase.ONE, 1L);
        DataException error = assertThrows(DataException.class, () -> people.observe(observed, "arm", Phase.TWO, 2L));
        assertContains(error, "\"login\"", "already");
    }

    @Test
    void armsOfTheWrongLengthAreRejectedWithBothCounts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> people.outcomes(new int[49], Phase.ONE, 1L));
        assertContains(error, "50", "49");
    }

    @Test
    void aNegativeArmInAnArrayNamesItsPosition() {
        int[] arms = new int[50];
        arms[7] = -1;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> people.outcomes(arms, Phase.ONE, 1L));
        assertContains(error, "value -1", "row 7", "0..16");
    }

    @Test
    void aPolicyWithAnUnknownArmIsRejected() {
        int[] policy = new int[50];
        policy[2] = 17;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> people.oracle(Phase.ONE).value(policy));
        assertContains(error, "arm 17", "student 2", "0..16");
    }

    @Test
    void badSpecValuesAreRejectedWithTheValue() {
        assertContains(assertThrows(IllegalArgumentException.class, () -> ConectaIdeas.schoolYear().population(1, 1L)),
                "n = 1");
        assertContains(assertThrows(IllegalArgumentException.class,
                () -> ConectaIdeas.summer().heterogeneityScale(Double.NaN)), "heterogeneityScale", "NaN");
        assertContains(assertThrows(IllegalArgumentException.class,
                () -> ConectaIdeas.summer().effectScale(Double.POSITIVE_INFINITY)), "effectScale", "Infinity");
    }

    private static void assertContains(Exception error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), "message lacks \"" + part + "\": " + error.getMessage());
        }
    }
}
