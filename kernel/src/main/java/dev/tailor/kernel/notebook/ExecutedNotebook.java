package dev.tailor.kernel.notebook;

import dev.tailor.kernel.eval.Output;
import java.util.List;
import java.util.Optional;

/** A notebook after a headless run: each cell with what it produced, and how long the run took. */
public record ExecutedNotebook(Notebook notebook, List<CellRun> runs, double seconds) {

    /** A cell and its outputs; {@code executionCount} is 0 for markdown cells. */
    public record CellRun(Notebook.Cell cell, int executionCount, List<Output> outputs, double seconds) {

        public CellRun {
            outputs = List.copyOf(outputs);
        }
    }

    public ExecutedNotebook {
        runs = List.copyOf(runs);
    }

    /** The first error any cell raised, with its cell number. */
    public Optional<String> firstError() {
        for (CellRun run : runs) {
            for (Output output : run.outputs()) {
                if (output instanceof Output.Error error) {
                    return Optional.of("cell [" + run.executionCount() + "] " + error.name() + ": " + error.value()
                            + "\n" + String.join("\n", error.traceback()));
                }
            }
        }
        return Optional.empty();
    }
}
