package dev.tailor.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** {@link KnnMatchingSpec#kByCrossValidation}: the R-loss choice of k (methods spec §2.5 "Tuning"). */
class KnnCrossValidationTest {

    /**
     * Three arms of 1,000 on x ∈ [0,1]²; the effects vary smoothly along x1 (amplitude 1) and the outcome noise has
     * SD 1. With k = 2 the CATE is mostly noise (SE ≈ √(2/2) = 1); with k = 700, most of an arm, it is nearly the
     * arm's average effect, so the smooth variation is lost.
     */
    static KnnData smooth(long seed) {
        int n = 3_000;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            w[i] = i % 3;
            y[i] = mu(x[i], w[i]) + random.nextGaussian();
        }
        return new KnnData(x, y, w);
    }

    static double mu(double[] x, int arm) {
        double baseline = 2 * Math.sin(2 * Math.PI * x[0]) + x[1];
        return baseline + (arm == 0 ? 0 : tau(x, arm));
    }

    static double tau(double[] x, int arm) {
        return arm == 1 ? Math.sin(2 * Math.PI * x[0]) : 0.5 - Math.cos(Math.PI * x[0]);
    }

    static final int[] GRID = {2, 5, 15, 40, 120, 400, 700};

    static double rmse(KnnMatchingFit fit, KnnData data) {
        double[][] cate = fit.cate();
        double squared = 0;
        for (int i = 0; i < data.y.length; i++) {
            for (int a = 1; a <= 2; a++) {
                squared += Math.pow(cate[i][a - 1] - tau(data.x[i], a), 2);
            }
        }
        return Math.sqrt(squared / (2.0 * data.y.length));
    }

    /**
     * Over three draws, k = 2 has CATE RMSE ≈ 1.0 and k = 700 ≈ 0.55 while the best k (40 or 120) has ≈ 0.25: the
     * far ends differ from the optimum by 8 to 35 SEs of their R-loss difference, so the criterion must avoid them.
     * Adjacent grid points near the optimum (k = 40 vs 120, a factor of 3 apart) differ by less than one SE, so it
     * cannot be asked to tell them apart; their RMSEs differ by up to about 20%, hence the 25% tolerance to the best.
     */
    @Test
    void theChosenKHasNearlyTheBestCateRmseOfTheGridAndBeatsTheWorst() {
        for (long seed : new long[] {1, 2, 3}) {
            KnnData data = smooth(seed);
            KnnMatchingFit chosen = KnnMatching.spec().kByCrossValidation(GRID).fit(data.table(), data.roles());
            double[] rmse = Arrays.stream(GRID)
                    .mapToDouble(k -> rmse(KnnMatching.spec().k(k).fit(data.table(), data.roles()), data)).toArray();
            double best = Arrays.stream(rmse).min().orElseThrow();
            double worst = Arrays.stream(rmse).max().orElseThrow();
            double picked = rmse(chosen, data);
            assertTrue(worst > 2 * best, "the grid spans a clearly noisy and a clearly biased k: " + Arrays.toString(rmse));
            assertTrue(picked <= 1.25 * best, "seed " + seed + ": chosen k = " + chosen.k() + " has RMSE " + picked + ", best " + best);
            assertTrue(picked < worst);
        }
    }

    @Test
    void foldsAreDealtWithinEachArmReproduciblyFromTheSeed() {
        KnnData data = smooth(4);
        int[] folds = KnnCrossValidation.assignFolds(data.w, 3, 5, 9L);
        assertArrayEquals(folds, KnnCrossValidation.assignFolds(data.w, 3, 5, 9L), "same seed, same folds");
        assertFalse(Arrays.equals(folds, KnnCrossValidation.assignFolds(data.w, 3, 5, 10L)), "another seed, other folds");
        for (int a = 0; a < 3; a++) {
            int[] sizes = new int[5];
            for (int i = 0; i < folds.length; i++) {
                sizes[folds[i]] += data.w[i] == a ? 1 : 0;
            }
            assertArrayEquals(new int[] {200, 200, 200, 200, 200}, sizes, "arm " + a + " (1,000 units) in 5 folds");
        }
        KnnMatchingFit fit = KnnMatching.spec().kByCrossValidation(new KSelection.CrossValidated(GRID, 5, 9L))
                .fit(data.table(), data.roles());
        assertArrayEquals(folds, fit.crossValidation().orElseThrow().folds());
    }

    /**
     * The criterion by hand: for each fold, an ordinary fit on the other folds predicts the held-out rows for every
     * k, and the R-loss is formed from those predictions. Equal to the last bit, since both sum neighbours nearest
     * first and the rows in row order.
     */
    @Test
    void theCurveEqualsHeldOutPredictionsOfOrdinaryFitsOnTheOtherFolds() {
        KnnData data = smooth(5);
        int[] grid = {3, 30, 300};
        KSelection.CrossValidated cv = new KSelection.CrossValidated(grid, 4, 2L);
        KnnCrossValidation curve = KnnMatching.spec().kByCrossValidation(cv).fit(data.table(), data.roles())
                .crossValidation().orElseThrow();
        int[] folds = curve.folds();
        int n = data.y.length;
        double[][] rowLoss = new double[grid.length][n];
        for (int f = 0; f < 4; f++) {
            int held = f;
            int[] train = IntStream.range(0, n).filter(i -> folds[i] != held).toArray();
            int[] test = IntStream.range(0, n).filter(i -> folds[i] == held).toArray();
            Table trainTable = data.table().rows(train);
            Table testTable = data.table().rows(test);
            double[] share = new double[3];
            for (int i : train) {
                share[data.w[i]] += 1;
            }
            for (int a = 0; a < 3; a++) {
                share[a] /= train.length;
            }
            double[][][] mu = new double[grid.length][][];
            for (int c = 0; c < grid.length; c++) {
                mu[c] = KnnMatching.spec().k(grid[c]).fit(trainTable, data.roles()).predict(testTable).mu();
            }
            for (int t = 0; t < test.length; t++) {
                int i = test[t];
                double mHat = 0;
                for (int a = 0; a < 3; a++) {
                    mHat += share[a] * mu[grid.length - 1][t][a];
                }
                for (int c = 0; c < grid.length; c++) {
                    double fitted = 0;
                    for (int a = 1; a < 3; a++) {
                        fitted += ((data.w[i] == a ? 1 : 0) - share[a]) * (mu[c][t][a] - mu[c][t][0]);
                    }
                    rowLoss[c][i] = Math.pow(data.y[i] - mHat - fitted, 2);
                }
            }
        }
        double[] expected = new double[grid.length];
        for (int c = 0; c < grid.length; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += rowLoss[c][i];
            }
            expected[c] = sum / n;
        }
        assertArrayEquals(expected, curve.loss(), 0.0);
        int argmin = expected[0] <= expected[1] && expected[0] <= expected[2] ? 0 : expected[1] <= expected[2] ? 1 : 2;
        assertEquals(grid[argmin], curve.chosenK());
    }

    @Test
    void theResultIsIdenticalForAnyThreadCountAndTheFitUsesTheChosenK() {
        KnnData data = smooth(6);
        KnnMatchingFit one = KnnMatching.spec().kByCrossValidation(GRID).threads(1).fit(data.table(), data.roles());
        KnnMatchingFit three = KnnMatching.spec().kByCrossValidation(GRID).threads(3).fit(data.table(), data.roles());
        assertArrayEquals(one.crossValidation().orElseThrow().loss(), three.crossValidation().orElseThrow().loss(), 0.0);
        assertEquals(one.k(), three.k());
        KnnMatchingFit fixed = KnnMatching.spec().k(one.k()).fit(data.table(), data.roles());
        assertTrue(fixed.crossValidation().isEmpty());
        double[][] expected = fixed.cate();
        double[][] actual = three.cate();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
        }
        assertTrue(three.toString().contains("chosen from [2, 5, 15, 40, 120, 400, 700] by 5-fold cross-validated R-loss"),
                three::toString);
        assertEquals(GRID.length, three.crossValidation().orElseThrow().table().rowCount());
    }

    @Test
    void aCandidateLargerThanAnArmOfTheTrainingFoldsIsRefusedWithTheLimit() {
        KnnData data = smooth(7);   // 1,000 per arm: 800 in the training folds of 5-fold CV
        DataException error = assertThrows(DataException.class,
                () -> KnnMatching.spec().kByCrossValidation(10, 900).fit(data.table(), data.roles()));
        assertTrue(error.getMessage().contains("has 800 in the training folds") && error.getMessage().contains("Drop candidates above 800"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KnnMatching.spec().kByCrossValidation(50, 10));
        assertThrows(IllegalArgumentException.class, () -> KnnMatching.spec().kByCrossValidation(50));
    }
}
