package dev.tailor.kernel.notebook;

import com.google.gson.JsonObject;

/** The identity of Tailor's kernel as notebooks record it in their metadata. */
public final class KernelSpec {

    public static final String NAME = "tailor";
    public static final String DISPLAY_NAME = "Java (Tailor)";
    public static final String LANGUAGE = "java";

    private KernelSpec() {
    }

    static JsonObject json() {
        JsonObject spec = new JsonObject();
        spec.addProperty("name", NAME);
        spec.addProperty("display_name", DISPLAY_NAME);
        spec.addProperty("language", LANGUAGE);
        return spec;
    }
}
