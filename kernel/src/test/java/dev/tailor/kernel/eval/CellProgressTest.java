package dev.tailor.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.progress.Progress;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Progress tasks in a cell become one display updated in place; headless runs keep only the final state. */
class CellProgressTest {

    private static CellEvaluator evaluator;

    @BeforeAll
    static void startShell() {
        evaluator = new CellEvaluator(new MimeRenderer(), "import dev.tailor.progress.*;");
    }

    @AfterAll
    static void closeShell() {
        evaluator.close();
    }

    private static final String LOOP = """
            System.out.println("before");
            try (Progress progress = Progress.range(200, "replications")) {
                for (int i = 0; i < 200; i++) {
                    Thread.sleep(3);
                    progress.step();
                }
            }
            """;

    @Test
    void aLoopWithProgressShowsOneDisplayThenThrottledUpdatesWithTheSameIdEndingFinished() {
        List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        evaluator.eval(LOOP, outputs::add, InputStream.nullInputStream());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(new Output.Stream("stdout", "before\n"), outputs.getFirst(), "text printed before the bar comes first");
        List<Output.Display> displays = outputs.stream().filter(Output.Display.class::isInstance).map(Output.Display.class::cast).toList();
        List<Output.UpdateDisplay> updates = outputs.stream().filter(Output.UpdateDisplay.class::isInstance).map(Output.UpdateDisplay.class::cast).toList();
        assertEquals(1, displays.size(), outputs.toString());
        String id = displays.getFirst().displayId();
        assertNotNull(id);
        assertTrue(displays.getFirst().data().get("text/html").toString().contains("<progress value=\"0\" max=\"200\""));
        assertTrue(updates.stream().allMatch(u -> u.displayId().equals(id)), "every update names the bar's display");
        // 200 steps of >= 3 ms take >= 0.6 s: some updates in between, but at most one per report interval.
        assertTrue(updates.size() >= 2, updates.size() + " updates");
        long bound = 1 + (long) Math.ceil(seconds * 1e9 / Progress.REPORT_INTERVAL.toNanos());
        assertTrue(updates.size() <= bound, updates.size() + " updates in " + seconds + " s, bound " + bound);
        Output.UpdateDisplay last = assertInstanceOf(Output.UpdateDisplay.class, outputs.getLast());
        String text = last.data().get("text/plain").toString();
        assertTrue(text.contains("200/200 (100%)") && text.contains("done in"), text);
        assertTrue(last.data().get("text/html").toString().contains("<progress value=\"200\" max=\"200\""));
    }

    @Test
    void aHeadlessRunKeepsOnlyTheFinalStateOfTheBarInItsPlace() {
        List<Output> outputs = evaluator.eval(LOOP + "\"after\"");
        assertEquals(3, outputs.size(), outputs.toString());
        assertEquals(new Output.Stream("stdout", "before\n"), outputs.get(0));
        Output.Display bar = assertInstanceOf(Output.Display.class, outputs.get(1));
        assertTrue(bar.data().get("text/plain").toString().contains("200/200 (100%)"), bar.toString());
        assertInstanceOf(Output.Result.class, outputs.get(2));
    }

    @Test
    void progressOutsideACellReportsNowhereAndCellsAfterAProgressCellShowNoBar() {
        assertEquals(1, evaluator.eval("Progress.over(List.of(1, 2, 3), \"items\").forEach(i -> { }); 1 + 1").size());
        assertEquals(List.of(), evaluator.eval("int quiet = 1;"));
    }
}
