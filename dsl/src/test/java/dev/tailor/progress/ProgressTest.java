package dev.tailor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks report to the bound reporter: opened once, throttled updates, the finished state last. */
class ProgressTest {

    /** Every state each opened task showed, in order. */
    private static final class Recorder implements ProgressReporter {
        final List<List<ProgressState>> tasks = new ArrayList<>();

        @Override
        public ProgressDisplay open(ProgressState start) {
            List<ProgressState> states = new ArrayList<>(List.of(start));
            tasks.add(states);
            return states::add;
        }
    }

    @Test
    void aTightLoopOpensOnceReportsFewUpdatesAndFinishesWithTheFullCount() {
        Recorder recorder = new Recorder();
        long startNanos = System.nanoTime();
        Progress.reportingTo(recorder, () -> {
            try (Progress progress = Progress.range(100_000, "steps")) {
                for (int i = 0; i < 100_000; i++) {
                    progress.step();
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        assertEquals(1, recorder.tasks.size());
        List<ProgressState> states = recorder.tasks.getFirst();
        ProgressState last = states.getLast();
        assertTrue(last.finished());
        assertEquals(100_000, last.completed());
        assertEquals(1.0, last.fraction());
        // Opening state + one update per interval at most + the final one.
        long bound = 2 + (long) Math.ceil(seconds / (Progress.REPORT_INTERVAL.toNanos() / 1e9));
        assertTrue(states.size() <= bound, states.size() + " states in " + seconds + " s");
        assertEquals(1, states.stream().filter(ProgressState::finished).count(), "finished exactly once");
    }

    @Test
    void overCountsEachItemWhenTheNextIsTakenAndFinishesAfterTheLast() {
        Recorder recorder = new Recorder();
        List<String> seen = Progress.reportingTo(recorder, () -> {
            List<String> items = new ArrayList<>();
            for (String item : Progress.over(List.of("a", "b", "c"), "letters")) {
                items.add(item);
            }
            return items;
        });
        assertEquals(List.of("a", "b", "c"), seen);
        ProgressState last = recorder.tasks.getFirst().getLast();
        assertTrue(last.finished());
        assertEquals(3, last.completed());
        assertEquals(3, last.total());
    }

    @Test
    void withoutABindingNothingIsReportedAndTheTaskStillCounts() {
        Progress progress = Progress.range(10, "quiet");
        progress.advance(4);
        assertEquals(4, progress.state().completed());
        progress.done();
        progress.step();
        assertTrue(progress.state().finished());
    }

    @Test
    void theTextBarShowsCountPercentElapsedAndEta() {
        ProgressState state = new ProgressState("replications", 60, 100, Duration.ofSeconds(3), false);
        assertEquals("replications [##################............] 60/100 (60%) 0:03 elapsed, ETA 0:02", state.toString());
        assertEquals(Duration.ofSeconds(2), state.eta());
        String html = new ProgressState("a<b", 1, 2, Duration.ofSeconds(61), true).toHtml();
        assertTrue(html.contains("<progress value=\"1\" max=\"2\"") && html.contains("a&lt;b") && html.contains("done in 1:01"), html);
        assertNull(new ProgressState("x", 0, 0, Duration.ZERO, false).eta());
        assertEquals("1:00:05", ProgressState.clock(Duration.ofSeconds(3605)));
    }

    @Test
    void negativeTotalsAndStepsAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Progress.range(-1, "x")).getMessage().contains("-1"));
        assertFalse(assertThrows(IllegalArgumentException.class, () -> Progress.range(1, "x").advance(-2)).getMessage().isEmpty());
    }
}
