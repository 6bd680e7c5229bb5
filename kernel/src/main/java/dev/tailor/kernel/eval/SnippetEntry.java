package dev.tailor.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What JShell's snippet thread calls in place of a snippet's {@code do_it$} method, so the snippet runs inside the
 * bindings the evaluator chose for the cell (a {@code ScopedValue} is bound on the thread that runs the code, and
 * JShell starts a fresh thread per snippet, which inherits no scoped values).
 */
final class SnippetEntry {

    /** The body of one snippet run, throwing whatever the snippet throws. */
    @FunctionalInterface
    interface Body {
        Object run() throws Throwable;
    }

    // Hands the body from the thread that asks JShell to run a snippet to the thread JShell starts for it:
    // set just before that thread is created, which copies it, and cleared on both sides right after.
    private static final InheritableThreadLocal<Body> PENDING = new InheritableThreadLocal<>();

    /** The no-argument static method to hand JShell instead of {@code do_it$}. */
    static final Method ENTRY = entry();

    private SnippetEntry() {
    }

    /** Runs {@code body} on the next snippet thread started by the current thread within {@code launch}. */
    static <T> T handOver(Body body, java.util.concurrent.Callable<T> launch) throws Exception {
        PENDING.set(body);
        try {
            return launch.call();
        } finally {
            PENDING.remove();
        }
    }

    /** Calls {@code doIt} and rethrows what the snippet threw as itself, so JShell reports it as usual. */
    static Object invokeSnippet(Method doIt) throws Throwable {
        try {
            return doIt.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unused") // called reflectively through ENTRY
    private static Object run() throws Throwable {
        Body body = PENDING.get();
        PENDING.remove(); // threads the snippet starts must not run it again
        if (body == null) {
            throw new IllegalStateException("No snippet was handed over to this thread.");
        }
        return body.run();
    }

    private static Method entry() {
        try {
            Method method = SnippetEntry.class.getDeclaredMethod("run");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
