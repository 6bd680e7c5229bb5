package dev.tailor.kernel.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Jupyter notebook (nbformat 4) read from a {@code .ipynb} file: its cells in order and its raw JSON. */
public record Notebook(Path path, JsonObject json, List<Cell> cells) {

    /** One cell: {@code type} is "code", "markdown" or "raw". */
    public record Cell(String type, String source, JsonObject json) {
    }

    public Notebook {
        cells = List.copyOf(cells);
    }

    /** Reads a notebook; a malformed file gives an error naming the file and what is wrong. */
    public static Notebook read(Path path) throws IOException {
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException("Notebook " + path + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!json.has("cells") || !json.get("cells").isJsonArray()) {
            throw new IOException("Notebook " + path + " has no \"cells\" array; is it an nbformat 4 .ipynb file?");
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            cells.add(new Cell(cell.get("cell_type").getAsString(), source(cell.get("source")), cell));
        }
        return new Notebook(path, json, cells);
    }

    /** The notebook's title: its first markdown heading, else its file name. */
    public String title() {
        for (Cell cell : cells) {
            if (cell.type().equals("markdown")) {
                for (String line : cell.source().split("\n")) {
                    if (line.startsWith("# ")) {
                        return line.substring(2).strip();
                    }
                }
            }
        }
        return path.getFileName().toString().replaceFirst("\\.ipynb$", "");
    }

    // nbformat allows a source to be one string or a list of lines.
    private static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonElement line : (JsonArray) source) {
                text.append(line.getAsString());
            }
            return text.toString();
        }
        return source.getAsString();
    }
}
