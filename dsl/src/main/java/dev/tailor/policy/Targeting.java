package dev.tailor.policy;

/**
 * Targeting curves (methods spec §2.10): does ranking units by a priority score (e.g. an estimated CATE from other
 * data) find those who respond most? See {@link TargetingCurve}.
 *
 * <pre>{@code
 * TargetingCurve toc = Targeting.spec().replicates(200).seed(7).fit("kNN τ̂ for T", priority, gamma);
 * }</pre>
 */
public final class Targeting {

    private Targeting() {
    }

    /** The default specification: TOC at q = 0.1, 0.2, ..., 1.0; 200 half-sample bootstrap replicates; seed 0. */
    public static TargetingCurveSpec spec() {
        double[] grid = new double[10];
        for (int g = 0; g < 10; g++) {
            grid[g] = (g + 1) / 10.0;
        }
        return new TargetingCurveSpec(grid, 200, 0L);
    }
}
