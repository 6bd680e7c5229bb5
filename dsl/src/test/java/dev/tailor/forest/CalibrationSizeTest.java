package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Size of the calibration test's heterogeneity check (spec §2.7, TP 3), tagged "heavy": with τ(x) = 0, the
 * differential-forest-prediction coefficient is significantly positive at 5% in about 5% of simulations.
 */
@Tag("heavy")
class CalibrationSizeTest {

    @Test
    void withNoEffectTheDifferentialCoefficientRejectsInAboutFivePercentOfSimulations() {
        int replications = 100;
        int rejections = 0;
        for (int r = 0; r < replications; r++) {
            Simulations.Sim sim = Simulations.generate(1_000, 4, 9_000 + r, 1, 1.0, 1.0, (x, k) -> 0.0);
            CoefficientTable calibration = CausalForest.spec().trees(200).seed(r + 1).threads(2)
                    .knownPropensities(0.5, 0.5).fit(sim.table(), sim.roles()).testCalibration();
            if (calibration.row("arm 1", "differential forest prediction").pValue() < 0.05) {
                rejections++;
            }
        }
        System.out.printf("calibration test under τ = 0: %d of %d rejections at 5%%%n", rejections, replications);
        // Binomial(100, 0.05) exceeds 11 with probability about 0.2%.
        assertTrue(rejections <= 11, rejections + " of " + replications + " rejections");
    }
}
