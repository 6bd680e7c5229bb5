package dev.tailor.jupyter.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.jupyter.render.Renderers;
import dev.tailor.progress.Progress;
import dev.tailor.progress.ProgressReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** The JJava extension's progress reporter: one displayed bundle with an id, then updates of that id. */
class JupyterProgressTest {

    @Test
    void aTaskIsDisplayedOnceWithAnIdAndUpdatedUnderThatIdThroughTheRenderers() throws Exception {
        Renderer renderer = new Renderer();
        Renderers.registerAll(renderer);
        List<DisplayData> shown = new ArrayList<>();
        List<Map.Entry<String, DisplayData>> updates = new ArrayList<>();
        JupyterProgress reporter = new JupyterProgress(renderer, shown::add, (id, data) -> updates.add(Map.entry(id, data)));

        Progress.reportingTo(reporter, () -> {
            try (Progress progress = Progress.range(40, "seeds")) {
                for (int i = 0; i < 40; i++) {
                    Thread.sleep(10);
                    progress.step();
                }
            }
            return null;
        });

        assertEquals(1, shown.size());
        String id = shown.getFirst().getDisplayId();
        assertNotNull(id);
        assertTrue(String.valueOf(shown.getFirst().getData(MIMEType.TEXT_HTML)).contains("<progress value=\"0\" max=\"40\""));
        assertTrue(updates.size() >= 2 && updates.stream().allMatch(u -> u.getKey().equals(id)), updates.toString());
        DisplayData last = updates.getLast().getValue();
        assertTrue(String.valueOf(last.getData(MIMEType.TEXT_PLAIN)).contains("40/40 (100%)"));
        assertTrue(String.valueOf(last.getData(MIMEType.TEXT_HTML)).contains("done in"));
    }

    @Test
    void withoutARunningJJavaKernelDiscoveryFindsNothingAndProgressReportsNowhere() {
        assertTrue(new JupyterProgress.Discovery().detect().isEmpty());
        assertEquals(ProgressReporter.NONE, Progress.currentReporter());
    }
}
