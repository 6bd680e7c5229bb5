package dev.tailor.kernel.jupyter;

import dev.tailor.kernel.eval.CellEvaluator;
import dev.tailor.kernel.eval.Output;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * IPython-style magics in front of the evaluator. A cell whose first line is {@code %%time} is timed as a whole;
 * any line starting with {@code %} is a line magic run in its place between the code around it:
 * {@code %time STATEMENT}, {@code %lsmagic}, {@code %classpath PATH...}, {@code %load FILE.jsh} and
 * {@code %maven GROUP:ARTIFACT:VERSION...}. Cells without magics go to the evaluator untouched.
 */
public final class Magics {

    /** What the magics need from their host beyond the evaluator: growing the classpath. */
    public interface Host {

        /** Makes jars or class directories usable in later code (and installs any JJava extensions in them). */
        void addToClasspath(List<Path> entries);

        /** Resolves Maven coordinates with their runtime dependencies to local jar files. */
        List<Path> resolve(List<String> coordinates) throws IOException;
    }

    static final List<String> LINE_MAGICS = List.of("%classpath", "%load", "%lsmagic", "%maven", "%time");
    static final List<String> CELL_MAGICS = List.of("%%time");

    private final CellEvaluator evaluator;
    private final Host host;

    public Magics(CellEvaluator evaluator, Host host) {
        this.evaluator = evaluator;
        this.host = host;
    }

    /** Runs a cell with its magics; outputs go to {@code sink} as they happen, and the first error ends the cell. */
    public void run(String cell, Consumer<Output> sink, InputStream in) {
        String first = cell.stripLeading();
        if (first.startsWith("%%")) {
            int lineEnd = first.indexOf('\n');
            String magic = (lineEnd < 0 ? first : first.substring(0, lineEnd)).strip();
            String body = lineEnd < 0 ? "" : "\n" + first.substring(lineEnd + 1); // keep line numbers
            if (!magic.equals("%%time")) {
                sink.accept(magicError("Unknown cell magic " + magic.split("\\s+")[0] + ". Cell magics: " + String.join(" ", CELL_MAGICS)));
                return;
            }
            timed(sink, timedSink -> runLines(body, timedSink, in));
            return;
        }
        if (cell.lines().noneMatch(Magics::isLineMagic)) {
            evaluator.eval(cell, sink, in);
            return;
        }
        runLines(cell, sink, in);
    }

    private boolean runLines(String code, Consumer<Output> sink, InputStream in) {
        String[] lines = code.split("\n", -1);
        StringBuilder chunk = new StringBuilder();
        int chunkStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!isLineMagic(lines[i])) {
                chunk.append(lines[i]).append('\n');
                continue;
            }
            if (!evalChunk(chunk, chunkStart, sink, in) || !lineMagic(lines[i].strip(), sink, in)) {
                return false;
            }
            chunk.setLength(0);
            chunkStart = i + 1;
        }
        return evalChunk(chunk, chunkStart, sink, in);
    }

    /** Evaluates code that sat between magics, padded with blank lines so errors name the line in the cell. */
    private boolean evalChunk(CharSequence chunk, int startLine, Consumer<Output> sink, InputStream in) {
        if (chunk.toString().isBlank()) {
            return true;
        }
        ErrorWatch watch = new ErrorWatch(sink);
        evaluator.eval("\n".repeat(startLine) + chunk.toString().stripTrailing(), watch, in);
        return !watch.failed;
    }

    private boolean lineMagic(String line, Consumer<Output> sink, InputStream in) {
        String[] parts = line.split("\\s+", 2);
        String name = parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "%time" -> {
                return timed(sink, timedSink -> evalChunk(argument, 0, timedSink, in));
            }
            case "%lsmagic" -> {
                sink.accept(new Output.Stream("stdout", "Line magics: " + String.join(" ", LINE_MAGICS)
                        + "\nCell magics: " + String.join(" ", CELL_MAGICS) + "\n"));
                return true;
            }
            case "%classpath" -> {
                return classpath(argument, sink);
            }
            case "%load" -> {
                return load(argument, sink, in);
            }
            case "%maven" -> {
                return maven(argument, sink);
            }
            default -> {
                sink.accept(magicError("Unknown magic " + name + ". Line magics: " + String.join(" ", LINE_MAGICS)
                        + "; cell magics: " + String.join(" ", CELL_MAGICS) + "."));
                return false;
            }
        }
    }

    /** Runs {@code body}, then prints the wall time; a result waits until after the timing line, as in IPython. */
    private static boolean timed(Consumer<Output> sink, java.util.function.Predicate<Consumer<Output>> body) {
        List<Output> held = new ArrayList<>();
        long start = System.nanoTime();
        boolean ok = body.test(output -> {
            if (output instanceof Output.Result) {
                held.add(output);
            } else {
                sink.accept(output);
            }
        });
        sink.accept(new Output.Stream("stdout", "Wall time: " + formatDuration(System.nanoTime() - start) + "\n"));
        held.forEach(sink);
        return ok;
    }

    static String formatDuration(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    private boolean classpath(String argument, Consumer<Output> sink) {
        if (argument.isEmpty()) {
            sink.accept(magicError("%classpath needs a jar, a class directory or DIR/* (several separated by spaces or "
                    + File.pathSeparator + ")."));
            return false;
        }
        List<Path> entries = new ArrayList<>();
        for (String item : argument.split("[\\s" + File.pathSeparator + "]+")) {
            if (item.endsWith("/*") || item.equals("*")) {
                Path dir = Path.of(item.substring(0, item.length() - 1).isEmpty() ? "." : item.substring(0, item.length() - 1));
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    sink.accept(magicError("%classpath cannot list " + dir.toAbsolutePath() + ": " + e.getMessage()));
                    return false;
                }
            } else if (Files.exists(Path.of(item))) {
                entries.add(Path.of(item));
            } else {
                sink.accept(magicError("%classpath: " + Path.of(item).toAbsolutePath() + " does not exist."));
                return false;
            }
        }
        host.addToClasspath(entries.stream().map(Path::toAbsolutePath).toList());
        return true;
    }

    private boolean load(String argument, Consumer<Output> sink, InputStream in) {
        if (argument.isEmpty()) {
            sink.accept(magicError("%load needs a file, for example %load setup.jsh"));
            return false;
        }
        Path file = Path.of(argument);
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            sink.accept(magicError("%load cannot read " + file.toAbsolutePath() + ": " + e.getMessage()));
            return false;
        }
        return runLines(code, sink, in);
    }

    private boolean maven(String argument, Consumer<Output> sink) {
        List<String> coordinates = Arrays.stream(argument.split("\\s+")).filter(s -> !s.isBlank()).toList();
        if (coordinates.isEmpty()) {
            sink.accept(magicError("%maven needs coordinates, for example %maven org.apache.commons:commons-lang3:3.17.0"));
            return false;
        }
        try {
            List<Path> jars = host.resolve(coordinates);
            host.addToClasspath(jars);
            sink.accept(new Output.Stream("stdout", "Added " + jars.size() + " jar" + (jars.size() == 1 ? "" : "s")
                    + " to the classpath.\n"));
            return true;
        } catch (IOException | RuntimeException e) {
            sink.accept(magicError("%maven " + argument + " failed: " + e.getMessage()));
            return false;
        }
    }

    private static boolean isLineMagic(String line) {
        String stripped = line.stripLeading();
        return stripped.startsWith("%") && !stripped.startsWith("%%") && stripped.length() > 1
                && Character.isLetter(stripped.charAt(1));
    }

    private static Output.Error magicError(String message) {
        return new Output.Error("MagicError", message, List.of("MagicError: " + message));
    }

    /** Passes outputs on and remembers whether one was an error. */
    private static final class ErrorWatch implements Consumer<Output> {

        private final Consumer<Output> sink;
        private volatile boolean failed;

        ErrorWatch(Consumer<Output> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Output output) {
            failed |= output instanceof Output.Error;
            sink.accept(output);
        }
    }
}
