package dev.tailor.datasets;

import dev.tailor.data.Roles;
import dev.tailor.design.Allocation;
import dev.tailor.design.Arms;
import dev.tailor.design.Assignment;
import dev.tailor.design.Design;
import dev.tailor.estimate.EffectTable;
import dev.tailor.estimate.Ols;
import dev.tailor.forest.CausalForest;
import dev.tailor.forest.CausalForestFit;
import dev.tailor.match.KnnMatching;
import dev.tailor.match.KnnMatchingSpec;
import dev.tailor.policy.Policy;
import dev.tailor.policy.RuleAssignment;
import dev.tailor.policy.RuleEffects;
import dev.tailor.policy.RuleExperiment;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The registered two-phase Conecta Ideas study run end to end on one simulated population, with the steps and
 * seeds of the school-year and summer notebooks: Phase 1 (stratified by prior-week login; school year 20% control
 * and 5% per pair, summer 20% per arm), OLS best arm, multi-arm causal forest with the design's propensities and
 * kNN argmax rules, a seeded random rule, then the Phase 2 rule experiment (half treated within each rule arm).
 * It lets a notebook rerun the whole study under another simulator setting (e.g. a heterogeneity scale) in one
 * line. Immutable; every wither returns a new spec.
 *
 * <pre>{@code
 * ConectaStudyRun run = ConectaStudy.of(ConectaIdeas.schoolYear().heterogeneityScale(2)).parents(100_000)
 *         .forest(CausalForest.spec().trees(200).seed(11L)).run();
 * run.regret("CF") < run.regret("Best")
 * }</pre>
 *
 * @param context the simulator (school year or summer, with its effect and heterogeneity scales)
 * @param parents population size
 * @param forest  causal forest settings; the design's known propensities are added at fit time. Default: 200
 *                trees, seed 11
 * @param knn     kNN matcher settings; default k = 50
 */
public record ConectaStudy(ConectaIdeas context, int parents, CausalForest forest, KnnMatchingSpec knn) {

    // The notebooks' seeds, so that a run at the notebook's settings reproduces its numbers.
    private static final long POPULATION_SEED = 2023L;
    private static final long PHASE1_DESIGN_SEED = 20231009L;
    private static final long PHASE1_OUTCOME_SEED = 7L;
    private static final long RANDOM_RULE_SEED = 5L;
    private static final long PHASE2_DESIGN_SEED = 20240301L;
    private static final long PHASE2_OUTCOME_SEED = 8L;

    public ConectaStudy {
        Objects.requireNonNull(context, "context must be ConectaIdeas.schoolYear() or ConectaIdeas.summer(), got null.");
        Objects.requireNonNull(forest, "forest must be a CausalForest spec, e.g. CausalForest.spec().trees(200), got null.");
        Objects.requireNonNull(knn, "knn must be a KnnMatching spec, e.g. KnnMatching.spec().k(50), got null.");
        if (parents < 1_000) {
            throw new IllegalArgumentException("The study needs at least 1,000 parents (Phase 1 has 17 arms), got " + parents + ".");
        }
    }

    /** The study on {@code context} with 100,000 parents, a 200-tree forest (seed 11) and k = 50. */
    public static ConectaStudy of(ConectaIdeas context) {
        return new ConectaStudy(context, 100_000, CausalForest.spec().trees(200).seed(11L), KnnMatching.spec().k(50));
    }

    public ConectaStudy parents(int n) {
        return new ConectaStudy(context, n, forest, knn);
    }

    public ConectaStudy forest(CausalForest spec) {
        return new ConectaStudy(context, parents, spec, knn);
    }

    public ConectaStudy knn(KnnMatchingSpec spec) {
        return new ConectaStudy(context, parents, forest, spec);
    }

    /** Runs both phases and returns each rule's true Phase 2 value, its estimated effect and the CF − Best contrast. */
    public ConectaStudyRun run() {
        boolean schoolYear = context.context() == ConectaIdeas.Context.SCHOOL_YEAR;
        Population population = context.population(parents, POPULATION_SEED);
        Arms arms = context.arms();
        Design design = Design.named(context.context().label() + " phase 1")
                .arms(arms)
                .allocation(schoolYear ? Allocation.controlShare(0.20) : Allocation.equal())
                .stratifyBy("prior_login")
                .seed(PHASE1_DESIGN_SEED)
                .build();
        Assignment phase1 = design.randomize(population.covariates());
        Table observed = population.observe(phase1.data(), "arm", Phase.ONE, PHASE1_OUTCOME_SEED);
        Roles roles = Roles.outcome("login").treatment("arm").arms(arms).strata("prior_login");
        EffectTable ols = Ols.spec().fit(observed, roles).effects();
        Roles withCovariates = roles.covariates(Population.COVARIATES);
        CausalForestFit cateForest = forest.knownPropensities(design.shares()).fit(observed, withCovariates);
        double[][] knnCate = knn.fit(observed, withCovariates).cate();

        Policy best = Policy.always(ols.best()).named("Best");
        Policy cf = Policy.argmax("CF", cateForest.cate()).withArms(arms);
        Policy nn = Policy.argmax("NN", knnCate).withArms(arms);
        Policy random = Policy.random(arms, RANDOM_RULE_SEED).named("Random");
        RuleExperiment experiment = RuleExperiment.named(context.context().label() + " phase 2")
                .rules(best, cf, nn, random)
                .stratifyBy(schoolYear ? "prior_login_phase2" : "prior_login")
                .seed(PHASE2_DESIGN_SEED)
                .build();
        RuleAssignment phase2 = experiment.randomize(population.covariates(), arms, "arm");
        Table observed2 = population.observe(phase2.data(), "arm", Phase.TWO, PHASE2_OUTCOME_SEED);
        RuleEffects effects = phase2.analyze(observed2, "login");
        String label = "h = " + trim(context.heterogeneityScale());
        return ConectaStudyRun.of(label, List.of(best, cf, nn, random), population.oracle(Phase.TWO), effects);
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
