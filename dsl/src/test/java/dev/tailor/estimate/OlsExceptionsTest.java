package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every user error in {@link Ols} fails before computing, with a message that names the culprit and the fix. */
class OlsExceptionsTest {

    private static final int N = 60;

    /** 60 rows: y, arm 0..2 in turn, stratum s0/s1 in blocks, two normal covariates. */
    private static Table table() {
        SplittableRandom random = new SplittableRandom(7);
        double[] y = new double[N];
        int[] arm = new int[N];
        int[] stratum = new int[N];
        double[] x1 = new double[N];
        double[] x2 = new double[N];
        for (int i = 0; i < N; i++) {
            arm[i] = i % 3;
            stratum[i] = i < N / 2 ? 0 : 1;
            x1[i] = OlsTables.gaussian(random);
            x2[i] = OlsTables.gaussian(random);
            y[i] = arm[i] + x1[i] + OlsTables.gaussian(random);
        }
        return OlsTables.of(y, arm, OlsTables.labels(stratum), x1, x2);
    }

    private static final Roles ROLES = Roles.outcome("y").treatment("arm").arms(Arms.of("teacher", "peer").withControl("none"))
            .strata("stratum");

    private static String failure(Table table, Roles roles) {
        return assertThrows(DataException.class, () -> Ols.spec().fit(table, roles)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "Expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void missingOutcomeColumnIsNamedWithASuggestionAndTheAvailableColumns() {
        Table table = table();
        table.column("y").setName("login_7d");
        String message = failure(table, ROLES.withOutcome("login_7"));
        assertContains(message, "Column \"login_7\"", "the outcome", "Did you mean \"login_7d\"?", "Available: login_7d, arm, stratum");
    }

    @Test
    void missingOutcomeValuesAreCountedWithTheFirstRow() {
        Table table = table();
        DoubleColumn y = table.doubleColumn("y");
        y.set(4, Double.NaN);
        y.set(9, Double.NaN);
        String message = failure(table, ROLES);
        assertContains(message, "\"y\" (the outcome)", "2 missing values", "in 60 rows", "the first is row 4", "does not impute");
    }

    @Test
    void anArmWithNoUnitsIsNamed() {
        Roles fourArms = ROLES.arms(Arms.of("teacher", "peer", "role").withControl("none"));
        String message = failure(table(), fourArms);
        assertContains(message, "Arm \"role\"", "index 3", "no units", "\"arm\"");
    }

    @Test
    void anArmWithOneUnitIsNamedBecauseItHasNoVariance() {
        Table table = table();
        table.intColumn("arm").set(0, 3);
        String message = failure(table, ROLES.arms(Arms.of("teacher", "peer", "role").withControl("none")));
        assertContains(message, "Arm \"role\"", "has 1 unit", "at least 2 units per arm");
    }

    @Test
    void aCovariateThatDuplicatesAnotherIsNamedWithTheColumnItDuplicates() {
        Table table = table();
        double[] x1 = table.doubleColumn("x1").asDoubleArray();
        double[] copy = new double[N];
        for (int i = 0; i < N; i++) {
            copy[i] = 2 * x1[i] + 5;
        }
        table.addColumns(DoubleColumn.create("x1_rescaled", copy));
        String message = failure(table, ROLES.covariates("x1", "x2", "x1_rescaled"));
        assertContains(message, "Covariate \"x1_rescaled\" is a linear combination of", "covariate \"x1\"", "Roles.covariates");
        assertTrue(!message.contains("covariate \"x2\""), message);
    }

    @Test
    void aCovariateThatIsALinearCombinationOfTwoOthersIsNamed() {
        Table table = table();
        double[] x1 = table.doubleColumn("x1").asDoubleArray();
        double[] x2 = table.doubleColumn("x2").asDoubleArray();
        double[] sum = new double[N];
        for (int i = 0; i < N; i++) {
            sum[i] = x1[i] - 3 * x2[i];
        }
        table.addColumns(DoubleColumn.create("x_sum", sum));
        String message = failure(table, ROLES.covariates("x1", "x2", "x_sum"));
        assertContains(message, "Covariate \"x_sum\"", "covariate \"x1\"", "covariate \"x2\"");
    }

    @Test
    void theStrataColumnAsACovariateIsNamedAsAbsorbedByTheFixedEffects() {
        Table table = table();
        IntColumn login = IntColumn.create("prior_login", new int[N]);
        for (int i = N / 2; i < N; i++) {
            login.set(i, 1);
        }
        table.addColumns(login);
        String message = failure(table, ROLES.strata("prior_login").covariates("x1", "prior_login"));
        assertContains(message, "Covariate \"prior_login\"", "a linear combination of the fixed effect for prior_login=1 (",
                "strata fixed effects already absorb it");
    }

    @Test
    void aConstantCovariateIsNamed() {
        Table table = table();
        double[] ones = new double[N];
        java.util.Arrays.fill(ones, 3.0);
        table.addColumns(DoubleColumn.create("always_three", ones));
        String message = failure(table, ROLES.covariates("x1", "always_three"));
        assertContains(message, "Covariate \"always_three\" is constant", "3.0", "Roles.covariates");
    }

    @Test
    void aTextCovariateIsRejectedInsteadOfReadAsCodes() {
        Table table = table();
        String message = failure(table, ROLES.covariates("stratum"));
        assertContains(message, "\"stratum\" (a covariate)", "STRING", "not a number column");
    }

    @Test
    void aStratumWithOneUnitMakesHc2UndefinedAndIsNamed() {
        Table table = table();
        StringColumn stratum = table.stringColumn("stratum");
        stratum.set(17, "s9");
        String message = failure(table, ROLES);
        assertContains(message, "Row 17", "leverage 1.000000", "only unit of stratum stratum=s9", "HC2");
        // HC1 does not divide by 1 − h, so it fits: intercept, 2 arms, 2 stratum effects (s1, s9).
        assertEquals(5, Ols.spec().standardErrors(RobustSe.HC1).fit(table, ROLES).coefficients().length);
    }

    @Test
    void aTreatmentColumnWithoutTreatedUnitsIsExplained() {
        Table table = table();
        table.replaceColumn("arm", IntColumn.create("arm", new int[N]));
        String message = failure(table, Roles.outcome("y").treatment("arm"));
        assertContains(message, "Treatment column \"arm\"", "no treated units", "1..K");
    }

    @Test
    void aTreatmentColumnHoldingIdsInsteadOfArmsIsExplained() {
        Table table = table();
        table.intColumn("arm").set(2, 1_000_000_000);
        String message = failure(table, Roles.outcome("y").treatment("arm"));
        assertContains(message, "largest value 1.0E9 but only 60 rows", "Roles.arms");
    }

    @Test
    void aTreatmentValueOutsideTheArmsIsReported() {
        Table table = table();
        table.intColumn("arm").set(5, 7);
        String message = failure(table, ROLES);
        assertContains(message, "value 7.0 in row 5", "0..2");
    }

    @Test
    void fewerRowsThanCoefficientsIsReported() {
        // 6 rows, 2 per arm; intercept + 2 arms + 1 stratum effect + 2 covariates = 6 coefficients.
        Table table = table().first(6);
        table.stringColumn("stratum").set(4, "s1");
        table.stringColumn("stratum").set(5, "s1");
        String message = failure(table, ROLES.covariates("x1", "x2"));
        assertContains(message, "has 6 rows but the model has 6 coefficients", "more rows than coefficients");
    }

    @Test
    void theSpecRejectsANullEstimator() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> Ols.spec().standardErrors(null));
        assertContains(error.getMessage(), "HC0, HC1, HC2, HC3");
    }
}
