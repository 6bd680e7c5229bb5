package dev.tailor.match;

import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The choice of k for {@link KnnMatching} by V-fold cross-validated R-loss (methods spec §2.5 "Tuning"), and the
 * curve behind it. Immutable; prints as the curve, renders as an HTML table, converts to a table with one row per
 * candidate.
 *
 * <p><b>Criterion.</b> Each unit i is held out once. A matcher fitted on the other folds (standardized with their
 * mean and SD, as a fit on them alone would be) predicts μ̂_a(x_i) for every arm a and every candidate k, and
 * τ̂_a = μ̂_a − μ̂_0. The held-out loss is the multi-arm R-loss (Nie and Wager's Robinson residual loss)
 * <pre>  ℓ_i(k) = [ (Y_i − m̂(x_i)) − Σ_{a≥1} (1{W_i = a} − ê_a) τ̂_a(x_i; k) ]²</pre>
 * with ê_a the arm shares of the training folds and m̂(x) = Σ_a ê_a μ̂_a(x) at the largest candidate k, the same
 * for every candidate. The chosen k minimizes the mean of ℓ_i(k) (ties to the smaller k).
 *
 * <p><b>Why the R-loss.</b> k is a CATE tuning parameter, and the outcome MSE of μ̂_{W_i} would tune the arm means
 * instead: it rewards getting the baseline level right, which dominates τ. In a randomized experiment with
 * constant propensities, W is independent of X, so given x the expected R-loss is
 * (m(x) − m̂(x))² + (τ − τ̂)ᵀ Σ_e (τ − τ̂) + σ²(x), with Σ_e = diag(e) − eeᵀ the covariance of the arm indicators:
 * the only term that depends on k is a weighted squared CATE error. m̂ enters only through a term that is the same
 * for every candidate, so any fixed m̂ leaves the ranking unbiased; a good m̂ just makes it less noisy. The
 * transformed-outcome (IPW) MSE is also unbiased but far noisier, since it divides by small arm shares. Caveat:
 * the arm shares stand in for the propensities, so the criterion assumes assignment probabilities that do not
 * depend on x (complete or stratified randomization with equal shares across strata).
 *
 * <p><b>Folds.</b> Within each arm the rows are shuffled with the seed and dealt to folds in turn, so every fold
 * holds 1/V of every arm (sizes differ by at most one). The fold of every row is {@link #folds()}.
 *
 * <p><b>Cost.</b> One exact search per held-out row and arm for the largest candidate; every smaller k reuses its
 * nearest-first neighbour list. That is about (V − 1)/V · n² distance evaluations, a little more than the
 * leave-one-out fit itself. Each row's loss is computed on its own and summed in row order, so the result is
 * identical for any thread count.
 */
public final class KnnCrossValidation implements Rendered {

    private static final int CHUNK = 256;
    static final List<String> HEADER = List.of("k", "R-loss", "minus chosen", "SE of difference", "");

    private final int[] candidates;
    private final int foldCount;
    private final long seed;
    private final int[] fold;
    private final double[] loss;
    private final double[] differenceSe;
    private final int chosen;
    private final String tableName;

    private KnnCrossValidation(KSelection.CrossValidated cv, int[] fold, double[][] rowLoss, String tableName) {
        this.candidates = cv.candidates();
        this.foldCount = cv.folds();
        this.seed = cv.seed();
        this.fold = fold;
        this.tableName = tableName;
        int n = fold.length;
        loss = new double[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += rowLoss[c][i];
            }
            loss[c] = sum / n;
        }
        int best = 0;
        for (int c = 1; c < candidates.length; c++) {
            if (loss[c] < loss[best]) {
                best = c;
            }
        }
        chosen = best;
        // Paired SE of each candidate's loss minus the chosen one's: is the curve's minimum clear?
        differenceSe = new double[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            double mean = loss[c] - loss[chosen];
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = rowLoss[c][i] - rowLoss[chosen][i] - mean;
                ss += d * d;
            }
            differenceSe[c] = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
        }
    }

    /** The k with the lowest cross-validated R-loss. */
    public int chosenK() {
        return candidates[chosen];
    }

    /** The candidate k values, increasing. */
    public int[] candidates() {
        return candidates.clone();
    }

    /** Mean held-out R-loss of each candidate, in the order of {@link #candidates()}. */
    public double[] loss() {
        return loss.clone();
    }

    /** Standard error of each candidate's mean R-loss minus the chosen one's (paired over rows; 0 for the chosen). */
    public double[] differenceStdErrors() {
        return differenceSe.clone();
    }

    /** The fold (0..V−1) of every row of the training table. */
    public int[] folds() {
        return fold.clone();
    }

    public int foldCount() {
        return foldCount;
    }

    public long seed() {
        return seed;
    }

    /**
     * Deals the rows of each arm to {@code folds} folds after a seeded shuffle: every fold gets ⌊n_a/V⌋ or ⌈n_a/V⌉
     * rows of arm a.
     */
    static int[] assignFolds(int[] w, int arms, int folds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[w.length];
        for (int a = 0; a < arms; a++) {
            int arm = a;
            int[] rows = IntStream.range(0, w.length).filter(i -> w[i] == arm).toArray();
            for (int t = rows.length - 1; t > 0; t--) {
                int s = random.nextInt(t + 1);
                int swap = rows[t];
                rows[t] = rows[s];
                rows[s] = swap;
            }
            for (int t = 0; t < rows.length; t++) {
                fold[rows[t]] = t % folds;
            }
        }
        return fold;
    }

    /**
     * Runs the cross-validation on raw covariate columns (constant ones already dropped), outcomes y and arm
     * indices w.
     */
    static KnnCrossValidation run(KSelection.CrossValidated cv, List<double[]> columns, List<String> names, double[] y, int[] w,
            Arms arms, KnnMatchingSpec spec, String tableName) {
        int n = y.length;
        int armCount = arms.size();
        int folds = cv.folds();
        int[] fold = assignFolds(w, armCount, folds, cv.seed());
        int[] candidates = cv.candidates();
        int largest = cv.largest();
        double[][] rowLoss = new double[candidates.length][n];
        ForkJoinPool pool = new ForkJoinPool(spec.threads());
        try {
            for (int f = 0; f < folds; f++) {
                int held = f;
                int[] train = IntStream.range(0, n).filter(i -> fold[i] != held).toArray();
                int[] test = IntStream.range(0, n).filter(i -> fold[i] == held).toArray();
                Scaled scaled = Scaled.of(columns, train, test, spec.standardization());
                int p = scaled.p;
                if (p == 0) {
                    throw new DataException("Every covariate (" + String.join(", ", names) + ") is constant in the training"
                            + " folds of cross-validation fold " + (f + 1) + " of table \"" + tableName + "\". Add covariates"
                            + " that vary, or fix k with KnnMatching.spec().k(K).");
                }
                int[] trainArm = new int[train.length];
                double[] trainY = new double[train.length];
                long[] counts = new long[armCount];
                for (int t = 0; t < train.length; t++) {
                    trainArm[t] = w[train[t]];
                    trainY[t] = y[train[t]];
                    counts[trainArm[t]]++;
                }
                double[] share = new double[armCount];
                for (int a = 0; a < armCount; a++) {
                    if (counts[a] < largest) {
                        throw new DataException("Cross-validating k up to " + largest + " needs at least " + largest + " units of"
                                + " every arm in each training fold, but arm \"" + arms.get(a).name() + "\" has " + Fmt.count(counts[a])
                                + " in the training folds of fold " + (f + 1) + " of " + folds + " (table \"" + tableName + "\")."
                                + " Drop candidates above " + counts[a] + " or use fewer folds.");
                    }
                    share[a] = (double) counts[a] / train.length;
                }
                boolean tree = spec.search() == NeighbourSearch.KD_TREE || (spec.search() == NeighbourSearch.AUTO && p <= 4);
                NeighbourIndex[] index = new NeighbourIndex[armCount];
                for (int a = 0; a < armCount; a++) {
                    int arm = a;
                    int[] subset = IntStream.range(0, train.length).filter(t -> trainArm[t] == arm).toArray();
                    index[a] = tree ? new KdTree(scaled.train, p, subset) : new ScanIndex(scaled.train, p, subset);
                }
                int chunks = (test.length + CHUNK - 1) / CHUNK;
                pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> lossOfChunk(c * CHUNK,
                        Math.min(test.length, (c + 1) * CHUNK), test, scaled.test, p, index, trainY, share, candidates, y, w,
                        rowLoss))).join();
            }
        } finally {
            pool.shutdown();
        }
        return new KnnCrossValidation(cv, fold, rowLoss, tableName);
    }

    // Held-out rows test[from..to): neighbours for the largest k, prefix means for every candidate, then the R-loss.
    private static void lossOfChunk(int from, int to, int[] test, double[] testX, int p, NeighbourIndex[] index,
            double[] trainY, double[] share, int[] candidates, double[] y, int[] w, double[][] rowLoss) {
        int largest = candidates[candidates.length - 1];
        int arms = index.length;
        int rows = to - from;
        int[][] out = new int[rows][largest];
        int[] counts = new int[rows];
        int[] exclude = new int[rows];
        Arrays.fill(exclude, -1);
        KdTree.Scratch scratch = KdTree.scratch(p, largest);
        ScanIndex.Workspace workspace = new ScanIndex.Workspace(p, largest);
        double[] q = new double[p];
        double[][][] mu = new double[rows][candidates.length][arms];
        for (int a = 0; a < arms; a++) {
            if (index[a] instanceof ScanIndex scan) {
                scan.searchBlock(testX, from, to, largest, exclude, workspace, out, counts);
            } else {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(testX, (from + r) * p, q, 0, p);
                    counts[r] = index[a].search(q, largest, -1, scratch, out[r]);
                }
            }
            for (int r = 0; r < rows; r++) {
                // Summed nearest first, as a fit with that k sums them, so each mean equals its prediction exactly.
                double sum = 0;
                int c = 0;
                for (int t = 0; t < counts[r] && c < candidates.length; t++) {
                    sum += trainY[out[r][t]];
                    while (c < candidates.length && candidates[c] == t + 1) {
                        mu[r][c][a] = sum / (t + 1);
                        c++;
                    }
                }
            }
        }
        int top = candidates.length - 1;
        for (int r = 0; r < rows; r++) {
            int i = test[from + r];
            double mHat = 0;
            for (int a = 0; a < arms; a++) {
                mHat += share[a] * mu[r][top][a];
            }
            for (int c = 0; c < candidates.length; c++) {
                double fitted = 0;
                for (int a = 1; a < arms; a++) {
                    fitted += ((w[i] == a ? 1 : 0) - share[a]) * (mu[r][c][a] - mu[r][c][0]);
                }
                double residual = y[i] - mHat - fitted;
                rowLoss[c][i] = residual * residual;
            }
        }
    }

    // Covariates of the training and held-out rows, scaled with the training rows' mean and SD as a fit on the
    // training rows alone would scale them (columns constant there are dropped, as such a fit drops them).
    private record Scaled(double[] train, double[] test, int p) {

        static Scaled of(List<double[]> columns, int[] train, int[] test, Standardization standardization) {
            List<double[]> kept = new ArrayList<>();
            List<double[]> scaling = new ArrayList<>();
            for (double[] values : columns) {
                double mean = 0;
                for (int i : train) {
                    mean += values[i];
                }
                mean /= train.length;
                double ss = 0;
                boolean varies = false;
                for (int i : train) {
                    ss += (values[i] - mean) * (values[i] - mean);
                    varies |= values[i] != values[train[0]];
                }
                double sd = train.length > 1 ? Math.sqrt(ss / (train.length - 1)) : 0;
                if (!varies || !(sd > 0)) {
                    continue;
                }
                kept.add(values);
                boolean z = standardization == Standardization.Z_SCORE;
                scaling.add(new double[] {z ? mean : 0.0, z ? sd : 1.0});
            }
            int p = kept.size();
            return new Scaled(scale(kept, scaling, train), scale(kept, scaling, test), p);
        }

        private static double[] scale(List<double[]> kept, List<double[]> scaling, int[] rows) {
            int p = kept.size();
            double[] x = new double[rows.length * p];
            for (int j = 0; j < p; j++) {
                double[] values = kept.get(j);
                double center = scaling.get(j)[0];
                double scale = scaling.get(j)[1];
                for (int t = 0; t < rows.length; t++) {
                    x[t * p + j] = (values[rows[t]] - center) / scale;
                }
            }
            return x;
        }
    }

    private String title() {
        return "Choice of k by " + foldCount + "-fold cross-validated R-loss (fold seed " + seed + "), " + Fmt.count(fold.length)
                + " rows of \"" + tableName + "\": k = " + chosenK();
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < candidates.length; c++) {
            rows.add(List.of(Integer.toString(candidates[c]), sig(loss[c]), c == chosen ? "0" : sig(loss[c] - loss[chosen]),
                    c == chosen ? "" : sig(differenceSe[c]), c == chosen ? "chosen" : ""));
        }
        return rows;
    }

    private static String sig(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static final String NOTE = "R-loss: mean over held-out rows of [(Y − m̂) − Σ_a (1{W = a} − ê_a) τ̂_a]²; only its"
            + " differences between candidates matter.";

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader(HEADER.toArray(String[]::new));
        for (List<String> row : rows()) {
            text.row(row.toArray(String[]::new));
        }
        return title() + "\n" + text + NOTE + "\n";
    }

    @Override
    public String toHtml() {
        return Html.table(title(), HEADER, rows(), List.of(NOTE));
    }

    /** One row per candidate: k, mean R-loss, difference from the chosen k and its SE, and whether it was chosen. */
    @Override
    public Table table() {
        BooleanColumn isChosen = BooleanColumn.create("chosen");
        for (int c = 0; c < candidates.length; c++) {
            isChosen.append(c == chosen);
        }
        double[] difference = new double[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            difference[c] = loss[c] - loss[chosen];
        }
        return Table.create("kNN k by cross-validated R-loss", IntColumn.create("k", candidates), DoubleColumn.create("r_loss", loss),
                DoubleColumn.create("minus_chosen", difference), DoubleColumn.create("difference_se", differenceSe), isChosen);
    }
}
