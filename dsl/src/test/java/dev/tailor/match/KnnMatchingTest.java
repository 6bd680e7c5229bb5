package dev.tailor.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.design.Arms;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Properties of {@link KnnMatching}: methods spec §2.5, TP1–TP5, against the brute-force reference matcher. */
class KnnMatchingTest {

    @Test
    void kdTreeAndScanAgreeExactlyWithBruteForceOnTiedAndDuplicatedRowsWithLeaveOneOut() {
        // 1,200 rows on a 3-value grid in 3 dimensions (27 cells, so most distances tie) with every fifth row a
        // duplicate, 2 arms of 600 (two scan tiles each), k = 7: the tie rule decides most neighbour sets.
        KnnData data = KnnData.tied(1_200, 3, 2, 11);
        int k = 7;
        BruteForceKnn brute = new BruteForceKnn(data.x, data.y, data.w, 2, k);
        int n = data.y.length;
        int[][][] neighbours = new int[n][2][];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                neighbours[i][a] = brute.neighbours(brute.z[i], a, i);
            }
        }
        double[][] expected = brute.mu(brute.z, true);
        double[][] variance = brute.variance();
        for (NeighbourSearch search : new NeighbourSearch[] {NeighbourSearch.KD_TREE, NeighbourSearch.SCAN}) {
            KnnMatchingFit fit = KnnMatching.spec().k(k).search(search).fit(data.table(), data.roles());
            assertEquals(search, fit.search());
            double[][] actual = fit.mu();
            double[][] fitted = fit.variance();
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 2; a++) {
                    assertArrayEquals(neighbours[i][a], fit.neighbours(i, fit.arms().get(a)), search + ", row " + i + " arm " + a);
                }
                assertArrayEquals(expected[i], actual[i], 0.0, search + ", row " + i);
                assertArrayEquals(variance[i], fitted[i], 0.0, search + ", row " + i);
            }
        }
    }

    @Test
    void kdTreeAndScanAgreeExactlyWithBruteForceWhenPredictingNewRowsOnTheGridAndOffIt() {
        KnnData data = KnnData.tied(500, 4, 2, 5);
        KnnData fresh = KnnData.tied(150, 4, 2, 6);
        for (int i = 0; i < 50; i++) {
            fresh.x[i] = data.x[3 * i].clone();                // exactly on training points
            fresh.x[50 + i][1] += 0.5;                         // between grid values
        }
        for (int k : new int[] {1, 13, 250}) {
          for (NeighbourSearch search : new NeighbourSearch[] {NeighbourSearch.KD_TREE, NeighbourSearch.SCAN}) {
            KnnMatchingFit fit = KnnMatching.spec().k(k).search(search).fit(data.table(), data.roles());
            BruteForceKnn brute = new BruteForceKnn(data.x, data.y, data.w, 2, k);
            double[][] expected = brute.mu(brute.standardize(fresh.x), false);
            double[][] actual = fit.predict(KnnData.covariatesOnly(fresh.x)).mu();
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 0.0, search + ", k = " + k + ", row " + i);
            }
          }
        }
    }

    @Test
    void kdTreeAndScanAgreeExactlyWithBruteForceOnContinuousCovariatesInTwelveDimensions() {
        // 1,800 rows in 3 arms of about 600, so that every arm spans two 512-point scan tiles and the leave-one-out
        // scan shares distances between all three pairs of arms.
        KnnData data = KnnData.continuous(1_800, 12, 3, 3);
        BruteForceKnn brute = new BruteForceKnn(data.x, data.y, data.w, 3, 20);
        double[][] expected = brute.mu(brute.z, true);
        double[][] variance = brute.variance();
        for (NeighbourSearch search : new NeighbourSearch[] {NeighbourSearch.KD_TREE, NeighbourSearch.SCAN}) {
            KnnMatchingFit fit = KnnMatching.spec().k(20).search(search).fit(data.table(), data.roles());
            double[][] actual = fit.mu();
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 0.0, search + ", row " + i);
            }
            double[][] fitted = fit.variance();
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(variance[i], fitted[i], 0.0, search + ", row " + i);
            }
        }
    }

    @Test
    void kEqualToEveryArmSizeGivesTheDifferenceInMeansAtEveryPoint() {
        // TP1: 3 arms of 40 units each and k = 40, predicted at new points (no leave-one-out).
        KnnData data = KnnData.continuous(120, 3, 3, 8);
        for (int i = 0; i < 120; i++) {
            data.w[i] = i % 3;
        }
        double[] armMean = new double[3];
        for (int i = 0; i < 120; i++) {
            armMean[data.w[i]] += data.y[i] / 40;
        }
        KnnMatchingFit fit = KnnMatching.spec().k(40).fit(data.table(), data.roles());
        double[][] tau = fit.predict(KnnData.continuous(30, 3, 3, 9).table()).cate();
        for (double[] row : tau) {
            assertEquals(armMean[1] - armMean[0], row[0], 1e-12);
            assertEquals(armMean[2] - armMean[0], row[1], 1e-12);
        }
    }

    @Test
    void anArmOfExactlyKUnitsGivesItsOwnUnitsTheOtherKMinusOneAndSaysSo() {
        // 3 arms of 20 and k = 20 in 6 dimensions: leave-one-out leaves 19 candidates in a unit's own arm.
        KnnData data = KnnData.continuous(60, 6, 3, 13);
        for (int i = 0; i < 60; i++) {
            data.w[i] = i % 3;
        }
        BruteForceKnn brute = new BruteForceKnn(data.x, data.y, data.w, 3, 20);
        double[][] expected = brute.mu(brute.z, true);
        double[][] variance = brute.variance();
        for (NeighbourSearch search : new NeighbourSearch[] {NeighbourSearch.KD_TREE, NeighbourSearch.SCAN}) {
            KnnMatchingFit fit = KnnMatching.spec().k(20).search(search).fit(data.table(), data.roles());
            assertEquals(19, fit.neighbours(0, fit.arms().get(0)).length);
            assertEquals(20, fit.neighbours(0, fit.arms().get(1)).length);
            for (int i = 0; i < 60; i++) {
                assertArrayEquals(expected[i], fit.mu()[i], 0.0, search + ", row " + i);
                assertArrayEquals(variance[i], fit.variance()[i], 0.0, search + ", row " + i);
            }
            assertTrue(fit.notes().get(0).startsWith("Arm \"control\" has exactly k = 20 units"), fit.notes().toString());
        }
    }

    @Test
    void estimatesAreInvariantToAffineRescalingOfACovariate() {
        // TP2: x2 → 1000·x2 − 7 and x1 → −0.01·x1 + 3 leave every z-score distance (and so every neighbour) unchanged.
        KnnData data = KnnData.continuous(800, 3, 3, 21);
        Table table = data.table();
        KnnMatchingFit original = KnnMatching.spec().k(15).fit(table, data.roles());
        Table rescaled = table.copy();
        rescaled.replaceColumn("x2", ((DoubleColumn) table.column("x2")).multiply(1000).subtract(7).setName("x2"));
        rescaled.replaceColumn("x1", ((DoubleColumn) table.column("x1")).multiply(-0.01).add(3).setName("x1"));
        KnnMatchingFit refit = KnnMatching.spec().k(15).fit(rescaled, data.roles());
        double[][] a = original.cate();
        double[][] b = refit.cate();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-12, "row " + i);
        }
    }

    @Test
    void estimatesAreInvariantToRowOrderWhenDistancesDoNotTie() {
        // TP3: reverse the rows; unit i of the original is row n − 1 − i of the reversed table.
        KnnData data = KnnData.continuous(600, 4, 3, 31);
        int n = data.y.length;
        double[][] x = new double[n][];
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            x[n - 1 - i] = data.x[i];
            y[n - 1 - i] = data.y[i];
            w[n - 1 - i] = data.w[i];
        }
        KnnData reversed = new KnnData(x, y, w);
        double[][] a = KnnMatching.spec().k(10).fit(data.table(), data.roles()).cate();
        double[][] b = KnnMatching.spec().k(10).fit(reversed.table(), reversed.roles()).cate();
        for (int i = 0; i < n; i++) {
            assertArrayEquals(a[i], b[n - 1 - i], 1e-12, "unit " + i);
        }
    }

    @Test
    void withDuplicatedRowsAndKOneTheNeighbourIsTheLowestIndexDuplicate() {
        // TP5: rows 4, 10 and 16 (all arm 1 when arms cycle 0,1,2) share covariates; so do rows 3 and 9 (arm 0).
        KnnData data = KnnData.continuous(60, 2, 3, 41);
        for (int i = 0; i < 60; i++) {
            data.w[i] = i % 3;
        }
        data.x[10] = data.x[4].clone();
        data.x[16] = data.x[4].clone();
        data.x[9] = data.x[3].clone();
        KnnMatchingFit fit = KnnMatching.spec().k(1).fit(data.table(), data.roles());
        assertArrayEquals(new int[] {4}, fit.neighbours(10, fit.arms().get(1)));
        assertArrayEquals(new int[] {4}, fit.neighbours(16, fit.arms().get(1)));
        assertArrayEquals(new int[] {10}, fit.neighbours(4, fit.arms().get(1)));   // itself left out
        assertArrayEquals(new int[] {3}, fit.neighbours(9, fit.arms().get(0)));
        double[][] mu = fit.predict(KnnData.covariatesOnly(new double[][] {data.x[4]})).mu();
        assertEquals(data.y[4], mu[0][1], 0.0);
        assertTrue(fit.training().toString().contains("k = 1"), fit.training().toString());
    }

    @Test
    void resultsAreIdenticalForOneThreadAndForSeveral() {
        KnnData data = KnnData.tied(2_000, 3, 4, 51);
        for (NeighbourSearch search : new NeighbourSearch[] {NeighbourSearch.KD_TREE, NeighbourSearch.SCAN}) {
            double[][] one = KnnMatching.spec().k(9).search(search).threads(1).fit(data.table(), data.roles()).mu();
            double[][] four = KnnMatching.spec().k(9).search(search).threads(4).fit(data.table(), data.roles()).mu();
            for (int i = 0; i < one.length; i++) {
                assertArrayEquals(one[i], four[i], 0.0);
            }
        }
    }

    @Test
    void cateErrorFallsWithSampleSizeOnASmoothDesign() {
        // τ(x) = sin(2π x1) on [0,1]², noise SD 0.3, two arms, k = 50: the RMSE of the leave-one-out τ̂ against the
        // true τ falls as matching bias shrinks (the variance part 2σ²/k stays near 0.0036).
        double small = cateRmse(2_000, 61);
        double large = cateRmse(16_000, 62);
        assertTrue(large < 0.75 * small, "RMSE n = 2,000: " + small + ", n = 16,000: " + large);
        System.out.println("[KnnMatchingTest] CATE RMSE n = 2,000: " + small + ", n = 16,000: " + large);
    }

    static double cateRmse(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        int[] w = new int[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            w[i] = i % 2;
            tau[i] = Math.sin(2 * Math.PI * x[i][0]);
            y[i] = x[i][1] + w[i] * tau[i] + 0.3 * gaussian(random);
        }
        KnnData data = new KnnData(x, y, w);
        double[][] estimate = KnnMatching.spec().fit(data.table(), data.roles()).cate();
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (estimate[i][0] - tau[i]) * (estimate[i][0] - tau[i]);
        }
        return Math.sqrt(ss / n);
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void bestArmIsTheArgmaxOfTheCatesWithTiesToTheLowestArm() {
        KnnData data = KnnData.tied(300, 2, 3, 71);
        KnnMatchingFit fit = KnnMatching.spec().k(5).fit(data.table(), data.roles().arms(Arms.of("A", "B").withControl("none")));
        double[][] tau = fit.cate();
        int[] best = fit.bestArms();
        for (int i = 0; i < tau.length; i++) {
            int expected = tau[i][1] > tau[i][0] ? 2 : 1;
            assertEquals(expected, best[i], "row " + i);
        }
        assertEquals(300, fit.policy("kNN").rows().getAsInt());
        String text = fit.toString();
        assertTrue(text.contains("k = 5 per arm") && text.contains("best for"), text);
        assertTrue(fit.toHtml().contains("<table"), fit.toHtml());
        assertEquals(2, fit.table().rowCount());
    }
}
