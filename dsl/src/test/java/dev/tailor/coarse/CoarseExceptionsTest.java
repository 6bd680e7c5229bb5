package dev.tailor.coarse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.data.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error messages name the value, what was expected and what to do. */
class CoarseExceptionsTest {

    private static final List<String> NAMES = List.of("none", "5%/3d", "10%/3d", "20%/3d");

    @Test
    void aNaNInTheValueMatrixIsReportedWithItsRowAndColumnName() {
        double[][] rows = {{0, 1, 2, 3}, {0, 1, Double.NaN, 3}, {0, 1, 2, 3}};
        DataException e = assertThrows(DataException.class, () -> ValueMatrix.of(rows, NAMES));
        assertTrue(e.getMessage().contains("NaN at row 1, column 2 (\"10%/3d\")"), e.getMessage());
        assertTrue(e.getMessage().contains("impute"), e.getMessage());
    }

    @Test
    void anInfiniteValueIsReportedLikeANaN() {
        double[][] rows = {{0, 1, 2, Double.POSITIVE_INFINITY}};
        DataException e = assertThrows(DataException.class, () -> ValueMatrix.of(rows, NAMES));
        assertTrue(e.getMessage().contains("Infinity at row 0, column 3 (\"20%/3d\")"), e.getMessage());
    }

    @Test
    void aRaggedRowIsReportedWithItsLength() {
        double[][] rows = {{0, 1, 2, 3}, {0, 1, 2}};
        DataException e = assertThrows(DataException.class, () -> ValueMatrix.of(rows, NAMES));
        assertTrue(e.getMessage().contains("Row 1 of the value matrix has 3 values but there are 4 columns"), e.getMessage());
    }

    @Test
    void kBelowOneFailsInTheSpec() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(0));
        assertTrue(e.getMessage().contains("≥ 1, got 0"), e.getMessage());
    }

    @Test
    void kAboveTheNumberOfTreatmentsFailsAtFitWithTheRange() {
        ValueMatrix values = ValueMatrix.of(new double[][] {{0, 1, 2, 3}}, NAMES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(4).fit(values));
        assertTrue(e.getMessage().contains("between 1 and 3") && e.getMessage().contains("got K = 4"), e.getMessage());
        // With the null counted toward K, K = 4 is allowed (every column offered) but 5 is not.
        CoarsePersonalization.spec().treatments(4).nullCountsTowardK(true).fit(values);
        assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(5).nullCountsTowardK(true).fit(values));
    }

    @Test
    void capacitiesThatCannotHoldEveryRowFailWithTheirSum() {
        ValueMatrix values = RandomValues.draw(100, 3, 1L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(2).capacities(Capacities.maxCounts(10, 20, 20, 20)).fit(values));
        assertTrue(e.getMessage().contains("sum to 70 rows") && e.getMessage().contains("fewer than the 100 rows"),
                e.getMessage());
        IllegalArgumentException forK = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(1).capacities(Capacities.maxCounts(50, 30, 30, 30)).fit(values));
        assertTrue(forK.getMessage().contains("hold at most 80 of the 100 rows"), forK.getMessage());
    }

    @Test
    void capacitiesForTheWrongNumberOfColumnsFail() {
        ValueMatrix values = RandomValues.draw(10, 3, 1L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().capacities(Capacities.maxShares(1, 0.5)).treatments(1).fit(values));
        assertTrue(e.getMessage().contains("given for 2 columns but the value matrix has 4"), e.getMessage());
    }

    @Test
    void aMinimumAboveItsMaximumFailsWithBothCounts() {
        ValueMatrix values = RandomValues.draw(100, 3, 1L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(2)
                        .capacities(Capacities.eachAtMost(0.3).atLeast(0, 0.5, 0, 0)).fit(values));
        assertTrue(e.getMessage().contains("minimum of 50 rows above its maximum of 30"), e.getMessage());
    }

    @Test
    void minimumsThatNoSetOfKTreatmentsCanMeetFail() {
        ValueMatrix values = RandomValues.draw(100, 3, 1L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoarsePersonalization.spec().treatments(2)
                        .capacities(Capacities.maxShares(1, 1, 1, 1).atLeast(0.5, 0.3, 0.3, 0.3)).fit(values));
        assertTrue(e.getMessage().contains("No set of K = 2 treatments meets the capacities"), e.getMessage());
    }

    @Test
    void capacitySharesOutsideTheUnitIntervalFail() {
        assertThrows(IllegalArgumentException.class, () -> Capacities.eachAtMost(0));
        assertThrows(IllegalArgumentException.class, () -> Capacities.maxShares(1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Capacities.maxCounts(-1));
    }
}
