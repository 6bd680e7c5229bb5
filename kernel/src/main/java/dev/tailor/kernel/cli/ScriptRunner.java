package dev.tailor.kernel.cli;

import dev.tailor.jupyter.Prelude;
import dev.tailor.kernel.eval.CellEvaluator;
import dev.tailor.kernel.eval.CellExit;
import dev.tailor.kernel.eval.MimeRenderer;
import dev.tailor.kernel.eval.Output;
import dev.tailor.kernel.jupyter.Magics;
import dev.tailor.kernel.jupyter.MavenResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tailor run SCRIPT.jsh}: runs a JShell script with the notebook prelude and magics, outside Jupyter.
 * Printed text goes straight to the terminal, {@code display(x)} prints x's text form, and the first error
 * stops the script with exit code 1 (or the status the script passed to {@code System.exit}).
 */
final class ScriptRunner {

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    ScriptRunner(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    int run(Path script) throws IOException {
        String code;
        try {
            code = Files.readString(script);
        } catch (IOException e) {
            throw new IOException("Cannot read the script " + script.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        AtomicReference<Output.Error> failure = new AtomicReference<>();
        try (CellEvaluator evaluator = new CellEvaluator(new MimeRenderer(), Prelude.IMPORTS)) {
            Magics magics = new Magics(evaluator, new Magics.Host() {
                @Override
                public void addToClasspath(List<Path> entries) {
                    entries.forEach(entry -> evaluator.addToClasspath(entry.toString()));
                }

                @Override
                public List<Path> resolve(List<String> coordinates) throws IOException {
                    return new MavenResolver().resolve(coordinates);
                }
            });
            magics.run(code, output -> show(output, failure), in);
        }
        Output.Error error = failure.get();
        if (error == null) {
            return 0;
        }
        int status = CellExit.statusOf(error);
        return status >= 0 ? status : 1;
    }

    private void show(Output output, AtomicReference<Output.Error> failure) {
        switch (output) {
            case Output.Stream stream -> {
                PrintStream target = stream.name().equals("stderr") ? err : out;
                target.print(stream.text());
                target.flush();
            }
            // Displays with an id are progress bars: a terminal script shows none, so its output stays readable.
            case Output.Display display when display.displayId() != null -> { }
            case Output.Display display -> out.println(display.data().getOrDefault("text/plain", ""));
            case Output.UpdateDisplay update -> { }
            case Output.Result result -> {
                // A script's last expression is not echoed, as in jshell.
            }
            case Output.Error error -> {
                failure.compareAndSet(null, error);
                if (!CellExit.ERROR_NAME.equals(error.name())) {
                    error.traceback().forEach(err::println);
                }
            }
        }
    }
}
