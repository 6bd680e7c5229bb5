package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Covariate marginals against their population values. The spec's "≈" values are approximate, so each test
 * compares with the exact expectation (a 4-million-draw Monte Carlo of the §3.1 formulas, noted inline) and
 * allows about 3 standard errors of a 100,000-student draw. Students share 2,000 schools, so school-level
 * draws (teacher_active, active_share) dominate those errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConectaIdeasCovariatesTest {

    private final Population people = ConectaIdeas.schoolYear().population(100_000, 3L);
    private final Table x = people.covariates();

    @Test
    void theTableHasTheDocumentedColumnsAndTypes() {
        assertEquals("conecta-ideas school year", x.name());
        assertEquals(List.of("id", "school", "grade", "female", "urban", "region_highlands", "region_jungle",
                "public_school", "log_school_size", "active_share", "teacher_active", "prior_weeks", "prior_login",
                "math_z", "prior_login_phase2"), x.columnNames());
        for (String name : x.columnNames()) {
            boolean real = name.equals("log_school_size") || name.equals("active_share") || name.equals("math_z");
            assertTrue(real ? x.column(name) instanceof DoubleColumn : x.column(name) instanceof IntColumn, name);
        }
        assertTrue(x.columnNames().containsAll(Population.COVARIATES));
        assertEquals(12, Population.COVARIATES.size());
    }

    @Test
    void codedColumnsStayInTheirRanges() {
        for (String binary : List.of("female", "urban", "region_highlands", "region_jungle", "public_school",
                "teacher_active", "prior_login", "prior_login_phase2")) {
            assertRange(binary, 0, 1);
        }
        assertRange("grade", 1, 6);
        assertRange("prior_weeks", 0, 30);
        assertRange("school", 0, Schools.COUNT - 1);
        IntColumn highlands = x.intColumn("region_highlands");
        IntColumn jungle = x.intColumn("region_jungle");
        for (int i = 0; i < x.rowCount(); i++) {
            assertTrue(highlands.getInt(i) + jungle.getInt(i) <= 1, "row " + i + " is in two regions");
        }
    }

    @Test
    void priorWeekLoginAveragesAbout40Percent() {
        // Exact 0.404 (spec ≈ 0.405); SE of a draw ≈ 0.003, mostly from school-level teacher_active.
        assertEquals(0.404, mean("prior_login"), 0.010);
    }

    @Test
    void phaseTwoLoginIsLowerThanPhaseOneLogin() {
        // L0' uses intercept −1.0 instead of −0.75: exact mean 0.364.
        assertEquals(0.364, mean("prior_login_phase2"), 0.010);
    }

    @Test
    void summerLoginIsRare() {
        // Exact 0.0544 (spec ≈ 0.056); SE ≈ 0.001.
        Table summer = ConectaIdeas.summer().population(100_000, 3L).covariates();
        double mean = Arrays.stream(summer.intColumn("prior_login").asIntArray()).average().orElseThrow();
        assertEquals(0.0544, mean, 0.004);
    }

    @Test
    void priorWeeksAverageAboutTenOfThirty() {
        // Exact 10.17 (spec ≈ 10.2); SE of a draw ≈ 0.07 (student SD 7.1 plus school clustering).
        assertEquals(10.17, mean("prior_weeks"), 0.30);
    }

    @Test
    void teacherActiveAveragesAbout43PercentOfSchools() {
        // Exact E[Λ(−0.3 + 6(a − 0.2857))] with a ~ Beta(2,5) is 0.4317 by quadrature; the spec's ≈ 0.445 is
        // 1.2 SE above it. With J = 2,000 schools the SE is 0.011, so ±0.035 is about 3 SE.
        double share = Arrays.stream(people.schools().teacherActive()).average().orElseThrow();
        assertEquals(0.4317, share, 0.035);
        double activeShare = Arrays.stream(people.schools().activeShare()).average().orElseThrow();
        assertEquals(2.0 / 7.0, activeShare, 0.011, "Beta(2,5) mean; SE 0.0036 at J = 2,000");
    }

    @Test
    void schoolLevelSharesMatchTheirProbabilities() {
        // Bernoulli shares over 2,000 schools: SE ≤ 0.011, bounds are about 3 SE.
        double[] region = new double[3];
        for (int r : people.schools().region()) {
            region[r] += 1.0 / Schools.COUNT;
        }
        assertEquals(0.55, region[0], 0.035);
        assertEquals(0.30, region[1], 0.035);
        assertEquals(0.15, region[2], 0.025);
        assertEquals(0.80, Arrays.stream(people.schools().publicSchool()).average().orElseThrow(), 0.03);
        assertEquals(0.72, Arrays.stream(people.schools().urban()).average().orElseThrow(), 0.03);
    }

    @Test
    void gradesFollowTheirProbabilities() {
        // Multinomial over 100,000 students: SE ≤ 0.0013 per grade.
        double[] expected = {0.14, 0.17, 0.18, 0.18, 0.17, 0.16};
        int[] grades = x.intColumn("grade").asIntArray();
        for (int g = 1; g <= 6; g++) {
            final int grade = g;
            double share = Arrays.stream(grades).filter(v -> v == grade).count() / (double) grades.length;
            assertEquals(expected[g - 1], share, 0.005, "grade " + g);
        }
    }

    @Test
    void mathScoresAreStandardizedExactly() {
        double[] z = x.doubleColumn("math_z").asDoubleArray();
        double mean = Arrays.stream(z).average().orElseThrow();
        double variance = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / z.length;
        assertEquals(0.0, mean, 1e-12);
        assertEquals(1.0, variance, 1e-12);
    }

    @Test
    void engagementLinksPriorUseLoginAndMaths() {
        // The latent E drives prior_weeks, prior_login and math_z together, so they must correlate positively.
        double[] weeks = x.intColumn("prior_weeks").asDoubleArray();
        assertTrue(correlation(weeks, x.intColumn("prior_login").asDoubleArray()) > 0.3);
        assertTrue(correlation(weeks, x.doubleColumn("math_z").asDoubleArray()) > 0.1);
    }

    private double mean(String column) {
        return Arrays.stream(x.intColumn(column).asIntArray()).average().orElseThrow();
    }

    private void assertRange(String column, int min, int max) {
        int[] values = x.intColumn(column).asIntArray();
        assertEquals(min, Arrays.stream(values).min().orElseThrow(), column + " minimum");
        assertEquals(max, Arrays.stream(values).max().orElseThrow(), column + " maximum");
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
