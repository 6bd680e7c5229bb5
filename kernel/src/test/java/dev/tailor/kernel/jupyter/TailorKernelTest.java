package dev.tailor.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's answers to complete, inspect, is_complete and interrupt, in-process and without Jupyter. */
class TailorKernelTest {

    private static TailorKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = TailorKernel.create();
        kernel.start();
        kernel.evaluator(); // waits for the shell and the extensions
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    @Test
    void extensionsInstallTheStartupImports() {
        assertTrue(kernel.evaluator().eval("Table.create(\"t\")").getFirst() instanceof dev.tailor.kernel.eval.Output.Result);
    }

    @Test
    void completeReplacesThePrefixOfTheNameAtTheCursor() {
        ReplacementOptions options = kernel.complete("int a = 1;\nMath.ma", 18);
        assertTrue(options.getReplacements().contains("max("), options.getReplacements().toString());
        assertEquals(16, options.getSourceStart());
        assertEquals(18, options.getSourceEnd());
    }

    @Test
    void inspectShowsSignatureAndFirstSentenceWithTheCursorAtTheEnd() {
        DisplayData data = kernel.inspect("Math.abs", 8, false);
        String text = String.valueOf(data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(text.contains("abs(int a)"), text);
        assertTrue(text.contains("Returns the absolute value of an int value."), text);
    }

    @Test
    void inspectShowsTheFirstJavadocSentenceOfTailorMethodsAndClassesFromTheirSources() {
        String spec = String.valueOf(kernel.inspect("CausalForest.spec", 17, false).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(spec.contains("CausalForest.spec()"), spec);
        assertTrue(spec.contains("grf's defaults: 2,000 trees, sample fraction 0.5, honesty 0.5, min node size 5,"), spec);
        String trees = String.valueOf(kernel.inspect("CausalForest.spec().trees(", 26, false).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(trees.contains("trees(int count)\n    Number of trees; more trees make variance estimates steadier (grf uses 2,000)."), trees);
        String progress = String.valueOf(kernel.inspect("Progress", 8, false).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(progress.contains("A long task that reports how far it got, such as training a forest or looping over replications:"), progress);
    }

    @Test
    void isCompleteAnswersCompleteIncompleteWithIndentAndInvalid() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("var x = 1;"));
        assertEquals("        ", kernel.isComplete("if (true) {\n    while (x < 3) {"));
        assertEquals(BaseKernel.IS_COMPLETE_BAD, kernel.isComplete("int 1x = ;)"));
    }

    @Test
    void interruptStopsABusyCellAndTheNextCellRuns() throws Exception {
        CompletableFuture<java.util.List<dev.tailor.kernel.eval.Output>> cell =
                CompletableFuture.supplyAsync(() -> kernel.evaluator().eval("while (true) { }"));
        Thread.sleep(500);
        long start = System.nanoTime();
        kernel.interrupt();
        var outputs = cell.get(5, TimeUnit.SECONDS);
        assertTrue((System.nanoTime() - start) / 1e9 < 1.0, "the interrupt took more than a second");
        assertEquals("Interrupted", ((dev.tailor.kernel.eval.Output.Error) outputs.getLast()).name());
        assertTrue(kernel.evaluator().eval("2 + 2").getFirst() instanceof dev.tailor.kernel.eval.Output.Result);
    }
}
