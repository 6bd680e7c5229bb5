package dev.tailor.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interrupts, exits, streaming and stdin: the evaluator behaviour the Jupyter kernel relies on. */
class CellEvaluatorStopTest {

    private static CellEvaluator evaluator;

    @BeforeAll
    static void startShell() {
        evaluator = new CellEvaluator(new MimeRenderer(), "");
    }

    @AfterAll
    static void closeShell() {
        evaluator.close();
    }

    @Test
    void stopEndsABusyLoopWithinASecondAndTheNextCellRuns() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            long start = System.nanoTime();
            timer.schedule(evaluator::stop, 300, TimeUnit.MILLISECONDS);
            List<Output> outputs = evaluator.eval("long spins = 0;\nwhile (true) { spins++; }");
            double seconds = (System.nanoTime() - start) / 1e9;
            Output.Error error = assertInstanceOf(Output.Error.class, outputs.getLast(), outputs.toString());
            assertEquals("Interrupted", error.name());
            assertTrue(seconds < 1.3, "took " + seconds + " s");
            Output.Result next = assertInstanceOf(Output.Result.class, evaluator.eval("1 + 1").getFirst());
            assertEquals("2", next.data().get("text/plain"));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aStopThatArrivesWhileTheCellCompilesStillStopsIt() {
        // Stop at once: JShell is still compiling the first snippet, when its own stop() does nothing.
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(evaluator::stop, 1, TimeUnit.MILLISECONDS);
            List<Output> outputs = evaluator.eval("int warmup = 0;\nwhile (true) { warmup++; }");
            assertEquals("Interrupted", assertInstanceOf(Output.Error.class, outputs.getLast()).name());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void stopInterruptsASleepingCell() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(evaluator::stop, 300, TimeUnit.MILLISECONDS);
            List<Output> outputs = evaluator.eval("Thread.sleep(60_000);");
            assertEquals("Interrupted", assertInstanceOf(Output.Error.class, outputs.getLast()).name());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void systemExitStopsTheCellNotTheJvm() {
        List<Output> outputs = evaluator.eval("System.out.println(\"before\");\nSystem.exit(3);\nSystem.out.println(\"after\");");
        assertEquals(new Output.Stream("stdout", "before\n"), outputs.getFirst());
        Output.Error error = assertInstanceOf(Output.Error.class, outputs.getLast());
        assertEquals(CellExit.ERROR_NAME, error.name());
        assertEquals(3, CellExit.statusOf(error));
        assertEquals(2, outputs.size(), outputs.toString());
        Output.Error halted = assertInstanceOf(Output.Error.class, evaluator.eval("Runtime.getRuntime().halt(4);").getLast());
        assertEquals(4, CellExit.statusOf(halted));
    }

    @Test
    void largeOutputArrivesWholeInFewBatches() {
        List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
        evaluator.eval("for (int i = 0; i < 100_000; i++) System.out.println(\"0123456789012345678901234567890123456789012345678\");",
                outputs::add, java.io.InputStream.nullInputStream());
        long chars = outputs.stream().mapToLong(o -> ((Output.Stream) o).text().length()).sum();
        assertEquals(5_000_000L, chars);
        assertTrue(outputs.size() < 1000, outputs.size() + " stream messages");
    }

    @Test
    void stderrIsCapturedSeparately() {
        List<Output> outputs = evaluator.eval("System.err.println(\"careful\");");
        assertEquals(List.of(new Output.Stream("stderr", "careful\n")), outputs);
    }

    @Test
    void systemInReadsTheGivenInput() {
        List<Output> outputs = new ArrayList<>();
        evaluator.eval("new java.util.Scanner(System.in).nextLine().toUpperCase()", outputs::add,
                new ByteArrayInputStream("tailor\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("TAILOR", assertInstanceOf(Output.Result.class, outputs.getLast()).data().get("text/plain"));
    }

    @Test
    void splitMultiByteCharactersAreKeptForTheNextBatch() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, BatchingOutput.completeUtf8Length(new byte[] {euro[0], euro[1]}));
        assertEquals(3, BatchingOutput.completeUtf8Length(euro));
        assertEquals(1, BatchingOutput.completeUtf8Length(new byte[] {'a', euro[0]}));
    }
}
