package dev.tailor.kernel.notebook;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tailor.kernel.eval.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes an executed notebook back as nbformat 4 JSON, with outputs, so Jupyter opens it as if run there. */
public final class NotebookWriter {

    private NotebookWriter() {
    }

    public static void write(ExecutedNotebook executed, Path target) throws IOException {
        JsonObject json = executed.notebook().json().deepCopy();
        JsonArray cells = new JsonArray();
        for (ExecutedNotebook.CellRun run : executed.runs()) {
            JsonObject cell = run.cell().json().deepCopy();
            if (run.cell().type().equals("code")) {
                cell.add("execution_count", run.executionCount() == 0 ? null : new JsonPrimitive(run.executionCount()));
                JsonArray outputs = new JsonArray();
                run.outputs().forEach(output -> outputs.add(toJson(output, run.executionCount())));
                cell.add("outputs", outputs);
            }
            cells.add(cell);
        }
        json.add("cells", cells);
        JsonObject metadata = json.has("metadata") ? json.getAsJsonObject("metadata") : new JsonObject();
        metadata.add("kernelspec", KernelSpec.json());
        json.add("metadata", metadata);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json) + "\n",
                StandardCharsets.UTF_8);
    }

    static JsonObject toJson(Output output, int executionCount) {
        JsonObject json = new JsonObject();
        switch (output) {
            case Output.Stream stream -> {
                json.addProperty("output_type", "stream");
                json.addProperty("name", stream.name());
                json.addProperty("text", stream.text());
            }
            case Output.Display display -> {
                json.addProperty("output_type", "display_data");
                json.add("data", bundle(display.data()));
                json.add("metadata", new JsonObject());
            }
            case Output.UpdateDisplay update -> throw new IllegalArgumentException(
                    "An update of display " + update.displayId() + " reached the notebook writer; "
                            + "CellEvaluator.eval(String) folds updates into their displays, run cells through it.");
            case Output.Result result -> {
                json.addProperty("output_type", "execute_result");
                json.addProperty("execution_count", executionCount);
                json.add("data", bundle(result.data()));
                json.add("metadata", new JsonObject());
            }
            case Output.Error error -> {
                json.addProperty("output_type", "error");
                json.addProperty("ename", error.name());
                json.addProperty("evalue", error.value());
                JsonArray traceback = new JsonArray();
                error.traceback().forEach(traceback::add);
                json.add("traceback", traceback);
            }
        }
        return json;
    }

    private static JsonObject bundle(Map<String, Object> data) {
        JsonObject json = new JsonObject();
        data.forEach((mime, content) -> json.addProperty(mime, String.valueOf(content)));
        return json;
    }
}
