package dev.tailor.datasets;

/**
 * The linear indices of the Conecta Ideas model for one context and phase (methods spec §3.1): the baseline
 * index b(x), intercept included, and the message index η_k(x) of every arm, so that
 * P(login | x, k) = Λ(b(x) + η_k(x)). Package-private and never modified after {@link #of}.
 *
 * @param alpha  the intercept α_c, solved so that mean Λ(b) equals the context's base rate for the phase
 * @param b      baseline index per person, α included
 * @param eta    message index, row-major n × (K+1); column 0 (control) is 0
 * @param arms   K + 1
 * @param login  the prior-week login L the formulas use: L0, L0' (school-year Phase 2) or L0s (summer)
 */
record Indices(double alpha, double[] b, double[] eta, int arms, int[] login) {

    private static final double[] REGION_EFFECT = {0.0, -0.10, -0.20};

    static Indices of(ConectaIdeas spec, Population people, Phase phase) {
        Students s = people.students();
        Schools schools = people.schools();
        boolean schoolYear = spec.context() == ConectaIdeas.Context.SCHOOL_YEAR;
        int[] login = !schoolYear ? s.loginSummer() : phase == Phase.ONE ? s.loginSchool() : s.loginPhase2();
        int n = s.size();

        // Baseline index without the intercept, then the intercept that hits the base rate on this population.
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            int j = s.school()[i];
            double weeks = s.weeks()[i] / 30.0 - 0.3;
            double common = 0.15 * schools.urban()[j] + 0.10 * s.mathZ()[i] + REGION_EFFECT[schools.region()[j]];
            b[i] = schoolYear
                    ? 1.6 * login[i] + 2.5 * weeks + 0.3 * schools.teacherActive()[j] + common
                            - 0.06 * (s.grade()[i] - 3.5) + 0.2 * zShare(schools.activeShare()[j])
                    : 2.2 * login[i] + 3.0 * weeks + 0.2 * schools.teacherActive()[j] + common;
        }
        double alpha = Logistic.interceptFor(spec.baseRate(phase), b);
        for (int i = 0; i < n; i++) {
            b[i] += alpha;
        }

        double[][] theta = theta(people, login, spec.heterogeneityScale());
        int messages = ConectaIdeas.MESSAGES.length;
        int arms = schoolYear ? 1 + messages * messages : 1 + messages;
        double[] eta = new double[n * arms];
        double scale = spec.effectScale();
        for (int i = 0; i < n; i++) {
            int row = i * arms;
            if (schoolYear) {
                // Ordered pair (first, second): Monday primacy (0.55 vs 0.45) and a small variety bonus.
                for (int first = 0; first < messages; first++) {
                    for (int second = 0; second < messages; second++) {
                        double value = 0.55 * theta[first][i] + 0.45 * theta[second][i] + (first != second ? 0.02 : 0.0);
                        eta[row + 1 + first * messages + second] = scale * value;
                    }
                }
            } else {
                for (int m = 0; m < messages; m++) {
                    eta[row + 1 + m] = scale * 1.8 * theta[m][i];
                }
            }
        }
        return new Indices(alpha, b, eta, arms, login);
    }

    /** The login probability of person i under arm k. */
    double probability(int i, int k) {
        return Logistic.of(b[i] + eta[i * arms + k]);
    }

    double eta(int i, int k) {
        return eta[i * arms + k];
    }

    int size() {
        return b.length;
    }

    static double zShare(double activeShare) {
        return (activeShare - Schools.SHARE_MEAN) / 0.16;
    }

    /** θ_m(x) for m = T, P, R, F, each shrunk or stretched about its population mean by h. */
    private static double[][] theta(Population people, int[] login, double h) {
        Students s = people.students();
        Schools schools = people.schools();
        int n = s.size();
        double[][] theta = new double[4][n];
        for (int i = 0; i < n; i++) {
            int j = s.school()[i];
            int grade = s.grade()[i];
            theta[0][i] = 0.02 + 0.16 * schools.teacherActive()[j] + (grade <= 3 ? 0.04 : 0.0);
            theta[1][i] = 0.10 * zShare(schools.activeShare()[j]) + 0.04 * schools.urban()[j];
            theta[2][i] = 0.02 + 0.10 * (1 - login[i]) + (grade <= 2 ? 0.05 : 0.0);
            theta[3][i] = 0.07 * (grade - 3.5) / 1.7 + 0.06 * s.mathZ()[i];
        }
        if (h != 1) {
            for (double[] values : theta) {
                double mean = 0;
                for (double v : values) {
                    mean += v;
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    values[i] = mean + h * (values[i] - mean);
                }
            }
        }
        return theta;
    }
}
