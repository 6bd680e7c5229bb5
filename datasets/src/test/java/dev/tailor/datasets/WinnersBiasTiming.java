package dev.tailor.datasets;

import dev.tailor.forest.RegressionForest;
import dev.tailor.forest.Regressor;
import dev.tailor.policy.Policy;
import dev.tailor.policy.tree.PolicyTree;
import dev.tailor.policy.tree.RewardMatrix;
import dev.tailor.welfare.ArtificialTestData;
import dev.tailor.welfare.WelfareColumns;
import dev.tailor.welfare.WelfareOutcome;
import dev.tailor.welfare.WelfareSpec;
import dev.tailor.welfare.WinnersBias;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Not a test: times the winner's-bias correction at the study size (n = 3,870): the seven nuisance forests, then B
 * replicates evaluating 5 policies and 6 comparisons with the cell estimator. Run by hand after
 * {@code ./mvnw -q -B -o -pl datasets -am test-compile}:
 * {@code java -cp datasets/target/test-classes:datasets/target/classes:dsl/target/classes:<dependency classpath>
 * dev.tailor.datasets.WinnersBiasTiming [trees] [replicates] [threads]} (defaults 500, 100, 2). Prints process CPU
 * seconds and wall seconds per phase.
 */
final class WinnersBiasTiming {

    private WinnersBiasTiming() {
    }

    public static void main(String[] args) {
        int trees = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int replicates = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        EnergyHouseholds sample = EnergyRebate.trial().studySample(20200824L);
        Table data = sample.data();
        int[] arm = sample.assignment();
        WelfareOutcome welfare = WelfareSpec.energyRebate().construct(data, WelfareColumns.energyRebate());
        RewardMatrix rewards = RewardMatrix.ipw(welfare.outcomes(), arm, "U", "T", "S");
        String[] features = EnergyHouseholds.POLICY_COVARIATES.toArray(String[]::new);
        Policy star = Policy.fromAssignments(PolicyTree.spec().depth(2).splitStep(20).features(features).fit(data, rewards)
                .predict(data), "G*");
        Policy dagger = Policy.fromAssignments(PolicyTree.spec().depth(2).splitStep(20).features(features)
                .fit(data, rewards.keepActions("U", "T")).predict(data), "G†");
        Policy allU = Policy.always(sample.arms().get("U"));
        Policy allT = Policy.always(sample.arms().get("T"));
        Policy allS = Policy.always(sample.arms().get("S"));
        Policy[] policies = {allU, allT, allS, dagger, star};
        Policy[][] pairs = {{allS, allT}, {dagger, allT}, {dagger, allS}, {star, allT}, {star, allS}, {star, dagger}};
        WinnersBias spec = WinnersBias.spec().replicates(replicates).seed(1)
                .regressor(Regressor.forest(RegressionForest.spec().trees(trees).seed(1).threads(threads)));
        long cpu0 = cpu();
        long wall0 = System.nanoTime();
        ArtificialTestData testData = spec.fit(data, welfare, "arm", EnergyHouseholds.COVARIATES);
        long cpu1 = cpu();
        long wall1 = System.nanoTime();
        testData.evaluate(policies, pairs);
        long cpu2 = cpu();
        long wall2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "n = %d, %d trees per forest, %d threads: nuisance fits %.1f CPU-s (%.1f s wall)%n",
                data.rowCount(), trees, threads, (cpu1 - cpu0) / 1e9, (wall1 - wall0) / 1e9);
        System.out.printf(Locale.ROOT, "B = %d replicates, 5 policies + 6 comparisons: %.1f CPU-s (%.1f s wall)%n", replicates,
                (cpu2 - cpu1) / 1e9, (wall2 - wall1) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
