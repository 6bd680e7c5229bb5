package dev.tailor.kernel.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a Python has the Jupyter pieces Tailor's protocol and notebook tests drive: jupyter_kernel_test,
 * nbclient and nbconvert (Debian's packages for /usr/bin/python3).
 */
public final class JupyterCheck {

    /** How to install what is missing on Debian. */
    public static final String INSTALL_HINT = "apt-get install -y --no-install-recommends jupyter-nbconvert "
            + "python3-nbclient python3-jupyter-kernel-test";

    private JupyterCheck() {
    }

    /** What is missing, or empty when {@code python} can import all three modules. */
    public static Optional<String> problem(Path python) throws IOException, InterruptedException {
        if (!Files.isExecutable(python)) {
            return Optional.of(python + " does not exist");
        }
        Process check = new ProcessBuilder(python.toString(), "-c", "import jupyter_kernel_test, nbclient, nbconvert")
                .redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        return check.waitFor() == 0 ? Optional.empty() : Optional.of(python + " lacks jupyter_kernel_test, nbclient or nbconvert");
    }
}
