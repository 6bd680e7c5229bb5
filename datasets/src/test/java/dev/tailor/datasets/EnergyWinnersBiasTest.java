package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.forest.RegressionForest;
import dev.tailor.forest.Regressor;
import dev.tailor.policy.Policy;
import dev.tailor.policy.tree.PolicyTree;
import dev.tailor.policy.tree.PolicyTreeFit;
import dev.tailor.policy.tree.RewardMatrix;
import dev.tailor.welfare.ArtificialTestData;
import dev.tailor.welfare.WelfareColumns;
import dev.tailor.welfare.WelfareOutcome;
import dev.tailor.welfare.WelfareSpec;
import dev.tailor.welfare.WinnersBias;
import dev.tailor.welfare.WinnersBiasTable;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Methods spec §2.14 TP2 on the §3.2 energy DGP: over several study samples, the artificial-test-data value of a
 * learned tree is on average closer to its true value than the in-sample value is. The true value is the oracle's
 * welfare gain of the tree's assignment of the same households (the estimand of the cell estimator given X).
 */
class EnergyWinnersBiasTest {

    /** {mean in-sample − true, mean corrected − true} over {@code seeds} study samples. */
    static double[] meanErrors(int seeds, int replicates, int trees) {
        double train = 0;
        double test = 0;
        for (long s = 1; s <= seeds; s++) {
            EnergyHouseholds sample = EnergyRebate.trial().studySample(100 + s);
            Table data = sample.data();
            int[] arm = sample.assignment();
            WelfareOutcome welfare = WelfareSpec.energyRebate().construct(data, WelfareColumns.energyRebate());
            // Raw IPW rewards, as in the paper's eq. 7: the search fits arm-count noise, so the bias is large.
            RewardMatrix rewards = RewardMatrix.ipw(welfare.outcomes(), arm, "U", "T", "S");
            PolicyTreeFit tree = PolicyTree.spec().depth(2).splitStep(20)
                    .features(EnergyHouseholds.POLICY_COVARIATES.toArray(String[]::new)).fit(data, rewards);
            int[] assignment = tree.predict(data);
            Policy learned = Policy.fromAssignments(assignment, "tree");
            ArtificialTestData testData = WinnersBias.spec().replicates(replicates).seed(s)
                    .regressor(Regressor.forest(RegressionForest.spec().trees(trees).seed(s)))
                    .fit(data, welfare, "arm", EnergyHouseholds.COVARIATES);
            WinnersBiasTable.Row row = testData.evaluate(new Policy[] {learned}, new Policy[0][]).policy("tree");
            double truth = sample.oracle().value(assignment);
            train += row.inSample().estimate() - truth;
            test += row.corrected().estimate() - truth;
        }
        return new double[] {train / seeds, test / seeds};
    }

    @Test
    void onAverageTheCorrectedValueOfALearnedTreeIsCloserToTheTruthThanItsInSampleValue() {
        double[] errors = meanErrors(6, 10, 100);
        // Recorded: ratio 0.36 (in-sample +95.2, corrected +34.4).
        System.out.printf(Locale.ROOT, "TP2 (6 samples): mean in-sample − true %.1f, corrected − true %.1f, ratio %.2f%n",
                errors[0], errors[1], Math.abs(errors[1]) / Math.abs(errors[0]));
        assertTrue(errors[0] > 0, "the in-sample value should overstate the truth on average: " + errors[0]);
        assertTrue(Math.abs(errors[1]) < Math.abs(errors[0]), "corrected error " + errors[1] + " vs in-sample " + errors[0]);
    }

    @Test
    @Tag("heavy")
    void overTwentySamplesTheCorrectedValueIsStillCloserToTheTruth() {
        double[] errors = meanErrors(20, 50, 300);
        System.out.printf(Locale.ROOT, "TP2 heavy (20 samples): mean in-sample − true %.1f, corrected − true %.1f, ratio %.2f%n",
                errors[0], errors[1], Math.abs(errors[1]) / Math.abs(errors[0]));
        // Recorded: ratio 0.71 (in-sample +144.0, corrected +102.5). The correction keeps part of the bias because the
        // OOB mean forests still carry neighbours' noise into m̂ in the regions the tree picked.
        assertTrue(Math.abs(errors[1]) < Math.abs(errors[0]), "corrected error " + errors[1] + " vs in-sample " + errors[0]);
    }
}
