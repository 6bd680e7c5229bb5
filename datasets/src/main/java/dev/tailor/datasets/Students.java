package dev.tailor.datasets;

/**
 * The students of a Conecta Ideas population with their observed covariates (§3.1 of the methods spec). The
 * latent engagement E is drawn and used here only, to correlate the covariates; outcomes never see it, which
 * keeps the oracle exact. Package-private: the arrays are never modified after {@link #draw}.
 *
 * @param school         school index 0..J−1
 * @param grade          1..6
 * @param female         0/1
 * @param weeks          prior_weeks, active weeks out of the last 30
 * @param loginSchool    L0, prior-week login before the school-year experiment
 * @param loginSummer    L0s, prior-week login before the summer experiment
 * @param loginPhase2    L0', prior-week login re-measured before the school-year Phase 2
 * @param mathZ          standardized baseline maths score
 */
record Students(int[] school, int[] grade, int[] female, int[] weeks, int[] loginSchool, int[] loginSummer,
                int[] loginPhase2, double[] mathZ) {

    private static final double[] GRADE_CUMULATIVE = {0.14, 0.31, 0.49, 0.67, 0.84, 1.00};

    /**
     * Draws n students in order i = 0..n−1; for each, in this order: school (1 uniform, ∝ size), grade (1),
     * female (1), E (2), prior_weeks (30), L0 (1), L0s (1), L0' (1), maths noise (2). All three logins are
     * drawn in every context so that both contexts share one population for a given seed.
     */
    static Students draw(Schools schools, int n, Draws draws) {
        double[] cumulative = schools.cumulativeSize();
        int[] school = new int[n];
        int[] grade = new int[n];
        int[] female = new int[n];
        int[] weeks = new int[n];
        int[] l0 = new int[n];
        int[] l0s = new int[n];
        int[] l0p = new int[n];
        double[] rawMath = new double[n];
        for (int i = 0; i < n; i++) {
            int j = draws.categorical(cumulative);
            school[i] = j;
            grade[i] = 1 + draws.categorical(GRADE_CUMULATIVE);
            female[i] = draws.bernoulli(0.5);
            int teacher = schools.teacherActive()[j];
            double e = draws.normal() + 1.5 * (schools.activeShare()[j] - Schools.SHARE_MEAN);
            weeks[i] = draws.binomial(30, Logistic.of(-1.0 + 1.2 * e + 0.3 * teacher));
            l0[i] = draws.bernoulli(Logistic.of(-0.75 + 1.6 * e + 0.4 * teacher));
            l0s[i] = draws.bernoulli(Logistic.of(-3.9 + 1.6 * e));
            l0p[i] = draws.bernoulli(Logistic.of(-1.0 + 1.6 * e + 0.4 * teacher));
            rawMath[i] = 0.3 * e + 0.2 * schools.urban()[j] - 0.1 + 0.9 * draws.normal();
        }
        return new Students(school, grade, female, weeks, l0, l0s, l0p, standardize(rawMath));
    }

    int size() {
        return school.length;
    }

    // Population standardization (divide by n): mean 0 and variance 1 exactly on the drawn sample.
    private static double[] standardize(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / x.length);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = sd > 0 ? (x[i] - mean) / sd : 0.0;
        }
        return z;
    }
}
