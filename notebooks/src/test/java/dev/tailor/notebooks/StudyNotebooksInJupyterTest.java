package dev.tailor.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tailor.kernel.jupyter.JupyterCheck;
import dev.tailor.kernel.jupyter.KernelSpecInstaller;
import dev.tailor.kernel.notebook.KernelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every study notebook with {@code jupyter nbconvert --execute --to html} on Tailor's kernel, at
 * TAILOR_SCALE = 0.1, as a user's Jupyter would. nbconvert stops with a non-zero exit on the first cell error.
 * Skipped with a message without Jupyter, unless {@code -Dtailor.requireJupyter=true} (CI).
 */
class StudyNotebooksInJupyterTest {

    private static final Path PYTHON = Path.of(System.getProperty("tailor.python", "/usr/bin/python3"));

    @TempDir
    static Path jupyter;

    @TestFactory
    Stream<DynamicTest> everyNotebookExecutesUnderNbconvertOnTheTailorKernel() throws IOException, InterruptedException {
        requireJupyter();
        KernelSpecInstaller.writeSpec(jupyter.resolve("kernels"), KernelSpec.NAME, KernelSpecInstaller.kernelJson(
                KernelSpecInstaller.currentJava(), KernelSpecInstaller.currentClasspath(), KernelSpec.DISPLAY_NAME));
        List<Path> files = StudyNotebooksTest.notebooks();
        assertFalse(files.isEmpty());
        Path out = Path.of("target", "nbconvert").toAbsolutePath();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path log = jupyter.resolve(file.getFileName() + ".log");
            ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-m", "nbconvert", "--to", "html", "--execute",
                    "--ExecutePreprocessor.timeout=900", "--output-dir", out.toString(), file.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JUPYTER_PATH", jupyter.toString());
            builder.environment().put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
            Process process = builder.start();
            boolean finished = process.waitFor(20, TimeUnit.MINUTES);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertTrue(finished, "nbconvert did not finish within 20 minutes: " + output);
            assertEquals(0, process.exitValue(), "nbconvert failed on " + file.getFileName() + ":\n" + output);
            String html = Files.readString(out.resolve(file.getFileName().toString().replaceFirst("\\.ipynb$", ".html")));
            // Every study notebook draws at least one plot; the kernel sends it as a PNG.
            assertTrue(html.contains("data:image/png;base64,"), "the report of " + file.getFileName() + " embeds a plot");
        }));
    }

    private static void requireJupyter() throws IOException, InterruptedException {
        String problem = JupyterCheck.problem(PYTHON).orElse(null);
        if (problem == null) {
            return;
        }
        String message = "Notebook tests under Jupyter need Jupyter: " + problem + ". Install with: " + JupyterCheck.INSTALL_HINT;
        if (Boolean.getBoolean("tailor.requireJupyter")) {
            fail(message + " (tailor.requireJupyter=true makes this a failure)");
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }
}
