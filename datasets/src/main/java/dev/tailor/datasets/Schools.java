package dev.tailor.datasets;

/**
 * The J schools of a Conecta Ideas population (§3.1 of the methods spec). Package-private: the arrays are
 * shared with {@link Students} and never modified after {@link #draw}.
 *
 * @param size          enrolment, LogNormal with arithmetic mean 300 and σ_log 0.6
 * @param publicSchool  1 for a public school, probability 0.80
 * @param urban         1 for an urban school, probability 0.72
 * @param region        0 coast, 1 highlands, 2 jungle, probabilities (0.55, 0.30, 0.15)
 * @param activeShare   share of the school's students active last year, Beta(2, 5)
 * @param teacherActive 1 if the teacher uses the platform, probability Λ(−0.3 + 6·(activeShare − 0.2857))
 */
record Schools(double[] size, int[] publicSchool, int[] urban, int[] region, double[] activeShare, int[] teacherActive) {

    /** Number of schools in every population. */
    static final int COUNT = 2_000;

    static final double SHARE_MEAN = 0.2857;

    private static final double[] REGION_CUMULATIVE = {0.55, 0.85, 1.0};

    /**
     * Draws the schools in order j = 0..J−1; for each school, in this order: size (2 uniforms), public
     * (1), urban (1), region (1), active share (7), teacher active (1).
     */
    static Schools draw(Draws draws) {
        // "Mean 300" is read as the arithmetic mean, so the log-scale mean is ln 300 − σ²/2. Only
        // log_school_size depends on it: students join schools with probability ∝ size, which is scale-free.
        double sigma = 0.6;
        double mu = Math.log(300) - sigma * sigma / 2;
        double[] size = new double[COUNT];
        int[] pub = new int[COUNT];
        int[] urban = new int[COUNT];
        int[] region = new int[COUNT];
        double[] share = new double[COUNT];
        int[] teacher = new int[COUNT];
        for (int j = 0; j < COUNT; j++) {
            size[j] = Math.exp(mu + sigma * draws.normal());
            pub[j] = draws.bernoulli(0.80);
            urban[j] = draws.bernoulli(0.72);
            region[j] = draws.categorical(REGION_CUMULATIVE);
            share[j] = draws.beta25();
            teacher[j] = draws.bernoulli(Logistic.of(-0.3 + 6 * (share[j] - SHARE_MEAN)));
        }
        return new Schools(size, pub, urban, region, share, teacher);
    }

    /** Cumulative school sizes, for drawing a school with probability ∝ size. */
    double[] cumulativeSize() {
        double[] cumulative = new double[COUNT];
        double sum = 0;
        for (int j = 0; j < COUNT; j++) {
            sum += size[j];
            cumulative[j] = sum;
        }
        return cumulative;
    }
}
