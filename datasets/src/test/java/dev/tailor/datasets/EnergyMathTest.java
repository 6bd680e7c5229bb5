package dev.tailor.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class EnergyMathTest {

    @Test
    void fastNormalCdfAgreesWithCommonsMathToTenDigitsEverywhere() {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (double x = -12; x <= 12; x += 0.0137) {
            assertEquals(normal.cumulativeProbability(x), EnergyMath.phi(x), 1e-14, "Φ(" + x + ")");
        }
        assertEquals(0.5, EnergyMath.phi(0), 1e-16);
        assertEquals(0.0, EnergyMath.phi(-40), 0.0);
        assertEquals(1.0, EnergyMath.phi(40), 0.0);
    }

    @Test
    void gaussHermiteRulesIntegrateNormalMomentsExactly() {
        for (EnergyMath.Rule rule : new EnergyMath.Rule[] {EnergyMath.HERMITE_40, EnergyMath.HERMITE_16}) {
            double[] moments = new double[9];
            for (int q = 0; q < rule.size(); q++) {
                for (int k = 0; k < moments.length; k++) {
                    moments[k] += rule.weights()[q] * Math.pow(rule.nodes()[q], k);
                }
            }
            double[] exact = {1, 0, 1, 0, 3, 0, 15, 0, 105};
            for (int k = 0; k < exact.length; k++) {
                assertEquals(exact[k], moments[k], 1e-11 * Math.max(1, exact[k]), "E[u^" + k + "] with " + rule.size() + " nodes");
            }
        }
        assertEquals(40, EnergyMath.HERMITE_40.size());
        assertEquals(16, EnergyMath.HERMITE_16.size());
    }

    @Test
    void gaussHermiteTakeUpProbabilityMatchesTheClosedFormToTheRulesAccuracy() {
        // E_u[Φ(ψ + λu)] = Φ(ψ/√(1 + λ²)) for u ~ N(0, 1). With λ = 3.25 (a pure type-S household) the integrand is
        // steep and the 40-node rule the spec prescribes is off by about 6e-5; milder λ is far more accurate.
        double psi = -0.4;
        double lambda = 3.25;
        double sum = 0;
        for (int q = 0; q < EnergyMath.HERMITE_40.size(); q++) {
            sum += EnergyMath.HERMITE_40.weights()[q] * EnergyMath.phi(psi + lambda * EnergyMath.HERMITE_40.nodes()[q]);
        }
        assertEquals(EnergyMath.phi(psi / Math.sqrt(1 + lambda * lambda)), sum, 1e-4);
    }
}
