package dev.tailor.kernel.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} when cell code calls them:
 * the evaluator rewrites those calls in every snippet class, so a stray exit stops the cell, not the kernel.
 * Library code that exits is not rewritten and still ends the JVM, which Jupyter reports as a dead kernel.
 */
public final class CellExit extends RuntimeException {

    /** The error name a cell's output carries when it called {@code System.exit}. */
    public static final String ERROR_NAME = "SystemExit";

    private static final Pattern STATUS = Pattern.compile("^System\\.exit\\((-?\\d+)\\)");

    private final int status;

    private CellExit(int status) {
        super("System.exit(" + status + ") was called in the cell; the kernel keeps running. "
                + "Restart the kernel to start afresh.");
        this.status = status;
    }

    /** The exit status the cell asked for. */
    public int status() {
        return status;
    }

    /** Replaces {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new CellExit(status);
    }

    /** Replaces {@code Runtime.getRuntime().exit(status)} in cell code. */
    public static void exit(Runtime runtime, int status) {
        throw new CellExit(status);
    }

    /** Replaces {@code Runtime.getRuntime().halt(status)} in cell code. */
    public static void halt(Runtime runtime, int status) {
        throw new CellExit(status);
    }

    /** The status an error output reports when it came from a cell's exit call, or -1 when it did not. */
    public static int statusOf(Output.Error error) {
        if (!ERROR_NAME.equals(error.name())) {
            return -1;
        }
        Matcher matcher = STATUS.matcher(error.value());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }
}
