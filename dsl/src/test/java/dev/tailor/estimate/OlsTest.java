package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.Roles;
import dev.tailor.design.Arms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Exact properties of {@link Ols}: methods spec §2.1, TP1–TP4, and agreement with a naive reference. */
class OlsTest {

    // The small example: 12 rows, control + 2 arms, strata A/B (unbalanced), one covariate x.
    private static final int[] ARM = {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2};
    private static final String[] STRATUM = {"A", "A", "B", "B", "A", "A", "B", "B", "B", "A", "B", "B"};
    private static final int[] STRATUM_CODE = {0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1};
    private static final double[] Y = {1.0, 0.0, 2.5, 1.5, 2.0, 3.0, 4.5, 3.5, 5.0, 0.5, 2.0, 3.0};
    private static final double[] X = {2.0, 3.5, 1.0, 4.0, 2.5, 0.5, 3.0, 2.0, 1.5, 4.5, 2.0, 3.5};

    private static final Roles ROLES = Roles.outcome("y").treatment("arm").arms(Arms.of("T1", "T2").withControl("control"))
            .strata("stratum");

    @Test
    void smallStratifiedExampleMatchesHandDerivationAndNaiveReference() {
        OlsFit fit = Ols.spec().fit(OlsTables.of(Y, ARM, STRATUM), ROLES);

        // By hand: cell counts (n_A, n_B) are (2, 2), (2, 3), (1, 2) for control, T1, T2, and the cell sums of y are
        // S_A = (1, 5, 0.5), S_B = (4, 13, 5). The normal equations X'X b = X'y for b = (α, β1, β2, γ) read
        //   12α + 5β1 + 3β2 + 7γ = 28.5   (all rows)
        //    5α + 5β1       + 3γ = 18     (T1 rows)
        //    3α       + 3β2 + 2γ = 5.5    (T2 rows)
        //    7α + 3β1 + 2β2 + 7γ = 22     (stratum B rows)
        // whose solution is α = 32/86, β1 = 187/86, β2 = 25/86, γ = 151/86. Check by substitution, ×86:
        // 384 + 935 + 75 + 1057 = 2451 = 28.5·86; 160 + 935 + 453 = 1548 = 18·86; 96 + 75 + 302 = 473 = 5.5·86;
        // 224 + 561 + 50 + 1057 = 1892 = 22·86.
        double[] expected = {32.0 / 86, 187.0 / 86, 25.0 / 86, 151.0 / 86};
        assertArrayEquals(expected, fit.coefficients(), 1e-12);

        // HC2 SEs from numpy (inv(X'X) X' diag(e²/(1-h)) X inv(X'X), float64), and from the naive Java reference.
        double[] numpySe = {0.3633149782286885, 0.43817173945177773, 0.4374098801876586, 0.35512576453353756};
        assertArrayEquals(numpySe, fit.stdErrors(), 1e-12);
        NaiveOls naive = new NaiveOls(OlsTables.denseDesign(3, ARM, 2, STRATUM_CODE), Y, RobustSe.HC2);
        assertArrayEquals(naive.beta, fit.coefficients(), 1e-12);
        for (int j = 0; j < 4; j++) {
            assertArrayEquals(naive.vcov[j], fit.vcov()[j], 1e-12);
        }
        assertEquals(List.of("(intercept)", "T1", "T2", "stratum=B"), fit.coefficientNames());
        assertEquals("OLS with stratum fixed effects, HC2 SEs", fit.effects().method());
    }

    @Test
    void smallExampleWithCovariateMatchesNaiveReferenceForEveryEstimator() {
        Table table = OlsTables.of(Y, ARM, STRATUM, X);
        double[][] design = OlsTables.denseDesign(3, ARM, 2, STRATUM_CODE, X);
        // numpy float64 values for the arm SEs (β1, β2) under HC0..HC3.
        double[][] numpyArmSe = {
                {0.28853792609353945, 0.36882422294592976},
                {0.37778482491120524, 0.48290426279514054},
                {0.3562209714614214, 0.5037243886441449},
                {0.443051474151976, 0.6918223777737714}};
        for (RobustSe se : RobustSe.values()) {
            OlsFit fit = Ols.spec().standardErrors(se).fit(table, ROLES.covariates("x1"));
            NaiveOls naive = new NaiveOls(design, Y, se);
            assertArrayEquals(naive.beta, fit.coefficients(), 1e-10, se.name());
            double[][] vcov = fit.vcov();
            for (int j = 0; j < design[0].length; j++) {
                assertArrayEquals(naive.vcov[j], vcov[j], 1e-10, se + " row " + j);
            }
            assertArrayEquals(numpyArmSe[se.ordinal()], fit.effects().stdErrors(), 1e-10, se.name());
        }
        assertArrayEquals(new double[] {2.014392698338403, 0.45998127779077813},
                Ols.spec().fit(table, ROLES.covariates("x1")).effects().estimates(), 1e-12);
    }

    @Test
    void withArmDummiesOnlyEffectsAreDifferencesInMeansAndHc2IsTheNeymanVariance() {
        // TP1, on unequal arms with unequal variances.
        SplittableRandom random = new SplittableRandom(1);
        int[] sizes = {40, 25, 60, 7};
        double[] sds = {1.0, 3.0, 0.5, 2.0};
        int n = 132;
        int[] arm = new int[n];
        double[] y = new double[n];
        int i = 0;
        for (int w = 0; w < sizes.length; w++) {
            for (int u = 0; u < sizes[w]; u++, i++) {
                arm[i] = w;
                y[i] = w + sds[w] * OlsTables.gaussian(random);
            }
        }
        OlsFit fit = Ols.spec().fit(OlsTables.of(y, arm, null), Roles.outcome("y").treatment("arm"));
        double[] mean = new double[4];
        double[] variance = new double[4];
        for (int w = 0; w < 4; w++) {
            mean[w] = meanOf(y, arm, w);
            variance[w] = sampleVarianceOf(y, arm, w, mean[w]);
        }
        for (int w = 1; w < 4; w++) {
            EffectEstimate effect = fit.effects().effects().get(w - 1);
            assertEquals(mean[w] - mean[0], effect.estimate(), 1e-10);
            assertEquals(variance[w] / sizes[w] + variance[0] / sizes[0], effect.stdError() * effect.stdError(), 1e-10);
            assertEquals(sizes[w], effect.n());
        }
        assertEquals(List.of("control", "arm 1", "arm 2", "arm 3"), fit.arms().names());
        assertEquals("OLS, HC2 SEs", fit.effects().method());
    }

    @Test
    void seventeenArmsWithoutStrataGiveDifferencesInMeansWithNeymanStandardErrors() {
        // TP1 on the school-year catalog: control + 16 ordered message pairs, unequal arm sizes.
        Arms arms = Arms.orderedPairs("T", "P", "R", "F").withControl("control");
        SplittableRandom random = new SplittableRandom(41);
        int n = 2_000;
        int[] arm = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i < 17 * 10 ? i % 17 : random.nextInt(17); // at least 10 per arm
            y[i] = random.nextDouble() < 0.3 + 0.01 * arm[i] ? 1 : 0;
        }
        OlsFit fit = Ols.spec().fit(OlsTables.of(y, arm, null), Roles.outcome("y").treatment("arm").arms(arms));
        double control = meanOf(y, arm, 0);
        long controlCount = java.util.Arrays.stream(arm).filter(w -> w == 0).count();
        double controlVariance = sampleVarianceOf(y, arm, 0, control);
        for (int w = 1; w < 17; w++) {
            final int armIndex = w;
            long count = java.util.Arrays.stream(arm).filter(v -> v == armIndex).count();
            double mean = meanOf(y, arm, w);
            EffectEstimate effect = fit.effects().effect(arms.get(w));
            assertEquals(mean - control, effect.estimate(), 1e-10);
            assertEquals(sampleVarianceOf(y, arm, w, mean) / count + controlVariance / controlCount,
                    effect.stdError() * effect.stdError(), 1e-10);
        }
    }

    @Test
    void threeStrataAndTwoCovariatesMatchTheNaiveReferenceForEveryEstimator() {
        Sample s = Sample.draw(200, 5, 3, 2, 43);
        double[][] design = OlsTables.denseDesign(5, s.arm(), 3, s.stratum(), s.covariates());
        for (RobustSe se : RobustSe.values()) {
            OlsFit fit = Ols.spec().standardErrors(se).fit(s.table(), s.roles());
            NaiveOls naive = new NaiveOls(design, s.y(), se);
            assertArrayEquals(naive.beta, fit.coefficients(), 1e-10, se.name());
            double[][] vcov = fit.vcov();
            for (int j = 0; j < design[0].length; j++) {
                assertArrayEquals(naive.vcov[j], vcov[j], 1e-10, se + " row " + j);
            }
        }
    }

    @Test
    void hc1IsHc0ScaledByNOverNMinusK() {
        // TP2, with strata and two covariates: k = 1 + 3 arms + 2 strata dummies + 2 covariates = 8.
        Sample s = Sample.draw(500, 4, 3, 2, 3);
        Table table = s.table();
        Roles roles = s.roles();
        double[][] hc0 = Ols.spec().standardErrors(RobustSe.HC0).fit(table, roles).vcov();
        double[][] hc1 = Ols.spec().standardErrors(RobustSe.HC1).fit(table, roles).vcov();
        assertEquals(8, hc0.length);
        double ratio = 500.0 / (500 - 8);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                assertEquals(ratio * hc0[a][b], hc1[a][b], 1e-12 * Math.abs(hc1[a][b]) + 1e-18);
            }
        }
    }

    @Test
    void identicalArmSharesInEveryStratumGiveTheStratumWeightedDifferenceInMeans() {
        // TP3: stratum sizes 30, 60, 90 with 1/3 of each in every arm (3 arms), outcome levels differing by stratum.
        SplittableRandom random = new SplittableRandom(3);
        int[] stratumSizes = {30, 60, 90};
        int n = 180;
        int[] arm = new int[n];
        int[] stratum = new int[n];
        double[] y = new double[n];
        int i = 0;
        for (int s = 0; s < 3; s++) {
            for (int u = 0; u < stratumSizes[s]; u++, i++) {
                stratum[i] = s;
                arm[i] = u % 3;
                y[i] = 2.0 * s + (1 + s) * arm[i] * 0.3 + OlsTables.gaussian(random);
            }
        }
        OlsFit fit = Ols.spec().fit(OlsTables.of(y, arm, OlsTables.labels(stratum)),
                Roles.outcome("y").treatment("arm").strata("stratum"));
        for (int w = 1; w < 3; w++) {
            double expected = 0;
            for (int s = 0; s < 3; s++) {
                expected += (double) stratumSizes[s] / n * (cellMean(y, arm, stratum, w, s) - cellMean(y, arm, stratum, 0, s));
            }
            assertEquals(expected, fit.effects().estimates()[w - 1], 1e-10);
        }
    }

    @Test
    void estimatesAndCovarianceAreInvariantToPermutingRows() {
        // TP4.
        Sample s = Sample.draw(400, 5, 2, 2, 11);
        OlsFit fit = Ols.spec().fit(s.table(), s.roles());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(5));
        int[] rows = order.stream().mapToInt(Integer::intValue).toArray();
        OlsFit permuted = Ols.spec().fit(s.table().rows(rows), s.roles());
        assertArrayEquals(fit.coefficients(), permuted.coefficients(), 1e-10);
        for (int a = 0; a < fit.vcov().length; a++) {
            assertArrayEquals(fit.vcov()[a], permuted.vcov()[a], 1e-12);
        }
    }

    @Test
    void shiftingACovariateByALargeConstantChangesOnlyTheIntercept() {
        // Numerical care: a covariate around 10⁹ (think income in JPY) must not cost accuracy in the arm effects.
        Sample s = Sample.draw(2_000, 3, 2, 1, 17);
        Table shifted = s.table().copy();
        double[] x = s.table().doubleColumn("x1").asDoubleArray();
        for (int i = 0; i < x.length; i++) {
            x[i] += 1e9;
        }
        shifted.replaceColumn("x1", tech.tablesaw.api.DoubleColumn.create("x1", x));
        OlsFit fit = Ols.spec().fit(s.table(), s.roles());
        OlsFit moved = Ols.spec().fit(shifted, s.roles());
        double[] a = fit.coefficients();
        double[] b = moved.coefficients();
        for (int j = 1; j < a.length; j++) {
            assertEquals(a[j], b[j], 1e-9 * (1 + Math.abs(a[j])), fit.coefficientNames().get(j));
        }
        assertEquals(a[0] - 1e9 * a[a.length - 1], b[0], 1e-6 * Math.abs(1e9 * a[a.length - 1]) + 1e-6);
        assertArrayEquals(fit.effects().stdErrors(), moved.effects().stdErrors(), 1e-9);
    }

    @Test
    void resultsAreCopiesAndRefittingGivesIdenticalNumbers() {
        Sample s = Sample.draw(300, 3, 2, 1, 23);
        OlsFit fit = Ols.spec().fit(s.table(), s.roles());
        double[] coefficients = fit.coefficients();
        coefficients[1] = 99;
        double[][] vcov = fit.vcov();
        vcov[1][1] = 99;
        assertNotSame(fit.coefficients(), fit.coefficients());
        assertEquals(fit.effects().estimates()[0], fit.coefficients()[1]);
        assertEquals(fit.effects().stdErrors()[0] * fit.effects().stdErrors()[0], fit.vcov()[1][1], 1e-15);
        OlsFit again = Ols.spec().fit(s.table(), s.roles());
        assertArrayEquals(fit.coefficients(), again.coefficients(), 0.0);
        assertEquals(RobustSe.HC2, fit.spec().standardErrors());
    }

    @Test
    void anArmWithNoUnitsInOneStratumIsEstimatedFromTheOtherStratum() {
        // Arm 2 appears only in stratum s1; the model is still identified and matches the naive reference.
        Sample s = Sample.draw(300, 3, 2, 1, 31);
        int[] arm = s.arm().clone();
        for (int i = 0; i < arm.length; i++) {
            if (arm[i] == 2 && s.stratum()[i] == 0) {
                arm[i] = 1;
            }
        }
        Table table = OlsTables.of(s.y(), arm, OlsTables.labels(s.stratum()), s.covariates());
        OlsFit fit = Ols.spec().fit(table, s.roles());
        NaiveOls naive = new NaiveOls(OlsTables.denseDesign(3, arm, 2, s.stratum(), s.covariates()), s.y(), RobustSe.HC2);
        assertArrayEquals(naive.beta, fit.coefficients(), 1e-10);
        for (int j = 0; j < naive.beta.length; j++) {
            assertEquals(naive.se(j), fit.stdErrors()[j], 1e-10);
        }
    }

    @Test
    void standardErrorsGrowFromHc0ToHc2ToHc3() {
        // Weights 1 ≤ 1/(1 − h) ≤ 1/(1 − h)² order the meat matrices, hence every variance.
        Sample s = Sample.draw(120, 4, 3, 2, 37);
        double[] hc0 = Ols.spec().standardErrors(RobustSe.HC0).fit(s.table(), s.roles()).stdErrors();
        double[] hc2 = Ols.spec().standardErrors(RobustSe.HC2).fit(s.table(), s.roles()).stdErrors();
        double[] hc3 = Ols.spec().standardErrors(RobustSe.HC3).fit(s.table(), s.roles()).stdErrors();
        for (int j = 0; j < hc0.length; j++) {
            assertTrue(hc0[j] < hc2[j] && hc2[j] < hc3[j], "coefficient " + j);
        }
    }

    @Test
    void bestArmIsTheHighestEstimateWithTiesToTheLowestIndex() {
        // Arms 1 and 2 have identical data, so identical effects; arm 3 is worse.
        double[] y = {0, 1, 2, 3, 2, 3, 1, 1.5};
        int[] arm = {0, 0, 1, 1, 2, 2, 3, 3};
        OlsFit fit = Ols.spec().fit(OlsTables.of(y, arm, null), Roles.outcome("y").treatment("arm"));
        assertEquals(fit.effects().estimates()[0], fit.effects().estimates()[1], 1e-12);
        assertEquals(1, fit.best().index());
    }

    private static double meanOf(double[] y, int[] arm, int w) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (arm[i] == w) {
                sum += y[i];
                count++;
            }
        }
        return sum / count;
    }

    private static double sampleVarianceOf(double[] y, int[] arm, int w, double mean) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (arm[i] == w) {
                sum += (y[i] - mean) * (y[i] - mean);
                count++;
            }
        }
        return sum / (count - 1);
    }

    private static double cellMean(double[] y, int[] arm, int[] stratum, int w, int s) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (arm[i] == w && stratum[i] == s) {
                sum += y[i];
                count++;
            }
        }
        return sum / count;
    }

    /** A random sample with {@code arms} arms (control included), strata and normal covariates. */
    record Sample(double[] y, int[] arm, int[] stratum, double[][] covariates, int arms) {

        static Sample draw(int n, int arms, int strata, int covariateCount, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] arm = new int[n];
            int[] stratum = new int[n];
            double[][] covariates = new double[covariateCount][n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                arm[i] = i % arms;
                stratum[i] = random.nextInt(strata);
                double signal = 0.5 * stratum[i] + 0.2 * arm[i];
                for (int j = 0; j < covariateCount; j++) {
                    covariates[j][i] = (j + 1) * OlsTables.gaussian(random) + 3;
                    signal += 0.3 * covariates[j][i];
                }
                y[i] = signal + (1 + arm[i] * 0.5) * OlsTables.gaussian(random);
            }
            return new Sample(y, arm, stratum, covariates, arms);
        }

        Table table() {
            return OlsTables.of(y, arm, OlsTables.labels(stratum), covariates);
        }

        Roles roles() {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < covariates.length; j++) {
                names.add("x" + (j + 1));
            }
            return Roles.outcome("y").treatment("arm").strata("stratum").covariates(names);
        }
    }
}
