package dev.tailor.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailorTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int tailor(String... args) {
        return new Tailor(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private void notebook(String name, String code) throws IOException {
        Files.writeString(dir.resolve(name), "{\"cells\":[{\"cell_type\":\"markdown\",\"metadata\":{},\"source\":\"# " + name
                + "\"},{\"cell_type\":\"code\",\"metadata\":{},\"outputs\":[],\"source\":\"" + code + "\"}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
    }

    @Test
    void reproduceWritesAReportPerNotebookAndAnIndexAndFailsWhenOneFails() throws IOException {
        notebook("a-good.ipynb", "1 + 1");
        notebook("b-bad.ipynb", "throw new RuntimeException(\\\"boom\\\");");
        Path reports = dir.resolve("reports");
        int code = tailor("reproduce", "--notebooks", dir.toString(), "--reports", reports.toString());
        assertEquals(1, code, "one notebook failed");
        assertTrue(Files.exists(reports.resolve("a-good.html")) && Files.exists(reports.resolve("b-bad.html")));
        assertTrue(Files.exists(reports.resolve("a-good.ipynb")));
        String index = Files.readString(reports.resolve("index.html"));
        assertTrue(index.contains("a-good.html") && index.contains("failed: cell [1] java.lang.RuntimeException: boom"), index);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("FAILED"));
    }

    @Test
    void executeOfAMissingFileSaysSoWithExitCodeOne() {
        assertEquals(1, tailor("execute", dir.resolve("nope.ipynb").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.ipynb does not exist"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWithTwoAndPrintTheUsage() {
        assertEquals(2, tailor("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown command \"frobnicate\""));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: tailor"));
        assertEquals(2, tailor("execute", "x.ipynb", "--html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Option --html needs a value."));
    }
}
