package dev.tailor.coarse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The baselines of methods spec §2.16 and the comparison that lines them up against the optimal K-set. */
class CoarseBaselinesTest {

    private final ValueMatrix values = RandomValues.draw(400, 12, 21L);

    @Test
    void fullPersonalizationRecoversEverythingAndBoundsEveryCoarsePolicy() {
        CoarsePolicy full = Baselines.fullPersonalization(values);
        assertEquals(1.0, full.recovery(), 1e-12);
        for (int k = 1; k <= 6; k++) {
            assertTrue(CoarsePersonalization.spec().treatments(k).fit(values).objective() <= full.objective() + 1e-12);
        }
    }

    @Test
    void theBestUniformColumnIsTheExactOptimumWithOneColumnWhenTheNullCounts() {
        CoarsePolicy uniform = Baselines.bestUniform(values, true);
        CoarseFit one = CoarsePersonalization.spec().treatments(1).nullCountsTowardK(true).fit(values);
        assertEquals(one.objective(), uniform.objective(), 1e-12);
        assertTrue(uniform.objective() >= values.mean(0));
        CoarsePolicy noNull = Baselines.bestUniform(values, false);
        assertTrue(noNull.assignment()[0] >= 1 && noNull.objective() <= uniform.objective());
    }

    @Test
    void segmentationAndGridNeverBeatTheExactKSetAndUseAtMostKTreatments() {
        double[][] covariates = new double[values.rows()][];
        for (int i = 0; i < covariates.length; i++) {
            covariates[i] = new double[] {values.get(i, 1) + values.get(i, 2), i % 5, Math.cos(i)};
        }
        List<int[]> grid = List.of(new int[] {1}, new int[] {4}, new int[] {1, 4}, new int[] {2, 5, 8}, new int[] {3, 6, 9, 12});
        for (int k = 1; k <= 5; k++) {
            double exact = CoarsePersonalization.spec().treatments(k).fit(values).objective();
            for (CoarsePolicy policy : List.of(Baselines.preferenceSegmentation(values, k, 3L),
                    Baselines.covariateSegmentation(values, covariates, k, 3L), Baselines.grid(values, grid, k))) {
                assertTrue(policy.objective() <= exact + 1e-12, policy.method() + " beat exact at K = " + k);
                assertTrue(policy.distinct() <= k, policy.method() + " uses " + policy.distinct() + " treatments at K = " + k);
            }
        }
    }

    @Test
    void covariateSegmentationFindsGroupsThatACovariateSeparates() {
        int n = 300;
        double[][] rows = new double[n][4];
        double[][] covariates = new double[n][1];
        for (int i = 0; i < n; i++) {
            int group = i % 2;
            covariates[i][0] = group * 10 + 0.01 * (i % 7);
            rows[i][1 + group] = 1 + 0.001 * (i % 11);   // group 0 wants treatment 1, group 1 treatment 2
            rows[i][3] = -1;
        }
        ValueMatrix separated = ValueMatrix.of(rows);
        CoarsePolicy policy = Baselines.covariateSegmentation(separated, covariates, 2, 1L);
        assertEquals(1.0, policy.recovery(), 1e-12);
    }

    @Test
    void kMeansAboveTheFittingSampleStillLabelsEveryRowByItsNearestCentre() {
        int n = KMeans.MAX_FIT_ROWS + 5_000;
        double[][] points = new double[n][1];
        for (int i = 0; i < n; i++) {
            points[i][0] = (i % 3) * 100 + (i % 17) * 0.01;   // three well-separated groups
        }
        int[] labels = KMeans.cluster(points, 3, 2, 9L);
        for (int i = 3; i < n; i++) {
            assertEquals(labels[i % 3], labels[i], "row " + i);
        }
        assertEquals(3, java.util.Arrays.stream(labels).distinct().count());
    }

    @Test
    void kMeansGivesTheSameSegmentsForTheSameSeed() {
        CoarsePolicy first = Baselines.preferenceSegmentation(values, 4, 17L);
        CoarsePolicy again = Baselines.preferenceSegmentation(values, 4, 17L);
        assertArrayEquals(first.assignment(), again.assignment());
    }

    @Test
    void theComparisonPutsTheExactKSetAtOrAboveEveryMethodAndIsMonotoneInK() {
        double[][] covariates = new double[values.rows()][];
        for (int i = 0; i < covariates.length; i++) {
            covariates[i] = new double[] {values.get(i, 3), i % 3};
        }
        CoarseComparison comparison = CoarseComparison.of(values).treatments(1, 4).covariates(covariates)
                .grid(List.of(new int[] {1, 2}, new int[] {5, 6, 7})).evaluatedOn(values).seed(2L).run();
        assertEquals(List.of("full personalization", "best uniform (no null)", "coarse (exact)", "greedy",
                "preference k-means", "covariate k-means", "grid"), comparison.methods());
        double previous = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= 4; k++) {
            double exact = comparison.policy("coarse (exact)", k).recovery();
            assertTrue(exact >= previous - 1e-12);
            previous = exact;
            for (String method : List.of("greedy", "preference k-means", "covariate k-means")) {
                assertTrue(comparison.policy(method, k).recovery() <= exact + 1e-12, method + " at K = " + k);
            }
        }
        for (int j = 0; j < comparison.policies().size(); j++) {
            assertEquals(comparison.policies().get(j).recovery(), comparison.truthRecovery(j), 1e-12);
        }
        assertEquals(comparison.policies().size(), comparison.table().rowCount());
        RecoveryPlot plot = comparison.plot();
        assertEquals(List.of("coarse (exact)", "greedy", "preference k-means", "covariate k-means", "grid"),
                plot.lines().stream().map(RecoveryPlot.Line::method).toList());
        assertArrayEquals(new int[] {1, 2, 3, 4}, plot.lines().get(0).k());
    }
}
