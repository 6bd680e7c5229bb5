package dev.tailor.kernel.eval;

import java.util.List;
import java.util.Map;

/** One piece of what a cell produced, in the shapes of Jupyter's output types. */
public sealed interface Output {

    /** Text printed to stdout or stderr. */
    record Stream(String name, String text) implements Output {
    }

    /**
     * A rich object shown by {@code display(...)}; {@code data} maps MIME types to content.
     *
     * @param displayId names the display for later {@link UpdateDisplay}s, such as a progress bar; null for none
     */
    record Display(Map<String, Object> data, String displayId) implements Output {

        public Display {
            data = Map.copyOf(data);
        }

        public Display(Map<String, Object> data) {
            this(data, null);
        }
    }

    /** New content for the earlier {@link Display} with the same id, to show in its place. */
    record UpdateDisplay(String displayId, Map<String, Object> data) implements Output {

        public UpdateDisplay {
            data = Map.copyOf(data);
        }
    }

    /** The value of the cell's last expression. */
    record Result(Map<String, Object> data) implements Output {

        public Result {
            data = Map.copyOf(data);
        }
    }

    /** A compile or runtime error: exception name, message and the lines to show. */
    record Error(String name, String value, List<String> traceback) implements Output {

        public Error {
            traceback = List.copyOf(traceback);
        }
    }
}
