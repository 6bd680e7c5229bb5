package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConectaIdeasOutcomesTest {

    private static final int N = 100_000;

    private final Population people = ConectaIdeas.schoolYear().population(N, 5L);

    @Test
    void controlLoginRateOfRealizedPhaseOneOutcomesIs42PercentWithinHalfAPoint() {
        // Realized mean of 100,000 Bernoulli draws around 0.42: SE ≈ 0.16 pp, so 0.5 pp is about 3 SE.
        Outcomes outcomes = people.outcomes(new int[N], Phase.ONE, 11L);
        assertEquals(0.42, outcomes.loginRate(), 0.005);
    }

    @Test
    void controlLoginRateOfRealizedPhaseTwoOutcomesIs36PercentWithinHalfAPoint() {
        Outcomes outcomes = people.outcomes(new int[N], Phase.TWO, 11L);
        assertEquals(0.36, outcomes.loginRate(), 0.005);
    }

    @Test
    void realizedLoginUnderAnArmAveragesToItsTrueProbability() {
        int tr = people.arms().get("TR").index();
        int[] arms = new int[N];
        Arrays.fill(arms, tr);
        double truth = people.oracle(Phase.ONE).table().doubleColumn("login_rate").getDouble(tr);
        assertEquals(truth, people.outcomes(arms, Phase.ONE, 12L).loginRate(), 0.005);
    }

    @Test
    void realizedMinutesAndExercisesAverageToTheOracleMeans() {
        int rt = people.arms().get("RT").index();
        int[] arms = new int[N];
        Arrays.fill(arms, rt);
        Outcomes outcomes = people.outcomes(arms, Phase.ONE, 13L);
        Oracle oracle = people.oracle(Phase.ONE);
        double[] expectedMinutes = new double[N];
        double[] expectedExercises = new double[N];
        for (int i = 0; i < N; i++) {
            expectedMinutes[i] = oracle.expectedMinutes(i, rt);
            expectedExercises[i] = oracle.expectedExercises(i, rt);
        }
        // Four standard errors of the realized mean: loose enough never to flake, tight enough to catch a
        // missing exp(σ²/2) = exp(0.405) factor (a 50% error) or a dropped "1 +" in exercises (about 3%).
        assertWithinFourStandardErrors(Arrays.stream(expectedMinutes).average().orElseThrow(), outcomes.minutes());
        assertWithinFourStandardErrors(Arrays.stream(expectedExercises).average().orElseThrow(),
                Arrays.stream(outcomes.exercises()).asDoubleStream().toArray());
    }

    @Test
    void minutesAndExercisesArePositiveExactlyWhenTheStudentLoggedIn() {
        Outcomes outcomes = people.outcomes(new int[N], Phase.ONE, 14L);
        int[] login = outcomes.login();
        double[] minutes = outcomes.minutes();
        int[] exercises = outcomes.exercises();
        for (int i = 0; i < N; i++) {
            assertEquals(login[i] == 1, minutes[i] > 0, "minutes of student " + i);
            assertEquals(login[i] == 1, exercises[i] >= 1, "exercises of student " + i);
            if (login[i] == 0) {
                assertEquals(0, exercises[i]);
            }
        }
    }

    @Test
    void theSameSeedGivesIdenticalTables() {
        Population again = ConectaIdeas.schoolYear().population(N, 5L);
        assertTablesEqual(people.covariates(), again.covariates());
        Table a = people.observe(withArms(people.covariates(), 7), "arm", Phase.ONE, 21L);
        Table b = again.observe(withArms(again.covariates(), 7), "arm", Phase.ONE, 21L);
        assertTablesEqual(a, b);
    }

    @Test
    void differentSeedsGiveDifferentData() {
        Population other = ConectaIdeas.schoolYear().population(N, 6L);
        assertFalse(Arrays.equals(people.covariates().doubleColumn("math_z").asDoubleArray(),
                other.covariates().doubleColumn("math_z").asDoubleArray()));
        assertFalse(Arrays.equals(people.covariates().intColumn("school").asIntArray(),
                other.covariates().intColumn("school").asIntArray()));
        Outcomes first = people.outcomes(new int[N], Phase.ONE, 21L);
        Outcomes second = people.outcomes(new int[N], Phase.ONE, 22L);
        assertFalse(Arrays.equals(first.login(), second.login()));
    }

    @Test
    void theSameOutcomeSeedGivesIndependentDrawsInTheTwoPhases() {
        // Phase 1 and 2 use different streams of the seed, so their logins agree only as often as chance allows.
        int[] one = people.outcomes(new int[N], Phase.ONE, 21L).login();
        int[] two = people.outcomes(new int[N], Phase.TWO, 21L).login();
        double bothPositive = 0;
        for (int i = 0; i < N; i++) {
            bothPositive += one[i] * two[i];
        }
        // With shared uniforms nearly every Phase-2 login would also be a Phase-1 login (≈ 0.36); independent
        // draws given x give ≈ 0.2 (E[p1·p2] with the covariate spread).
        assertTrue(bothPositive / N < 0.30, "share logging in both phases " + bothPositive / N);
    }

    @Test
    void aStudentsOutcomesDoNotDependOnWhichRowsAreObserved() {
        Table assigned = withArms(people.covariates(), 3);
        Table full = people.observe(assigned, "arm", Phase.ONE, 31L);
        // Every tenth row, in reverse order.
        int[] rows = new int[N / 10];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = N - 1 - 10 * r;
        }
        Table subset = people.observe(assigned.rows(rows), "arm", Phase.ONE, 31L);
        for (int r = 0; r < rows.length; r++) {
            int id = subset.intColumn("id").getInt(r);
            assertEquals(full.intColumn("login").getInt(id), subset.intColumn("login").getInt(r));
            assertEquals(full.doubleColumn("minutes").getDouble(id), subset.doubleColumn("minutes").getDouble(r));
            assertEquals(full.intColumn("exercises").getInt(id), subset.intColumn("exercises").getInt(r));
        }
    }

    @Test
    void observeAddsOutcomeColumnsAndLeavesItsInputUntouched() {
        Table assigned = withArms(people.covariates(), 2);
        int columns = assigned.columnCount();
        Table observed = people.observe(assigned, "arm", Phase.ONE, 41L);
        assertEquals(columns, assigned.columnCount());
        assertEquals(columns + 3, observed.columnCount());
        assertTrue(observed.column("login") instanceof IntColumn);
        assertTrue(observed.column("exercises") instanceof IntColumn);
        assertEquals("DOUBLE", observed.column("minutes").type().name());
        assertArrayEquals(people.outcomes(armsOf(assigned), Phase.ONE, 41L).login(),
                observed.intColumn("login").asIntArray());
    }

    @Test
    void bothContextsShareOnePopulationForASeed() {
        Table schoolYear = people.covariates();
        Table summer = ConectaIdeas.summer().population(N, 5L).covariates();
        assertEquals("conecta-ideas summer", summer.name());
        for (String name : Population.COVARIATES) {
            if (!name.equals("prior_login")) {
                assertEquals(schoolYear.column(name).asList(), summer.column(name).asList(), name);
            }
        }
    }

    private static void assertWithinFourStandardErrors(double expected, double[] realized) {
        double mean = Arrays.stream(realized).average().orElseThrow();
        double variance = Arrays.stream(realized).map(v -> (v - mean) * (v - mean)).sum() / (realized.length - 1);
        double se = Math.sqrt(variance / realized.length);
        assertEquals(expected, mean, 4 * se, "realized mean " + mean + " vs oracle " + expected + " (SE " + se + ")");
    }

    // Arm i mod 17 for student i: every arm appears, and the assignment is reproducible.
    private static Table withArms(Table covariates, int offset) {
        int[] arms = new int[covariates.rowCount()];
        for (int i = 0; i < arms.length; i++) {
            arms[i] = (i + offset) % 17;
        }
        return covariates.copy().addColumns(IntColumn.create("arm", arms));
    }

    private static int[] armsOf(Table assigned) {
        return assigned.intColumn("arm").asIntArray();
    }

    private static void assertTablesEqual(Table expected, Table actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (Column<?> column : expected.columns()) {
            assertEquals(column.type(), actual.column(column.name()).type(), column.name());
            assertEquals(column.asList(), actual.column(column.name()).asList(), column.name());
        }
    }
}
