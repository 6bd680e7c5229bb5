package dev.tailor.kernel.eval;

import java.util.function.Consumer;

/**
 * Where {@code display(...)} and printed text go while a cell runs. The evaluator binds a sink for the duration
 * of a cell; threads the cell starts inherit it, so a progress line printed by a worker lands in the right cell.
 */
public final class CellContext {

    // Kernel-scoped routing: the only mutable static of the kernel, set and cleared around each cell.
    private static final InheritableThreadLocal<Consumer<Object>> DISPLAY = new InheritableThreadLocal<>();

    private CellContext() {
    }

    /** Shows an object in the running cell's output, rendered as rich as the renderers allow. */
    public static void display(Object value) {
        Consumer<Object> sink = DISPLAY.get();
        if (sink == null) {
            System.out.println(value);
        } else {
            sink.accept(value);
        }
    }

    static void bind(Consumer<Object> sink) {
        DISPLAY.set(sink);
    }

    static void unbind() {
        DISPLAY.remove();
    }
}
