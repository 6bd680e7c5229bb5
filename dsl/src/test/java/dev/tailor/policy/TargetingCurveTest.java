package dev.tailor.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the TOC, AUTOC and Qini: methods spec §2.10, TP1–TP5. */
class TargetingCurveTest {

    // Scores Γ_i = τ(x_i) + noise with τ(x) = x on U(0, 1) and noise SD 1.
    static double[][] draw(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] tau = new double[n];
        double[] gamma = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = random.nextDouble();
            gamma[i] = tau[i] + PolicyCoverageTest.gaussian(random);
        }
        return new double[][] {tau, gamma};
    }

    @Test
    void tocAtTheWholeSampleIsZero() {
        double[][] data = draw(1_000, 1);
        TargetingCurve curve = Targeting.spec().replicates(0).fit("τ", data[0], data[1]);
        double[] toc = curve.toc();
        assertEquals(0.0, toc[toc.length - 1], 1e-12);
    }

    @Test
    void randomPriorityGivesAnAutocNearZero() {
        // TP2: the priority is independent of the scores, so AUTOC/SE should be a standard normal draw.
        double[][] data = draw(4_000, 2);
        double[] random = new double[4_000];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < random.length; i++) {
            random[i] = rng.nextDouble();
        }
        TargetingCurve curve = Targeting.spec().seed(4).fit("random", random, data[1]);
        double z = curve.autoc() / curve.autocStdError();
        assertTrue(Math.abs(z) < 3, "AUTOC " + curve.autoc() + ", SE " + curve.autocStdError());
    }

    @Test
    void oraclePriorityGivesAPositiveAutoc() {
        // TP3: ranking by the true τ finds the larger effects; in population AUTOC = 1/12·... > 0 (about 0.083 here).
        double[][] data = draw(4_000, 5);
        TargetingCurve curve = Targeting.spec().seed(6).fit("true τ", data[0], data[1]);
        assertTrue(curve.autoc() / curve.autocStdError() > 3, "AUTOC " + curve.autoc() + ", SE " + curve.autocStdError());
        assertTrue(curve.qini() > 0);
        assertTrue(curve.toc()[0] > curve.toc()[4], java.util.Arrays.toString(curve.toc()));
    }

    @Test
    void cumulativeSumsAgreeWithTheNaiveQuadraticComputationIncludingTies() {
        // TP4: priorities rounded to one decimal, so tie groups are large; n = 300.
        double[][] data = draw(300, 7);
        double[] priority = new double[300];
        for (int i = 0; i < 300; i++) {
            priority[i] = Math.round(data[0][i] * 10) / 10.0;
        }
        double[] gamma = data[1];
        int n = 300;
        // Naive: each score replaced by the mean over every unit with the same priority; TOC(j/n) from scratch.
        double[] tied = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (int l = 0; l < n; l++) {
                if (priority[l] == priority[i]) {
                    sum += gamma[l];
                    count++;
                }
            }
            tied[i] = sum / count;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(priority[b], priority[a]));
        double ate = 0;
        for (double g : gamma) {
            ate += g / n;
        }
        double autoc = 0;
        double qini = 0;
        for (int j = 1; j <= n; j++) {
            double top = 0;
            for (int r = 0; r < j; r++) {
                top += tied[order[r]];
            }
            double toc = top / j - ate;
            autoc += toc / n;
            qini += (double) j / n * toc / n;
        }
        TargetingCurve curve = Targeting.spec().replicates(0).fit("rounded τ", priority, gamma);
        assertEquals(autoc, curve.autoc(), 1e-12);
        assertEquals(qini, curve.qini(), 1e-12);
        assertEquals(ate, curve.ate(), 1e-12);
    }

    @Test
    void constantPriorityGivesAZeroCurve() {
        // TP5: one tie group, so every unit carries the ATE and TOC ≡ 0, AUTOC = Qini = 0.
        double[][] data = draw(500, 8);
        TargetingCurve curve = Targeting.spec().seed(9).fit("constant", new double[500], data[1]);
        for (double toc : curve.toc()) {
            assertEquals(0.0, toc, 1e-12);
        }
        assertEquals(0.0, curve.autoc(), 1e-12);
        assertEquals(0.0, curve.qini(), 1e-12);
    }

    @Test
    void gridTocIncludesTheBoundaryUnitFractionally() {
        double[] priority = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        double[] gamma = {5, 3, 1, 0, 0, 0, 0, 0, 0, 1};
        TargetingCurve curve = Targeting.spec().grid(0.25, 1.0).replicates(0).fit("ranked", priority, gamma);
        // q·n = 2.5: (5 + 3 + 0.5·1)/2.5 − ATE = 3.4 − 1.0.
        assertArrayEquals(new double[] {2.4, 0.0}, curve.toc(), 1e-12);
    }

    @Test
    void bootstrapIsReproducibleForASeedAndTheCurveRenders() {
        double[][] data = draw(600, 10);
        TargetingCurve a = Targeting.spec().replicates(50).seed(11).fit("τ", data[0], data[1]);
        TargetingCurve b = Targeting.spec().replicates(50).seed(11).fit("τ", data[0], data[1]);
        assertArrayEquals(a.tocStdErrors(), b.tocStdErrors(), 0.0);
        assertEquals(a.autocStdError(), b.autocStdError(), 0.0);
        byte[] png = a.toPng();
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        assertEquals(10, a.table().rowCount());
        assertTrue(a.toString().contains("AUTOC") && a.toString().contains("50 half-sample replicates"), a.toString());
        assertEquals(500, a.toChart().getSeries("TOC").getXData().length);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Targeting.spec().grid(0.5, 0.2));
        assertTrue(error.getMessage().startsWith("Treated shares must increase within (0, 1], got [0.5, 0.2]"), error.getMessage());
    }
}
