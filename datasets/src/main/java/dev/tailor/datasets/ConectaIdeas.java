package dev.tailor.datasets;

import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The Conecta Ideas push-notification simulator (methods spec §3.1): an immutable spec for one context, school
 * year or summer, from which seeded populations are drawn.
 *
 * <pre>{@code
 * ConectaIdeas sim = ConectaIdeas.schoolYear().heterogeneityScale(2);
 * Population people = sim.population(100_000, 7L);
 * Oracle truth = people.oracle(Phase.ONE);            // true ATEs of the 16 ordered pairs, best arm, oracle value
 * }</pre>
 *
 * <p>Outcomes depend only on observed covariates plus independent noise, so the {@link Oracle} is exact. The
 * school year offers 16 ordered message pairs (Monday, Thursday) in {T,P,R,F}², the summer the 4 single
 * messages; arm 0 is always the no-message control.
 *
 * <p>Readings of the spec that the code had to choose:
 * <ul>
 *   <li>School size is LogNormal with arithmetic mean 300 (log-scale mean ln 300 − 0.18). Only the level of
 *       log_school_size depends on this; no outcome uses school size.</li>
 *   <li>School-year Phase 2 uses the re-measured login L0' wherever the formulas use the context's login L:
 *       in b(x), in θ_R and in the minutes. The spec's Phase-2 reference values used L0, so they are
 *       approximate.</li>
 *   <li>Summer has no re-measured login: both summer phases use L0s and the 2% base, so their truths agree.</li>
 *   <li>θ̄_m, the mean that {@link #heterogeneityScale(double)} stretches about, is the mean over the drawn
 *       population and phase.</li>
 *   <li>math_z is standardized with the population SD (divide by n).</li>
 * </ul>
 */
public final class ConectaIdeas {

    /** The two implementations of the experiment, which differ in baseline, stratifier and catalog. */
    public enum Context {

        /** October–December 2023: 16 ordered pairs, base login 42% (Phase 1) and 36% (Phase 2). */
        SCHOOL_YEAR("school year"),

        /** January–February 2024: 4 single messages, base login 2% in both phases. */
        SUMMER("summer");

        private final String label;

        Context(String label) {
            this.label = label;
        }

        /** "school year" or "summer". */
        public String label() {
            return label;
        }
    }

    /** The four base messages, in the catalog order that fixes the arm indices. */
    static final String[] MESSAGES = {"T", "P", "R", "F"};

    private final Context context;
    private final double effectScale;
    private final double heterogeneityScale;

    private ConectaIdeas(Context context, double effectScale, double heterogeneityScale) {
        this.context = context;
        this.effectScale = requireFinite(effectScale, "effectScale");
        this.heterogeneityScale = requireFinite(heterogeneityScale, "heterogeneityScale");
    }

    /** The school-year experiment: control plus the 16 ordered pairs TT, TP, TR, TF, PT, …, FF. */
    public static ConectaIdeas schoolYear() {
        return new ConectaIdeas(Context.SCHOOL_YEAR, 1, 1);
    }

    /** The summer experiment: control plus the single messages T, P, R, F. */
    public static ConectaIdeas summer() {
        return new ConectaIdeas(Context.SUMMER, 1, 1);
    }

    /**
     * The same spec with every message effect η multiplied by {@code scale} (default 1): 0 switches all
     * effects off, 2 doubles them on the logit scale.
     */
    public ConectaIdeas effectScale(double scale) {
        return new ConectaIdeas(context, scale, heterogeneityScale);
    }

    /**
     * The same spec with each message effect θ_m(x) replaced by θ̄_m + h·(θ_m(x) − θ̄_m), θ̄_m its population
     * mean (default h = 1). h = 0 removes effect heterogeneity in x, h = 2 is a regime where personalization
     * should beat the best single arm.
     */
    public ConectaIdeas heterogeneityScale(double h) {
        return new ConectaIdeas(context, effectScale, h);
    }

    public Context context() {
        return context;
    }

    public double effectScale() {
        return effectScale;
    }

    public double heterogeneityScale() {
        return heterogeneityScale;
    }

    /**
     * The arm catalog: control first, then the ordered pairs TT, TP, TR, TF, PT, …, FF (school year) or the
     * single messages T, P, R, F (summer). Arm k of the catalog is value k of an arm column.
     */
    public Arms arms() {
        return context == Context.SCHOOL_YEAR
                ? Arms.orderedPairs(MESSAGES).withControl("control")
                : Arms.of(MESSAGES).withControl("control");
    }

    /** The target mean control login probability, mean Λ(b(x)), that the intercept is solved for. */
    public double baseRate(Phase phase) {
        Objects.requireNonNull(phase, "phase");
        if (context == Context.SUMMER) {
            return 0.02;
        }
        return phase == Phase.ONE ? 0.42 : 0.36;
    }

    /**
     * Draws a population of J = 2,000 schools and {@code n} students; the same (n, seed) gives the same
     * people in both contexts, because every covariate (all three prior-week logins included) is always drawn.
     *
     * <p>Draw order, fixed so that a seed reproduces the data exactly: a {@link SplittableRandom} seeded with
     * {@code seed} is split once for the schools and once for the students (in that order). Schools j = 0..1,999
     * each draw size, public, urban, region, active share, teacher active; then students i = 0..n−1 each draw
     * school (∝ size), grade, female, E, prior_weeks (30 Bernoulli trials), L0, L0s, L0', maths noise. The raw
     * maths score is then standardized over the n students. Normals use Box–Muller, so no JDK-specific
     * Gaussian algorithm is involved. Cost: about 40 uniforms per student; 100,000 students take well under a
     * second.
     *
     * @param n    number of students, at least 2 (math_z is standardized); the study had about 100,000
     * @param seed any long; populations for different seeds are independent
     */
    public Population population(int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("A Conecta Ideas population needs at least 2 students (math_z is "
                    + "standardized over them), got n = " + n + ". The study had about 100,000.");
        }
        SplittableRandom root = new SplittableRandom(seed);
        Draws schoolDraws = new Draws(root.split());
        Draws studentDraws = new Draws(root.split());
        Schools schools = Schools.draw(schoolDraws);
        Students students = Students.draw(schools, n, studentDraws);
        return new Population(this, seed, schools, students);
    }

    /** "school year" or "summer", plus any non-default knob. */
    String describe() {
        StringBuilder out = new StringBuilder(context.label());
        if (effectScale != 1) {
            out.append(", effect ×").append(Fmt.fixed(effectScale, 2));
        }
        if (heterogeneityScale != 1) {
            out.append(", heterogeneity ×").append(Fmt.fixed(heterogeneityScale, 2));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConectaIdeas that && context == that.context
                && Double.compare(effectScale, that.effectScale) == 0
                && Double.compare(heterogeneityScale, that.heterogeneityScale) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(context, effectScale, heterogeneityScale);
    }

    @Override
    public String toString() {
        return "ConectaIdeas[" + context.label() + ", " + (arms().size() - 1) + " treatment arms + control"
                + ", effectScale " + Fmt.fixed(effectScale, 2) + ", heterogeneityScale " + Fmt.fixed(heterogeneityScale, 2)
                + ", base login " + Fmt.pp(baseRate(Phase.ONE), 0) + "% (phase 1), " + Fmt.pp(baseRate(Phase.TWO), 0)
                + "% (phase 2)]";
    }

    private static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number (1 is the calibrated default), got "
                    + value + ".");
        }
        return value;
    }
}
