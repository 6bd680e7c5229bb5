package dev.tailor.kernel.eval;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tailor.jupyter.render.Renderers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Turns a cell's value into a MIME bundle with the same JJava renderer and registrations the Jupyter kernel uses,
 * so a headless run shows exactly what a notebook shows.
 */
public final class MimeRenderer implements Function<Object, Map<String, Object>> {

    private final Renderer renderer;
    private final Gson gson = new Gson();

    /** A renderer with Tailor's registrations, for headless runs. */
    public MimeRenderer() {
        this.renderer = new Renderer();
        Renderers.registerAll(renderer);
    }

    /** Renders with a kernel's own renderer, whose registrations come from the installed extensions. */
    public MimeRenderer(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Map<String, Object> apply(Object value) {
        if (value == null) {
            return Map.of("text/plain", "null");
        }
        DisplayData display = renderer.render(value);
        // DisplayData keeps its bundle private; its JSON form is the Jupyter wire format we need anyway.
        JsonObject data = gson.toJsonTree(display).getAsJsonObject().getAsJsonObject("data");
        Map<String, Object> bundle = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : data.entrySet()) {
            JsonElement content = entry.getValue();
            bundle.put(entry.getKey(), content.isJsonPrimitive() ? content.getAsString() : content.toString());
        }
        return bundle;
    }
}
