package dev.tailor.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecInstallerTest {

    @Test
    void kernelJsonLaunchesTailorsMainWithTheJvmFlagsAndMessageInterrupts() {
        JsonObject spec = JsonParser.parseString(KernelSpecInstaller.kernelJson("/jdk/bin/java", "/t/lib/*:/t/k.jar", "Java (Tailor)"))
                .getAsJsonObject();
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(List.of("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.awt.headless=true", "-cp", "/t/lib/*:/t/k.jar", "dev.tailor.kernel.cli.Tailor", "kernel", "run",
                "{connection_file}"), argv);
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("Java (Tailor)", spec.get("display_name").getAsString());
    }

    @Test
    void withoutJupyterAPrefixInstallWritesUnderShareJupyterKernels(@TempDir Path tmp) throws Exception {
        Path dir = KernelSpecInstaller.install(new KernelSpecInstaller.Target.Prefix(tmp), "tailor", "{}\n", null);
        assertEquals(tmp.resolve("share/jupyter/kernels/tailor"), dir);
        assertEquals("{}\n", Files.readString(dir.resolve("kernel.json")));
    }

    @Test
    void historySearchTakesIpythonGlobs() throws IOException {
        KernelHistory history = new KernelHistory();
        history.add(1, "6 * 7", "42");
        history.add(2, "int a = 1;", "");
        history.add(3, "6 * 7", "42");
        assertEquals(2, history.search("6*7", 10, java.util.EnumSet.noneOf(org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag.class)).size());
        assertEquals(1, history.search("6*7", 10, java.util.EnumSet.of(org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag.UNIQUE)).size());
        assertEquals(List.of(2), history.lookupRange(0, 2, 3, java.util.EnumSet.noneOf(org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag.class))
                .stream().map(e -> e.getCellNumber()).toList());
    }
}
