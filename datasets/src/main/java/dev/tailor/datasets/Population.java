package dev.tailor.datasets;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.design.Arms;
import dev.tailor.render.Fmt;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One seeded draw of Conecta Ideas students (made by {@link ConectaIdeas#population(int, long)}): their
 * covariates, their outcomes under any assignment, and the exact oracle. Immutable; every method that draws
 * takes its own seed.
 *
 * <pre>{@code
 * Population people = ConectaIdeas.schoolYear().population(100_000, 7L);
 * Table x = people.covariates();                                  // id, school, grade, ..., prior_login, math_z
 * Table observed = people.observe(assigned, "arm", Phase.ONE, 11L);   // adds login, minutes, exercises
 * }</pre>
 */
public final class Population {

    /** The 12 pre-treatment covariates X of the spec, as column names of {@link #covariates()}. */
    public static final List<String> COVARIATES = List.of("grade", "female", "urban", "region_highlands",
            "region_jungle", "public_school", "log_school_size", "active_share", "teacher_active", "prior_weeks",
            "prior_login", "math_z");

    private final ConectaIdeas spec;
    private final long seed;
    private final Schools schools;
    private final Students students;

    Population(ConectaIdeas spec, long seed, Schools schools, Students students) {
        this.spec = spec;
        this.seed = seed;
        this.schools = schools;
        this.students = students;
    }

    public ConectaIdeas spec() {
        return spec;
    }

    /** The seed the population was drawn with. */
    public long seed() {
        return seed;
    }

    /** Number of students n. */
    public int size() {
        return students.size();
    }

    /** The arm catalog of the context; arm k is value k of an arm column. */
    public Arms arms() {
        return spec.arms();
    }

    /**
     * The students' covariates, one row per student, named "conecta-ideas school year" or "conecta-ideas
     * summer". Columns: id (0..n−1, the key {@link #observe} uses), school, grade, female, urban,
     * region_highlands, region_jungle, public_school, log_school_size, active_share, teacher_active,
     * prior_weeks, prior_login (the context's stratifier: L0 in the school year, L0s in summer), math_z, and
     * prior_login_phase2 (L0' in the school year; equal to L0s in summer, which has no re-measurement).
     */
    public Table covariates() {
        int n = size();
        int[] id = new int[n];
        int[] urban = new int[n];
        int[] highlands = new int[n];
        int[] jungle = new int[n];
        int[] pub = new int[n];
        double[] logSize = new double[n];
        double[] share = new double[n];
        int[] teacher = new int[n];
        for (int i = 0; i < n; i++) {
            int j = students.school()[i];
            id[i] = i;
            urban[i] = schools.urban()[j];
            highlands[i] = schools.region()[j] == 1 ? 1 : 0;
            jungle[i] = schools.region()[j] == 2 ? 1 : 0;
            pub[i] = schools.publicSchool()[j];
            logSize[i] = Math.log(schools.size()[j]);
            share[i] = schools.activeShare()[j];
            teacher[i] = schools.teacherActive()[j];
        }
        boolean schoolYear = spec.context() == ConectaIdeas.Context.SCHOOL_YEAR;
        int[] login = schoolYear ? students.loginSchool() : students.loginSummer();
        int[] loginPhase2 = schoolYear ? students.loginPhase2() : students.loginSummer();
        return Table.create(tableName(),
                IntColumn.create("id", id),
                IntColumn.create("school", students.school().clone()),
                IntColumn.create("grade", students.grade().clone()),
                IntColumn.create("female", students.female().clone()),
                IntColumn.create("urban", urban),
                IntColumn.create("region_highlands", highlands),
                IntColumn.create("region_jungle", jungle),
                IntColumn.create("public_school", pub),
                DoubleColumn.create("log_school_size", logSize),
                DoubleColumn.create("active_share", share),
                IntColumn.create("teacher_active", teacher),
                IntColumn.create("prior_weeks", students.weeks().clone()),
                IntColumn.create("prior_login", login.clone()),
                DoubleColumn.create("math_z", students.mathZ().clone()),
                IntColumn.create("prior_login_phase2", loginPhase2.clone()));
    }

    /**
     * The exact truth for a phase: login probabilities under every arm, CATEs, ATEs, the best arm and the
     * personalized oracle. Costs one pass of n × (K+1) logistic evaluations (about 1.7 million for 100,000
     * school-year students).
     */
    public Oracle oracle(Phase phase) {
        Objects.requireNonNull(phase, "phase");
        return new Oracle(this, phase, Indices.of(spec, this, phase));
    }

    /**
     * A copy of {@code assigned} with the phase's realized outcomes added as columns login (0/1), minutes
     * (double) and exercises (int). Rows are matched to students through the {@code id} column, so a subset
     * or a reordering of {@link #covariates()} works, and a student's outcomes depend only on (seed, phase,
     * id, arm): see {@link #outcomes(int[], Phase, long)} for the draw order.
     *
     * @param assigned  rows of this population with an id column and an arm column
     * @param armColumn integer arm indices 0..K, 0 = control, as in {@link #arms()}
     * @param phase     which phase's baseline and prior-week login to use
     * @param seed      the outcome seed; use a new one for each replication
     */
    public Table observe(Table assigned, String armColumn, Phase phase, long seed) {
        Objects.requireNonNull(assigned, "assigned");
        Objects.requireNonNull(phase, "phase");
        if (armColumn == null || armColumn.isBlank()) {
            throw new IllegalArgumentException("Name the arm column of table \"" + assigned.name()
                    + "\"; got a blank name.");
        }
        for (String added : List.of("login", "minutes", "exercises")) {
            if (assigned.containsColumn(added)) {
                throw new DataException("Table \"" + assigned.name() + "\" already has a column \"" + added
                        + "\", which observe() adds. Pass the assigned table before outcomes were observed, or "
                        + "remove the column first.");
            }
        }
        double[] rawArm = Columns.numeric(assigned, armColumn, "the arm column");
        double[] rawId = Columns.numeric(assigned, "id", "the student id");
        int rows = assigned.rowCount();
        int[] id = new int[rows];
        int[] arm = new int[rows];
        for (int r = 0; r < rows; r++) {
            id[r] = checkedId(rawId[r], r, assigned.name());
            arm[r] = checkedArm(rawArm[r], r, "Arm column \"" + armColumn + "\"");
        }
        Outcomes outcomes = draw(id, arm, phase, seed);
        Table observed = assigned.copy();
        observed.addColumns(IntColumn.create("login", outcomes.login()),
                DoubleColumn.create("minutes", outcomes.minutes()),
                IntColumn.create("exercises", outcomes.exercises()));
        return observed;
    }

    /**
     * Realized outcomes of every student: {@code arms[i]} is the arm of student i (0..K).
     *
     * <p>Draw order: the phase's stream is split number (1 for phase 1, 2 for phase 2) of
     * {@code new SplittableRandom(seed)}, so the same seed gives independent draws in the two phases. From it,
     * students i = 0..n−1 each take 4 uniforms whatever their arm: u for login (login = 1{u < p_k(x)}), 2 for
     * the minutes normal (Box–Muller), 1 for the Poisson count of exercises (inversion). So a student's
     * outcomes under two arms are coupled through the same uniforms, and never depend on other students' arms.
     */
    public Outcomes outcomes(int[] arms, Phase phase, long seed) {
        Objects.requireNonNull(arms, "arms");
        Objects.requireNonNull(phase, "phase");
        if (arms.length != size()) {
            throw new IllegalArgumentException("Expected one arm per student (" + Fmt.count(size()) + "), got "
                    + Fmt.count(arms.length) + ". To observe a subset, use observe(table, armColumn, phase, seed) "
                    + "with the id column.");
        }
        int[] id = new int[arms.length];
        for (int i = 0; i < arms.length; i++) {
            id[i] = i;
            checkedArm(arms[i], i, "Arms");
        }
        return draw(id, arms, phase, seed);
    }

    @Override
    public String toString() {
        double login = 0;
        double weeks = 0;
        int[] l = spec.context() == ConectaIdeas.Context.SCHOOL_YEAR ? students.loginSchool() : students.loginSummer();
        for (int i = 0; i < size(); i++) {
            login += l[i];
            weeks += students.weeks()[i];
        }
        return "Population — Conecta Ideas " + spec.describe() + ": " + Fmt.count(size()) + " students in "
                + Fmt.count(Schools.COUNT) + " schools (seed " + seed + "); prior-week login "
                + Fmt.pp(login / size(), 1) + "%, mean prior weeks " + Fmt.fixed(weeks / size(), 1) + " of 30; "
                + arms().size() + " arms: " + String.join(", ", arms().names());
    }

    Schools schools() {
        return schools;
    }

    Students students() {
        return students;
    }

    private String tableName() {
        return "conecta-ideas " + spec.context().label();
    }

    private Outcomes draw(int[] id, int[] arm, Phase phase, long seed) {
        Indices indices = Indices.of(spec, this, phase);
        int n = size();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom stream = root.split();
        if (phase == Phase.TWO) {
            stream = root.split();
        }
        // Uniforms for every student in id order, so outcomes do not depend on which rows are observed.
        Draws draws = new Draws(stream);
        double[] uLogin = new double[n];
        double[] zMinutes = new double[n];
        double[] uExercises = new double[n];
        for (int i = 0; i < n; i++) {
            uLogin[i] = draws.uniform();
            zMinutes[i] = draws.normal();
            uExercises[i] = draws.uniform();
        }
        int[] login = new int[id.length];
        double[] minutes = new double[id.length];
        int[] exercises = new int[id.length];
        for (int r = 0; r < id.length; r++) {
            int i = id[r];
            int k = arm[r];
            if (uLogin[i] < indices.probability(i, k)) {
                login[r] = 1;
                double eta = indices.eta(i, k);
                minutes[r] = Math.exp(logMinutes(i, eta, indices) + 0.9 * zMinutes[i]);
                exercises[r] = 1 + Draws.poisson(exerciseRate(i, eta), uExercises[i]);
            }
        }
        return new Outcomes(login, minutes, exercises);
    }

    /** μ_M: the log-scale mean of minutes given login, ln 25 − 0.405 + 0.3·math_z + 0.2·L + 0.3·η_k. */
    double logMinutes(int i, double eta, Indices indices) {
        return Math.log(25) - 0.405 + 0.3 * students.mathZ()[i] + 0.2 * indices.login()[i] + 0.3 * eta;
    }

    /** λ_k(x) = exp(ln 12 + 0.2·math_z + 0.3·η_k): the Poisson mean of exercises beyond the first. */
    double exerciseRate(int i, double eta) {
        return Math.exp(Math.log(12) + 0.2 * students.mathZ()[i] + 0.3 * eta);
    }

    private int checkedId(double value, int row, String table) {
        if (value != Math.rint(value) || value < 0 || value >= size()) {
            throw new DataException("Column \"id\" has value " + value + " in row " + row + " of table \"" + table
                    + "\"; this population's ids are 0.." + (size() - 1) + ". Observe rows that come from this "
                    + "population's covariates() (same n and seed).");
        }
        return (int) value;
    }

    private int checkedArm(double value, int row, String what) {
        int last = arms().size() - 1;
        if (value != Math.rint(value) || value < 0 || value > last) {
            List<String> names = arms().names();
            throw new DataException(what + " has value " + Fmt.fixed(value, value == Math.rint(value) ? 0 : 3)
                    + " in row " + row + "; the " + spec.context().label() + " arms are 0.." + last + " (0 = "
                    + names.get(0) + ", 1.." + last + " = " + names.get(1) + ".." + names.get(last)
                    + "). Code arms as integer indices of ConectaIdeas.arms().");
        }
        return (int) value;
    }
}
