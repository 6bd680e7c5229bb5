package dev.tailor.jupyter.progress;

import dev.tailor.progress.ProgressReporter;
import dev.tailor.progress.ProgressState;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Progress bars in a stock JJava kernel: each task is displayed once with a display id (through the kernel's
 * renderer, so text/plain and text/html) and its later states replace it with {@code update_display_data}.
 *
 * <p>A stock kernel cannot bind a reporter around its cells, so {@link dev.tailor.progress.Progress} finds this one
 * through {@link ProgressReporter.Discovery} while a JJava notebook kernel is running. Tailor's own kernel binds
 * its reporter for each cell, which takes precedence.
 */
public final class JupyterProgress implements ProgressReporter {

    private final Renderer renderer;
    private final Consumer<DisplayData> display;
    private final BiConsumer<String, DisplayData> update;

    /**
     * @param display shows a new bundle (it carries its display id)
     * @param update  replaces the bundle shown under a display id
     */
    public JupyterProgress(Renderer renderer, Consumer<DisplayData> display, BiConsumer<String, DisplayData> update) {
        this.renderer = renderer;
        this.display = display;
        this.update = update;
    }

    /** Reports to a JJava kernel: {@code kernel.display} to show, its display stream to update. */
    public static JupyterProgress of(BaseKernel kernel) {
        return new JupyterProgress(kernel.getRenderer(), kernel::display, kernel.getIO().display::updateDisplay);
    }

    @Override
    public ProgressDisplay open(ProgressState start) {
        String displayId = UUID.randomUUID().toString();
        DisplayData first = renderer.render(start);
        first.setDisplayId(displayId);
        display.accept(first);
        return state -> update.accept(displayId, renderer.render(state));
    }

    /** Found with ServiceLoader; reports only while a JJava notebook kernel runs a cell in this JVM. */
    public static final class Discovery implements ProgressReporter.Discovery {

        @Override
        public Optional<ProgressReporter> detect() {
            BaseKernel kernel;
            try {
                kernel = BaseKernel.notebookKernel();
            } catch (NullPointerException | NoClassDefFoundError e) {
                return Optional.empty(); // JJava says "no kernel running" with an NPE; no JJava at all is the same
            }
            // Attached while a stock kernel runs a cell; Tailor's kernel binds its own reporter and never attaches.
            return kernel.getIO().isAttached() ? Optional.of(of(kernel)) : Optional.empty();
        }
    }
}
