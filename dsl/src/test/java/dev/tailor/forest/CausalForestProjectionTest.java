package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.estimate.EffectEstimate;
import dev.tailor.forest.internal.Ols;
import org.junit.jupiter.api.Test;

/** Best linear projection and calibration test (spec §2.7) against simulations with known effects. */
class CausalForestProjectionTest {

    private static CausalForestFit fit(Simulations.Sim sim, int arms) {
        return CausalForest.spec().trees(400).seed(3).threads(2)
                .knownPropensities(Simulations.equalPropensities(arms)).fit(sim.table(), sim.roles());
    }

    @Test
    void projectionOnACovariateRecoversALinearEffect() {
        // τ(x) = 0.5 + 2·x1, so the projection on centered (x1, x2) has intercept E[τ] = 1.5 and slopes 2 and 0.
        Simulations.Sim sim = Simulations.generate(4_000, 4, 21, 1, 1.0, 1.0, (x, k) -> 0.5 + 2 * x[0]);
        CoefficientTable blp = fit(sim, 1).bestLinearProjection("x1", "x2");
        System.out.println(blp);
        CoefficientTable.Row intercept = blp.row("arm 1", "(intercept)");
        CoefficientTable.Row x1 = blp.row("arm 1", "x1");
        CoefficientTable.Row x2 = blp.row("arm 1", "x2");
        assertTrue(Math.abs(intercept.estimate() - 1.5) < 4 * intercept.stdError(), intercept.toString());
        assertTrue(Math.abs(x1.estimate() - 2) < 4 * x1.stdError(), x1.toString());
        assertTrue(Math.abs(x2.estimate()) < 4 * x2.stdError(), x2.toString());
        assertTrue(x1.pValue() < 1e-6, "x1 slope is significant: " + x1);
        assertTrue(x1.stdError() > 0.05 && x1.stdError() < 0.3, "x1 se " + x1.stdError());
    }

    @Test
    void projectionOfEachArmFindsItsOwnModifier() {
        // τ_1(x) = x1, τ_2(x) = 1 − 2·x2.
        Simulations.Sim sim = Simulations.threeArms(4_500, 3, 22);
        CoefficientTable blp = fit(sim, 2).bestLinearProjection("x1", "x2");
        System.out.println(blp);
        double[][] truth = {{0.5, 1, 0}, {0, 0, -2}};
        String[] terms = {"(intercept)", "x1", "x2"};
        for (int arm = 1; arm <= 2; arm++) {
            for (int t = 0; t < 3; t++) {
                CoefficientTable.Row row = blp.row("arm " + arm, terms[t]);
                assertTrue(Math.abs(row.estimate() - truth[arm - 1][t]) < 4 * row.stdError(), row.toString());
            }
        }
    }

    @Test
    void projectionOnNothingIsTheAipwAverageEffectWithTheHc3Factor() {
        Simulations.Sim sim = Simulations.binary(1_500, 3, 23);
        CausalForestFit fit = fit(sim, 1);
        CoefficientTable.Row intercept = fit.bestLinearProjection().row("arm 1", "(intercept)");
        EffectEstimate ate = fit.averageEffects().effects().getFirst();
        int n = 1_500;
        assertEquals(ate.estimate(), intercept.estimate(), 1e-12 * Math.abs(ate.estimate()));
        // HC3 with only an intercept: Σe²/(n − 1)², i.e. the AIPW variance Σe²/(n(n − 1)) times n/(n − 1).
        assertEquals(ate.stdError() * Math.sqrt(n / (n - 1.0)), intercept.stdError(), 1e-10 * ate.stdError());
        assertThrows(IllegalArgumentException.class, () -> fit.bestLinearProjection("income"));
    }

    @Test
    void calibrationTestFindsCalibratedHeterogeneity() {
        Simulations.Sim sim = Simulations.generate(4_000, 4, 24, 1, 1.0, 1.0, (x, k) -> 0.5 + 2 * x[0]);
        CoefficientTable calibration = fit(sim, 1).testCalibration();
        System.out.println(calibration);
        CoefficientTable.Row mean = calibration.row("arm 1", "mean forest prediction");
        CoefficientTable.Row differential = calibration.row("arm 1", "differential forest prediction");
        assertTrue(Math.abs(mean.estimate() - 1) < 4 * mean.stdError(), mean.toString());
        assertTrue(Math.abs(differential.estimate() - 1) < 0.4, differential.toString());
        assertTrue(differential.pValue() < 1e-6, differential.toString());
    }

    @Test
    void calibrationTestFindsNoHeterogeneityWhenThereIsNone() {
        // τ(x) = 0.3 everywhere: the differential coefficient is not significantly positive (at this seed; spec §2.7
        // asks for about 95% of simulations).
        Simulations.Sim sim = Simulations.generate(3_000, 4, 25, 1, 1.0, 1.0, (x, k) -> 0.3);
        CoefficientTable calibration = fit(sim, 1).testCalibration();
        System.out.println(calibration);
        assertTrue(calibration.row("arm 1", "differential forest prediction").pValue() > 0.05, calibration.toString());
        CoefficientTable.Row mean = calibration.row("arm 1", "mean forest prediction");
        assertTrue(Math.abs(mean.estimate() - 1) < 4 * mean.stdError(), mean.toString());
        assertTrue(calibration.toHtml().contains("differential forest prediction"));
        assertEquals(2, calibration.table().rowCount());
    }

    @Test
    void olsHc3MatchesHandComputation() {
        // y on [1, x] with x = 0..4: β = (X'X)⁻¹X'y; HC3 from the hat values of a simple regression.
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1.0, 2.5, 2.9, 4.6, 5.2};
        double[][] design = new double[5][];
        for (int i = 0; i < 5; i++) {
            design[i] = new double[] {1, x[i]};
        }
        Ols.Fit fit = Ols.hc3(design, y);
        double xBar = 2;
        double sxx = 10;
        double yBar = (1.0 + 2.5 + 2.9 + 4.6 + 5.2) / 5;
        double sxy = 0;
        for (int i = 0; i < 5; i++) {
            sxy += (x[i] - xBar) * (y[i] - yBar);
        }
        double slope = sxy / sxx;
        double intercept = yBar - slope * xBar;
        assertEquals(intercept, fit.coefficients()[0], 1e-12);
        assertEquals(slope, fit.coefficients()[1], 1e-12);
        // Slope variance: Σ (x_i − x̄)² e_i² / (1 − h_i)² / Sxx², with h_i = 1/n + (x_i − x̄)²/Sxx.
        double variance = 0;
        for (int i = 0; i < 5; i++) {
            double e = y[i] - intercept - slope * x[i];
            double h = 0.2 + (x[i] - xBar) * (x[i] - xBar) / sxx;
            variance += (x[i] - xBar) * (x[i] - xBar) * e * e / ((1 - h) * (1 - h));
        }
        variance /= sxx * sxx;
        assertEquals(Math.sqrt(variance), fit.stdErrors()[1], 1e-12);
    }
}
