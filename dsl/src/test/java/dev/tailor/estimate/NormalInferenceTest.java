package dev.tailor.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalInferenceTest {

    @Test
    void pValuesAndIntervalsMatchTheNormalQuantiles() {
        // z = 1.959964 is the 97.5% standard normal quantile; z = 1.644854 the 95% one.
        assertEquals(0.05, NormalInference.twoSidedPValue(1.959964, 1.0), 1e-6);
        assertEquals(0.05, NormalInference.twoSidedPValue(-3.919928, 2.0), 1e-6);
        assertEquals(0.05, NormalInference.oneSidedPValue(1.644854, 1.0), 1e-6);
        assertEquals(0.95, NormalInference.oneSidedPValue(-1.644854, 1.0), 1e-6);
        assertArrayEquals(new double[] {10 - 2 * 1.959964, 10 + 2 * 1.959964}, NormalInference.confInt(10, 2, 0.95), 1e-5);
    }

    @Test
    void aLevelOutsideZeroOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NormalInference.confInt(0, 1, 1.0));
    }
}
