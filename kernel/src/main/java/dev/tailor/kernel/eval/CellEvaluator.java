package dev.tailor.kernel.eval;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 */
public final class CellEvaluator implements AutoCloseable {

    private final JShell shell;
    private final CapturingExecutionControl control;
    private final Function<Object, Map<String, Object>> renderer;

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

    /** Runs one cell and returns what it printed, displayed and returned, in order. */
    public List<Output> eval(String cell) {
        List<Output> outputs = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        // Flush printed text before each display so the order of prints and pictures is kept.
        CellContext.bind(value -> {
            capture.flush();
            flushStream(printed, outputs);
            outputs.add(new Output.Display(renderer.apply(value)));
        });
        System.setOut(capture);
        try {
            runSnippets(cell, outputs, printed);
        } finally {
            System.setOut(originalOut);
            CellContext.unbind();
            capture.flush();
        }
        flushStream(printed, outputs);
        // Keep the result last, after everything the cell printed.
        outputs.sort((a, b) -> Boolean.compare(a instanceof Output.Result, b instanceof Output.Result));
        return outputs;
    }

    private void runSnippets(String cell, List<Output> outputs, ByteArrayOutputStream printed) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        int offset = 0;
        Object lastValue = null;
        boolean hasValue = false;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                outputs.add(compileError("Incomplete code at the end of the cell: " + firstLine(remaining.strip()),
                        List.of("Check for a missing ';', ')' or '}'."), lineOf(cell, offset + leadingBlank(remaining))));
                return;
            }
            int consumed = remaining.length() - info.remaining().length();
            int snippetStart = offset + leadingBlank(remaining);
            hasValue = false;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue; // updates of dependent snippets, not this one
                }
                Snippet snippet = event.snippet();
                if (event.status() == Snippet.Status.REJECTED) {
                    outputs.add(compileError(snippet, cell, snippetStart));
                    return;
                }
                if (event.exception() != null) {
                    outputs.add(runtimeError(event.exception()));
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
            outputs.add(new Output.Result(renderer.apply(lastValue)));
        }
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

    private static Output.Error runtimeError(jdk.jshell.JShellException exception) {
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
            lines.add("    at " + describe(frame));
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

    private static String describe(StackTraceElement frame) {
        if (frame.getClassName().startsWith("REPL.")) {
            return "cell code (" + frame.getMethodName().replace("do_it$", "statement") + ")";
        }
        return frame.toString();
    }

    private static void flushStream(ByteArrayOutputStream printed, List<Output> outputs) {
        if (printed.size() > 0) {
            outputs.add(new Output.Stream("stdout", printed.toString(StandardCharsets.UTF_8)));
            printed.reset();
        }
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
        shell.close();
    }
}
