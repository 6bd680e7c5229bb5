package dev.tailor.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.kernel.eval.Output;
import dev.tailor.kernel.notebook.ExecutedNotebook;
import dev.tailor.kernel.notebook.HtmlReport;
import dev.tailor.kernel.notebook.Notebook;
import dev.tailor.kernel.notebook.NotebookRunner;
import dev.tailor.kernel.notebook.NotebookWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every study notebook of this module headless, at TAILOR_SCALE = 0.1 (set in the POM), and fails on any
 * cell error. The notebooks check their own must-hold numbers in cells that throw, so a broken estimator breaks
 * this test. Reports land in target/reports for inspection.
 */
class StudyNotebooksTest {

    private static final Path NOTEBOOKS = Path.of("").toAbsolutePath();
    private static final Path REPORTS = Path.of("target", "reports");

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void runsAtTheReducedTestScale() {
        assertEquals("0.1", System.getenv("TAILOR_SCALE"), "surefire must set TAILOR_SCALE for the notebook tests");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookExecutesWithoutError() throws IOException {
        List<Path> files = notebooks();
        assertFalse(files.isEmpty(), "no notebooks found in " + NOTEBOOKS);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ExecutedNotebook executed = new NotebookRunner(new PrintStream(PrintStream.nullOutputStream())).run(Notebook.read(file));
            String name = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
            HtmlReport.write(executed, REPORTS.resolve(name + ".html"));
            NotebookWriter.write(executed, REPORTS.resolve(name + ".ipynb"));
            executed.firstError().ifPresent(error -> {
                throw new AssertionError(file.getFileName() + " failed in " + error);
            });
            long codeCells = executed.runs().stream().filter(r -> r.cell().type().equals("code")).count();
            long ran = executed.runs().stream().filter(r -> r.executionCount() > 0).count();
            assertEquals(codeCells, ran, "every code cell ran");
        }));
    }

    @Test
    void schoolYearPhaseOneReportEmbedsTheEffectPlot() throws IOException {
        Path file = NOTEBOOKS.resolve("school-year-phase1.ipynb");
        ExecutedNotebook executed = new NotebookRunner(new PrintStream(PrintStream.nullOutputStream())).run(Notebook.read(file));
        assertTrue(executed.firstError().isEmpty(), () -> executed.firstError().get());
        boolean hasPng = executed.runs().stream().flatMap(r -> r.outputs().stream())
                .anyMatch(o -> (o instanceof Output.Result r && r.data().containsKey("image/png"))
                        || (o instanceof Output.Display d && d.data().containsKey("image/png")));
        assertTrue(hasPng, "some cell shows a PNG plot");
        String html = HtmlReport.render(executed);
        assertTrue(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"), "the HTML report embeds a PNG");
    }
}
