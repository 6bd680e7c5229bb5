package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Marginals of the energy covariates against the realized moments the spec reports on 400,000 draws (§3.2). At
 * 400,000 draws the standard error of a usage mean is about 0.2 Wh (0.1%) and of a usage SD about 0.5 Wh, so
 * means are checked within 1% and SDs within 2% (or 0.02 for small counts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnergyCovariatesTest {

    private final EnergyCovariates x = EnergyCovariates.draw(400_000, new Draws(new java.util.SplittableRandom(400L)));

    @Test
    void continuousMarginsHaveTheSpecsRealizedMeansAndSds() {
        assertMoments(190.7, 138.2, x.peak(), "peak");
        assertMoments(177.7, 136.3, x.prePeak(), "pre-peak");
        assertMoments(296.7, 172.4, x.postPeak(), "post-peak");
        assertMoments(633, 385, x.income(), "income");
        assertMoments(105.4, 48.3, x.area(), "area");
    }

    @Test
    void discreteMarginsHaveTheSpecsRealizedMeansAndSds() {
        assertCounts(2.46, 1.27, x.atHome(), "at home");
        assertCounts(3.46, 0.87, x.efficacy(), "efficacy");
        assertCounts(3.13, 1.67, x.airConditioners(), "air conditioners");
        assertCounts(2.80, 1.58, x.fans(), "fans");
        assertCounts(2.75, 1.30, x.members(), "members");
        assertEquals(0.31, mean(toDouble(x.allElectric())), 0.005, "all-electric");
    }

    @Test
    void categoricalMarginsHaveTheSpecifiedProbabilities() {
        double[] members = {0.16, 0.34, 0.22, 0.19, 0.06, 0.02, 0.01};
        double[] efficacy = {0.02, 0.09, 0.40, 0.39, 0.10};
        double[] memberShare = shares(x.members(), 7);
        double[] efficacyShare = shares(x.efficacy(), 5);
        for (int k = 0; k < members.length; k++) {
            assertEquals(members[k], memberShare[k], 0.003, "P(members = " + (k + 1) + ")");
        }
        for (int k = 0; k < efficacy.length; k++) {
            assertEquals(efficacy[k], efficacyShare[k], 0.003, "P(efficacy = " + (k + 1) + ")");
        }
    }

    @Test
    void valuesStayInsideTheirSupports() {
        for (int i = 0; i < x.size(); i++) {
            assertTrue(x.atHome()[i] >= 0 && x.atHome()[i] <= x.members()[i], "at home ≤ members");
            assertTrue(x.airConditioners()[i] >= 0 && x.airConditioners()[i] <= 10);
            assertTrue(x.fans()[i] >= 0 && x.fans()[i] <= 10);
            assertEquals(0.0, x.income()[i] % 10, 0.0, "income is rounded to 10");
            assertTrue(x.peak()[i] > 0 && x.area()[i] > 0);
        }
    }

    @Test
    void medianSplitSharesMatchTheSpec() {
        assertEquals(0.57, belowOrAtMedian(toDouble(x.atHome())), 0.01, "at home ≤ 2");
        assertEquals(0.51, belowOrAtMedian(toDouble(x.efficacy())), 0.01, "efficacy ≤ 3");
        assertEquals(0.51, belowOrAtMedian(x.income()), 0.01, "income ≤ median");
    }

    @Test
    void theLatentCorrelationMatrixIsPositiveDefiniteWithMinimumEigenvalueTwoTenths() {
        double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(EnergyCovariates.correlation())).getRealEigenvalues();
        assertEquals(0.20, Arrays.stream(eigenvalues).min().orElseThrow(), 0.005);
    }

    private static void assertMoments(double mean, double sd, double[] values, String name) {
        assertEquals(mean, mean(values), 0.01 * mean, name + " mean");
        assertEquals(sd, sd(values), 0.02 * sd, name + " SD");
    }

    private static void assertCounts(double mean, double sd, int[] values, String name) {
        double[] v = toDouble(values);
        assertEquals(mean, mean(v), 0.02, name + " mean");
        assertEquals(sd, sd(v), 0.02, name + " SD");
    }

    private static double belowOrAtMedian(double[] values) {
        double median = EnergyOracle.quantiles(values, 0.5)[0];
        return Arrays.stream(values).filter(v -> v <= median).count() / (double) values.length;
    }

    private static double[] shares(int[] values, int levels) {
        double[] share = new double[levels];
        for (int v : values) {
            share[v - 1] += 1.0 / values.length;
        }
        return share;
    }

    static double[] toDouble(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    static double sd(double[] values) {
        double m = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1));
    }
}
