package dev.tailor.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RandomizationTest {

    private static final Table STUDENTS = Units.students(100_003, 40_507, 1L);

    @Test
    void countsPerArmAndStratumAreWithinOneOfTheirTargetsAndSumToTheStratum() {
        Assignment assignment = Units.phaseOne(20231009L).randomize(STUDENTS);
        double[] shares = assignment.propensities();
        long[][] counts = assignment.counts();
        long[] stratumSizes = {100_003 - 40_507, 40_507};   // labels sort as "0", "1"
        assertEquals(2, counts.length);
        for (int s = 0; s < 2; s++) {
            assertEquals(17, counts[s].length);
            assertEquals(stratumSizes[s], Arrays.stream(counts[s]).sum());
            for (int k = 0; k < 17; k++) {
                double target = stratumSizes[s] * shares[k];
                assertTrue(Math.abs(counts[s][k] - target) < 1,
                        "stratum " + s + ", arm " + k + ": " + counts[s][k] + " units for target " + target);
            }
        }
        assertTrue(assignment.maxDeviation() < 1);
        assertTrue(assignment.maxShareDeviation() < 1.0 / 40_507);
    }

    @Test
    void designsWithTheSameSpecAreEqualAndADifferentSeedIsNot() {
        assertEquals(Units.phaseOne(1L), Units.phaseOne(1L));
        assertEquals(Units.phaseOne(1L).hashCode(), Units.phaseOne(1L).hashCode());
        assertFalse(Units.phaseOne(1L).equals(Units.phaseOne(2L)));
    }

    @Test
    void countsMatchTheArmColumnOfTheReturnedData() {
        Assignment assignment = Units.phaseOne(5L).randomize(STUDENTS);
        Table data = assignment.data();
        assertEquals(STUDENTS.columnCount() + 1, data.columnCount());
        int[] column = data.intColumn("arm").asIntArray();
        assertArrayEquals(assignment.armIndices(), column);
        int[] login = data.intColumn("prior_login").asIntArray();
        long[][] recount = new long[2][17];
        for (int i = 0; i < column.length; i++) {
            recount[login[i]][column[i]]++;
        }
        assertArrayEquals(recount[0], assignment.counts()[0]);
        assertArrayEquals(recount[1], assignment.counts()[1]);
    }

    @Test
    void sharesFromControlShareAreTwentyAndFivePercentAndSumToOne() {
        double[] shares = Units.phaseOne(1L).shares();
        assertEquals(0.20, shares[0], 1e-15);
        for (int k = 1; k < 17; k++) {
            assertEquals(0.05, shares[k], 1e-15);
        }
        assertEquals(1.0, Arrays.stream(shares).sum(), 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameAssignment() {
        assertArrayEquals(Units.phaseOne(42L).randomize(STUDENTS).armIndices(),
                Units.phaseOne(42L).randomize(STUDENTS).armIndices());
    }

    @Test
    void aDifferentSeedGivesADifferentAssignment() {
        int[] a = Units.phaseOne(42L).randomize(STUDENTS).armIndices();
        int[] b = Units.phaseOne(43L).randomize(STUDENTS).armIndices();
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        // Independent draws agree for a unit with probability Σ share² = 0.04 + 16·0.0025 = 0.08.
        double agreement = same / (double) a.length;
        assertEquals(0.08, agreement, 0.01, "share of units with the same arm under two seeds");
    }

    @Test
    void aStratumsAssignmentDoesNotDependOnTheOtherStrata() {
        Design design = Units.phaseOne(7L);
        int[] all = design.randomize(STUDENTS).armIndices();
        // Keep only stratum "0" (prior_login = 0, rows 40,507 onwards): it is still stratum 0 and draws the same stream.
        Table notLogged = STUDENTS.dropRange(40_507);
        int[] alone = design.randomize(notLogged).armIndices();
        assertArrayEquals(Arrays.copyOfRange(all, 40_507, all.length), alone);
    }

    @Test
    void eachUnitsArmFrequencyOverSeedsMatchesItsShare() {
        // 37 units: a stratum of 20 (targets 4 and 1 per arm, exact) and one of 17 (targets 3.4 and 0.85, so the
        // leftover units are drawn). Unit 0 is in the stratum of 17, unit 36 in the stratum of 20.
        Table small = Units.students(37, 17, 3L);
        int seeds = 4_000;
        long[][] hits = new long[2][17];
        for (int seed = 0; seed < seeds; seed++) {
            int[] arm = Units.phaseOne(seed).randomize(small).armIndices();
            hits[0][arm[0]]++;
            hits[1][arm[36]]++;
        }
        double[] shares = Units.phaseOne(0).shares();
        for (int u = 0; u < 2; u++) {
            for (int k = 0; k < 17; k++) {
                double frequency = hits[u][k] / (double) seeds;
                // Binomial standard error; 4.5 SE over 34 checks gives a false alarm rate below 1e-4.
                double se = Math.sqrt(shares[k] * (1 - shares[k]) / seeds);
                assertEquals(shares[k], frequency, 4.5 * se, "unit " + (u == 0 ? 0 : 36) + ", arm " + k);
            }
        }
    }

    @Test
    void leftoverUnitsGoToArmsWithProbabilityEqualToTheirFractionalTargets() {
        // A stratum of 17 with shares 0.2 / 0.05: control gets 3 or 4 (mean 3.4), each pair 0 or 1 (mean 0.85).
        Table small = Units.students(17, 0, 3L);
        int seeds = 4_000;
        long controlTotal = 0;
        for (int seed = 0; seed < seeds; seed++) {
            long[] counts = Units.phaseOne(seed).randomize(small).counts()[0];
            assertTrue(counts[0] == 3 || counts[0] == 4, "control count " + counts[0]);
            assertEquals(17, Arrays.stream(counts).sum());
            controlTotal += counts[0];
        }
        // count − 3 is Bernoulli(0.4): SE of the mean is √(0.24/4000) ≈ 0.0077.
        assertEquals(3.4, controlTotal / (double) seeds, 4.5 * Math.sqrt(0.24 / seeds));
    }

    @Test
    void anUnstratifiedDesignIsOneStratum() {
        Design design = Design.named("flat").arms(Arms.of("T", "P", "R", "F").withControl("control")).seed(1L).build();
        Assignment assignment = design.randomize(Units.students(1_001, 300, 2L));
        assertEquals(1, assignment.counts().length);
        assertEquals(java.util.List.of("all"), assignment.strataLabels());
        for (long count : assignment.counts()[0]) {
            assertTrue(count == 200 || count == 201, "count " + count);
        }
    }

    @Test
    void aTextStratumColumnWorksAndItsLevelsAreStrata() {
        Table units = Units.students(1_000, 0, 4L);
        String[] region = new String[1_000];
        for (int i = 0; i < region.length; i++) {
            region[i] = i % 10 < 5 ? "coast" : i % 10 < 8 ? "highlands" : "jungle";
        }
        units.addColumns(StringColumn.create("region", region));
        Design design = Design.named("by region").arms(Arms.of("T", "P").withControl("control"))
                .stratifyBy("region").seed(9L).build();
        Assignment assignment = design.randomize(units);
        assertEquals(java.util.List.of("coast", "highlands", "jungle"), assignment.strataLabels());
        assertEquals(500, Arrays.stream(assignment.counts()[0]).sum());
        assertEquals(200, Arrays.stream(assignment.counts()[2]).sum());
    }

    @Test
    void theTreatmentColumnCanBeRenamedAndTheInputTableIsNotChanged() {
        Table units = Units.students(100, 40, 5L);
        Design design = Design.named("phase 2").arms(Arms.of("Best", "CF", "NN", "Random").withControl("control"))
                .stratifyBy("prior_login").treatmentColumn("arm_phase2").seed(3L).build();
        Assignment assignment = design.randomize(units);
        assertTrue(assignment.data().containsColumn("arm_phase2"));
        assertFalse(units.containsColumn("arm_phase2"));
        assignment.data().removeColumns("arm_phase2");
        assertTrue(assignment.data().containsColumn("arm_phase2"), "data() is a copy");
    }

    @Test
    void aDesignAndItsAssignmentPrintArmsSharesStrataAndSeed() {
        Design design = Units.phaseOne(20231009L);
        String text = design.toString();
        assertTrue(text.contains("17 arms"), text);
        assertTrue(text.contains("stratified by prior_login"), text);
        assertTrue(text.contains("seed 20231009"), text);
        assertTrue(text.contains("20.00%") && text.contains("5.00%"), text);
        assertTrue(design.toHtml().contains("<table"));
        assertEquals(17, design.table().rowCount());

        Assignment assignment = design.randomize(Units.students(1_000, 400, 1L));
        String report = assignment.toString();
        assertTrue(report.contains("prior_login=0") && report.contains("prior_login=1"), report);
        assertTrue(report.contains("Max deviation"), report);
        assertTrue(report.contains("seed 20231009"), report);
        assertTrue(assignment.toHtml().contains("prior_login=1"));
        Table counts = assignment.table();
        assertEquals(17, counts.rowCount());
        assertEquals(1_000, counts.longColumn("total").sum(), 0);
    }

    @Test
    void anUnbuiltDesignSaysWhatIsMissing() {
        Design.Builder builder = Design.named("school-year phase 1").arms(Units.seventeenArms())
                .allocation(Allocation.controlShare(0.20)).stratifyBy("prior_login");
        assertEquals("Design (not built): 17 arms, stratified by prior_login, no seed yet — call .seed(..) and .build()",
                builder.toString());
        assertEquals("Design (not built): 17 arms, stratified by prior_login — call .build()",
                builder.seed(1L).toString());
    }

    @Test
    void builderStepsDoNotChangeEarlierBuilders() {
        Design.Builder base = Design.named("d").arms(Units.seventeenArms()).seed(1L);
        Design.Builder stratified = base.stratifyBy("prior_login");
        assertTrue(base.build().strata().isEmpty());
        assertEquals("prior_login", stratified.build().strata().orElseThrow());
    }
}
