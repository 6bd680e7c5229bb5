package dev.tailor.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tailor.kernel.notebook.KernelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the Python protocol suite (src/test/python/test_tailor_kernel.py: jupyter_kernel_test plus interrupt,
 * 5 MB output, stdin, 100 cells, restart and nbconvert) against a kernelspec that starts the kernel from this
 * test's classpath. Without Jupyter for /usr/bin/python3 the test is skipped with a message, unless
 * {@code -Dtailor.requireJupyter=true} (CI), which turns the skip into a failure.
 */
class JupyterKernelTest {

    // Debian's Python, where apt installs Jupyter; -Dtailor.python=... points elsewhere.
    private static final Path PYTHON = Path.of(System.getProperty("tailor.python", "/usr/bin/python3"));

    @Test
    void pythonProtocolSuitePassesAgainstTheKernelspec(@TempDir Path tmp) throws IOException, InterruptedException {
        requireJupyter();
        Path jupyterPath = tmp.resolve("jupyter");
        KernelSpecInstaller.writeSpec(jupyterPath.resolve("kernels"), KernelSpec.NAME, KernelSpecInstaller.kernelJson(
                KernelSpecInstaller.currentJava(), KernelSpecInstaller.currentClasspath(), KernelSpec.DISPLAY_NAME));
        Path log = tmp.resolve("python-tests.log");
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "-v", "test_tailor_kernel")
                .directory(Path.of("src/test/python").toAbsolutePath().toFile())
                // A file, not a pipe: kernels the suite starts inherit it and could outlive a reader.
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString());
        env.put("TAILOR_KERNEL_NAME", KernelSpec.NAME);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(finished, "The Python kernel tests did not finish within 10 minutes.");
        assertEquals(0, process.exitValue(), "The Python kernel tests failed; their output is above.");
    }

    private static void requireJupyter() throws IOException, InterruptedException {
        String problem = JupyterCheck.problem(PYTHON).orElse(null);
        if (problem == null) {
            return;
        }
        String message = "Jupyter kernel tests need Jupyter: " + problem + ". Install with: " + JupyterCheck.INSTALL_HINT;
        if (Boolean.getBoolean("tailor.requireJupyter")) {
            fail(message + " (tailor.requireJupyter=true makes this a failure)");
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }
}
