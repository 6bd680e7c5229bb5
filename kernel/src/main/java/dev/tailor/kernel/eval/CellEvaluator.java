package dev.tailor.kernel.eval;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.tailor.progress.ProgressReporter;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates notebook cells in an in-process JShell whose classpath is this JVM's, so cells use the Tailor DSL
 * directly and their results are live objects that the renderers turn into MIME bundles.
 *
 * <p>A cell is split into JShell snippets and run in order; the first error stops the cell. The value of the
 * last snippet is the cell's result when it is an expression and the cell does not end with {@code ;}.
 * stdout and stderr are captured while a cell runs and leave in batches, so large outputs stay fast.
 * One evaluator runs one cell at a time; {@link #stop()} is the one method meant for another thread.
 */
public final class CellEvaluator implements AutoCloseable {

    private final JShell shell;
    private final CapturingExecutionControl control;
    private final Function<Object, Map<String, Object>> renderer;
    // One daemon thread per evaluator sends printed text while a cell runs.
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tailor-output");
        thread.setDaemon(true);
        return thread;
    });
    // The cell being run and whether a stop was asked for it. Guarded by stopLock, so a stop meant for one cell
    // can never reach the next one, however late the thread asking for it is scheduled.
    private final Object stopLock = new Object();
    private RunningCell running;

    private static final class RunningCell {
        volatile boolean stopRequested;
    }

    /** How long printed text may wait before it is sent, in milliseconds. */
    public static final long STREAM_BATCH_MS = 50;

    /**
     * @param renderer turns a value into a MIME bundle ({@code text/plain} at least)
     * @param prelude  source run once before the first cell, such as imports
     */
    public CellEvaluator(Function<Object, Map<String, Object>> renderer, String prelude) {
        this.renderer = renderer;
        this.control = new CapturingExecutionControl(CellEvaluator.class.getClassLoader());
        this.shell = JShell.builder()
                .executionEngine(new CapturingExecutionControl.Provider(control), Map.of())
                .out(new PrintStream(PrintStream.nullOutputStream()))
                .err(new PrintStream(PrintStream.nullOutputStream()))
                .build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        List<Output> preludeOutputs = eval(prelude + "\nvoid display(Object value) { dev.tailor.kernel.eval.CellContext.display(value); }");
        for (Output output : preludeOutputs) {
            if (output instanceof Output.Error error) {
                throw new IllegalStateException("The notebook prelude failed: " + error.value() + "\n" + String.join("\n", error.traceback()));
            }
        }
    }

    /**
     * Compiles and runs a few throwaway snippets, so javac's classes are loaded and its hot paths compiled before
     * the first real cell: a cold JShell takes about a second for its first snippet and a few hundred ms for the
     * next ones. Drops the temporaries it made, so cells see no trace of it.
     */
    public void warmUp() {
        java.util.Set<Snippet> before = shell.snippets().collect(Collectors.toSet());
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            for (String snippet : List.of("1 + 1", "Math.max(1, 2);", "{ int warmUp = 1; }")) {
                for (Output output : eval(snippet)) {
                    if (output instanceof Output.Error error) {
                        throw new IllegalStateException("A warm-up snippet failed: " + error.value());
                    }
                }
            }
        }
        shell.snippets().filter(s -> !before.contains(s)).toList().forEach(shell::drop);
    }

    // Loads javac and starts its JIT compilation; more rounds mostly delay the first cell, which waits for this.
    private static final int WARM_UP_ROUNDS = 2;

    /**
     * Runs one cell and returns what it printed, displayed and returned, in order; stdin reads see end of input.
     * A display that was updated (a progress bar) appears once, in its last state.
     */
    public List<Output> eval(String cell) {
        List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
        eval(cell, outputs::add, InputStream.nullInputStream());
        return applyUpdates(mergeStreams(outputs));
    }

    /**
     * Runs one cell and hands each output to {@code sink} as it happens: printed text in batches of about
     * {@value #STREAM_BATCH_MS} ms, each display when it is called, then the result or the first error.
     *
     * @param in what {@code System.in} reads while the cell runs
     */
    public void eval(String cell, Consumer<Output> sink, InputStream in) {
        RunningCell state = new RunningCell();
        synchronized (stopLock) {
            running = state;
        }
        BatchingOutput out = new BatchingOutput("stdout", sink);
        BatchingOutput err = new BatchingOutput("stderr", sink);
        Runnable emitText = () -> {
            out.emit();
            err.emit();
        };
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        InputStream originalIn = System.in;
        // Text printed before a display, a read or an error must arrive before it.
        CellContext.bind(value -> {
            emitText.run();
            sink.accept(new Output.Display(renderer.apply(value)));
        });
        control.reportProgressTo(progressBars(sink, emitText));
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
        System.setIn(new PromptFlushingInput(in, emitText));
        // The ticker also repeats a pending stop: JShell ignores stop() while it compiles rather than runs code.
        ScheduledFuture<?> ticker = ticks.scheduleAtFixedRate(() -> {
            emitText.run();
            synchronized (stopLock) {
                if (running == state && state.stopRequested) {
                    shell.stop();
                }
            }
        }, STREAM_BATCH_MS, STREAM_BATCH_MS, TimeUnit.MILLISECONDS);
        try {
            runSnippets(cell, sink, emitText, state);
        } finally {
            synchronized (stopLock) {
                running = null;
            }
            ticker.cancel(false);
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setIn(originalIn);
            CellContext.unbind();
            control.reportProgressTo(ProgressReporter.NONE);
            emitText.run();
        }
    }

    /** Each Progress task of the cell becomes one display, replaced in place by its later states. */
    private ProgressReporter progressBars(Consumer<Output> sink, Runnable emitText) {
        return start -> {
            String displayId = UUID.randomUUID().toString();
            emitText.run(); // the bar belongs after what the cell printed before the task started
            sink.accept(new Output.Display(renderer.apply(start), displayId));
            return state -> sink.accept(new Output.UpdateDisplay(displayId, renderer.apply(state)));
        };
    }

    /**
     * Stops the running cell from another thread: loops in cell code check a stop flag JShell weaves in, and
     * blocking calls are interrupted. The stop is repeated until the cell ends, since JShell ignores one that
     * arrives while it compiles. The cell ends with an "Interrupted" error; the next cell runs normally.
     */
    public void stop() {
        synchronized (stopLock) {
            if (running != null) {
                running.stopRequested = true;
                shell.stop();
            }
        }
    }

    /** Adds a jar or a class directory to what cells can use. */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** The class loader that loads snippet classes and jars added later; null before the first snippet ran. */
    public ClassLoader snippetClassLoader() {
        return control.snippetLoader();
    }

    /** Completion, documentation and completeness checks against this evaluator's state. */
    public CellAnalysis analysis() {
        List<String> packages = shell.imports()
                .filter(i -> !i.isStatic() && i.fullname().endsWith(".*"))
                .map(i -> i.fullname().substring(0, i.fullname().length() - 2))
                .toList();
        ClassLoader loader = control.snippetLoader() != null ? control.snippetLoader() : CellEvaluator.class.getClassLoader();
        return new CellAnalysis(shell.sourceCodeAnalysis(), packages, loader);
    }

    private void runSnippets(String cell, Consumer<Output> sink, Runnable emitText, RunningCell state) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        int offset = 0;
        Object lastValue = null;
        boolean hasValue = false;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                emitText.run();
                sink.accept(compileError("Incomplete code at the end of the cell: " + firstLine(remaining.strip()),
                        List.of("Check for a missing ';', ')' or '}'."), lineOf(cell, offset + leadingBlank(remaining))));
                return;
            }
            int consumed = remaining.length() - info.remaining().length();
            // Diagnostic positions count from the start of source(), which keeps some or all leading blanks.
            int snippetStart = offset + leadingBlank(remaining) - leadingBlank(source);
            hasValue = false;
            if (state.stopRequested) {
                emitText.run();
                sink.accept(interruptedError());
                return;
            }
            for (SnippetEvent event : shell.eval(source)) {
                // A stopped snippet comes back without an exception, so the request is what tells.
                if (state.stopRequested) {
                    emitText.run();
                    sink.accept(interruptedError());
                    return;
                }
                if (event.causeSnippet() != null) {
                    continue; // updates of dependent snippets, not this one
                }
                Snippet snippet = event.snippet();
                if (event.status() == Snippet.Status.REJECTED) {
                    emitText.run();
                    sink.accept(compileError(snippet, cell, snippetStart));
                    return;
                }
                if (event.exception() != null) {
                    emitText.run();
                    sink.accept(runtimeError(event.exception(), "#" + snippet.id(), lineOf(cell, snippetStart + leadingBlank(source))));
                    return;
                }
                if (isExpression(snippet)) {
                    hasValue = true;
                    lastValue = valueOf(snippet);
                }
            }
            offset += consumed;
            remaining = info.remaining();
        }
        if (hasValue && !cell.strip().endsWith(";")) {
            emitText.run();
            sink.accept(renderResult(lastValue));
        }
    }

    private static Output.Error interruptedError() {
        return new Output.Error("Interrupted", "The cell was interrupted.",
                List.of("Interrupted: the cell was stopped; variables defined before the stop keep their values."));
    }

    private Output renderResult(Object value) {
        try {
            return new Output.Result(renderer.apply(value));
        } catch (RuntimeException e) {
            // A broken toString() or renderer must not take the kernel down with it.
            return new Output.Error(e.getClass().getName(), "Could not show the cell's value: " + e.getMessage(),
                    List.of("Could not show the cell's value: " + e));
        }
    }

    /** Joins neighbouring stream outputs of the same name, which batching split at arbitrary points. */
    private static List<Output> mergeStreams(List<Output> outputs) {
        List<Output> merged = new ArrayList<>();
        for (Output output : outputs) {
            if (output instanceof Output.Stream stream && !merged.isEmpty()
                    && merged.getLast() instanceof Output.Stream previous && previous.name().equals(stream.name())) {
                merged.set(merged.size() - 1, new Output.Stream(stream.name(), previous.text() + stream.text()));
            } else {
                merged.add(output);
            }
        }
        return merged;
    }

    /** Puts each update's content into the display it names and drops the update, as a notebook front end shows it. */
    private static List<Output> applyUpdates(List<Output> outputs) {
        Map<String, Integer> displayAt = new HashMap<>();
        List<Output> settled = new ArrayList<>();
        for (Output output : outputs) {
            switch (output) {
                case Output.UpdateDisplay update -> {
                    Integer at = displayAt.get(update.displayId());
                    if (at != null) {
                        settled.set(at, new Output.Display(update.data(), update.displayId()));
                    }
                }
                case Output.Display display when display.displayId() != null -> {
                    displayAt.put(display.displayId(), settled.size());
                    settled.add(display);
                }
                default -> settled.add(output);
            }
        }
        return settled;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private Object valueOf(Snippet snippet) {
        VarSnippet variable = switch (snippet) {
            case VarSnippet var -> var;
            case ExpressionSnippet expression -> shell.variables()
                    .filter(v -> v.name().equals(expression.name()))
                    .reduce((first, second) -> second)
                    .orElse(null);
            default -> null;
        };
        if (variable == null) {
            return null;
        }
        shell.varValue(variable);
        return control.takeLastValue();
    }

    private Output.Error compileError(Snippet snippet, String cell, int snippetStart) {
        List<Diag> diagnostics = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (diagnostics.isEmpty()) {
            String unresolved = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                    .collect(Collectors.joining(", "));
            return compileError("Cannot resolve " + unresolved, List.of(), lineOf(cell, snippetStart));
        }
        Diag first = diagnostics.get(0);
        int position = snippetStart + (int) Math.max(0, first.getStartPosition());
        String message = first.getMessage(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        for (Diag diag : diagnostics) {
            int at = snippetStart + (int) Math.max(0, diag.getStartPosition());
            lines.add("line " + lineOf(cell, at) + ", column " + columnOf(cell, at) + ": " + diag.getMessage(Locale.ROOT));
            lines.add("    " + lineText(cell, at));
            lines.add("    " + " ".repeat(Math.max(0, columnOf(cell, at) - 1)) + "^");
        }
        return new Output.Error("CompilationError", "line " + lineOf(cell, position) + ", column "
                + columnOf(cell, position) + ": " + message, lines);
    }

    private static Output.Error compileError(String message, List<String> hints, int line) {
        String located = "line " + line + ": " + message;
        List<String> lines = new ArrayList<>();
        lines.add(located);
        lines.addAll(hints);
        return new Output.Error("CompilationError", located, lines);
    }

    /**
     * @param snippetFile the file name JShell gives frames of the failing snippet ("#12")
     * @param firstLine   the cell line where that snippet starts
     */
    private static Output.Error runtimeError(jdk.jshell.JShellException exception, String snippetFile, int firstLine) {
        if (exception instanceof EvalException eval && eval.getExceptionClassName().equals(CellExit.class.getName())) {
            return new Output.Error(CellExit.ERROR_NAME, eval.getMessage(), List.of(CellExit.ERROR_NAME + ": " + eval.getMessage()));
        }
        String name = switch (exception) {
            case EvalException eval -> eval.getExceptionClassName();
            case UnresolvedReferenceException unresolved -> "UnresolvedReference";
            default -> exception.getClass().getName();
        };
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(name + (message.isEmpty() ? "" : ": " + message));
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (isKernelFrame(frame)) {
                break; // below the user's code: reflection, JShell and the kernel itself
            }
            lines.add("    at " + describe(frame, snippetFile, firstLine));
        }
        Throwable cause = exception.getCause();
        while (cause != null) {
            lines.add("Caused by: " + cause);
            cause = cause.getCause();
        }
        return new Output.Error(name, message, lines);
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("jdk.internal.reflect") || cls.startsWith("java.lang.reflect")
                || cls.startsWith("jdk.jshell") || cls.startsWith("dev.tailor.kernel");
    }

    private static String describe(StackTraceElement frame, String snippetFile, int firstLine) {
        // JShell renames frames of snippet code to file "#ID" and the line within that snippet.
        if (snippetFile.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
            return "this cell, line " + (firstLine + frame.getLineNumber() - 1);
        }
        if (frame.getFileName() != null && frame.getFileName().startsWith("#")) {
            String name = frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + ", ";
            return "an earlier cell (" + name + "snippet " + frame.getFileName() + ", line " + frame.getLineNumber() + ")";
        }
        if (frame.getClassName().startsWith("REPL.")) {
            return "cell code (" + frame.getMethodName().replace("do_it$", "statement") + ")";
        }
        return frame.toString();
    }

    private static int leadingBlank(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineOf(String text, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int position) {
        int start = text.lastIndexOf('\n', Math.max(0, Math.min(position, text.length()) - 1)) + 1;
        return position - start + 1;
    }

    private static String lineText(String text, int position) {
        int start = text.lastIndexOf('\n', Math.max(0, Math.min(position, text.length()) - 1)) + 1;
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " ...";
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        shell.close();
    }
}
