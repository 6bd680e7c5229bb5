package dev.tailor.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {

    @TempDir
    Path dir;

    private Path notebook(String... cells) throws IOException {
        JsonArray array = new JsonArray();
        for (String cell : cells) {
            JsonObject json = new JsonObject();
            boolean markdown = cell.startsWith("#");
            json.addProperty("cell_type", markdown ? "markdown" : "code");
            json.add("metadata", new JsonObject());
            json.addProperty("source", cell);
            if (!markdown) {
                json.add("outputs", new JsonArray());
            }
            array.add(json);
        }
        JsonObject notebook = new JsonObject();
        notebook.add("cells", array);
        notebook.add("metadata", new JsonObject());
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 5);
        Path file = dir.resolve("test.ipynb");
        Files.writeString(file, notebook.toString());
        return file;
    }

    private static ExecutedNotebook run(Path file) throws IOException {
        return new NotebookRunner(new PrintStream(PrintStream.nullOutputStream())).run(Notebook.read(file));
    }

    @Test
    void cellsShareStateAndResultsAreNumberedInOrder() throws IOException {
        ExecutedNotebook executed = run(notebook("# Title\ntext", "int x = 40;", "x + 2"));
        assertEquals("Title", executed.notebook().title());
        assertEquals(List.of(0, 1, 2), executed.runs().stream().map(ExecutedNotebook.CellRun::executionCount).toList());
        assertTrue(executed.firstError().isEmpty());
        Path out = dir.resolve("out.ipynb");
        NotebookWriter.write(executed, out);
        JsonObject written = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        JsonObject result = written.getAsJsonArray("cells").get(2).getAsJsonObject().getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals(2, result.get("execution_count").getAsInt());
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("tailor", written.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
    }

    @Test
    void aFailingCellStopsTheRunAndIsReportedWithItsNumber() throws IOException {
        ExecutedNotebook executed = run(notebook("int a = 1;", "throw new IllegalStateException(\"broken estimator\");", "int b = 2;"));
        String error = executed.firstError().orElseThrow();
        assertTrue(error.startsWith("cell [2] java.lang.IllegalStateException: broken estimator"), error);
        assertEquals(0, executed.runs().get(2).executionCount(), "cells after the failure do not run");
        String html = HtmlReport.render(executed);
        assertTrue(html.contains("class=\"error\"") && html.contains("broken estimator"), "the report shows the error");
    }

    @Test
    void htmlReportRendersMarkdownAndEscapesCode() throws IOException {
        ExecutedNotebook executed = run(notebook("# Study\nSome *emphasis*.", "String s = \"<b>\";\ns"));
        String html = HtmlReport.render(executed);
        assertTrue(html.contains("<h1>Study</h1>"), html);
        assertTrue(html.contains("<em>emphasis</em>"), html);
        assertTrue(html.contains("String s = &quot;&lt;b&gt;&quot;;"), "code is escaped");
    }

    @Test
    void aMalformedNotebookNamesTheFile() throws IOException {
        Path file = dir.resolve("broken.ipynb");
        Files.writeString(file, "{\"cells\": [");
        IOException error = assertThrows(IOException.class, () -> Notebook.read(file));
        assertTrue(error.getMessage().contains("broken.ipynb") && error.getMessage().contains("not valid JSON"), error.getMessage());
        Files.writeString(file, "{\"metadata\": {}}");
        error = assertThrows(IOException.class, () -> Notebook.read(file));
        assertTrue(error.getMessage().contains("no \"cells\" array"), error.getMessage());
    }
}
