package dev.tailor.kernel.notebook;

import dev.tailor.jupyter.Prelude;
import dev.tailor.kernel.eval.CellEvaluator;
import dev.tailor.kernel.eval.MimeRenderer;
import dev.tailor.kernel.eval.Output;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes a notebook headless, cell by cell, in a fresh in-process JShell with the Tailor prelude. Execution stops
 * at the first cell that fails, as Jupyter's "run all" does; the cells after it keep no outputs.
 */
public final class NotebookRunner {

    private final PrintStream progress;

    /** @param progress where one line per cell is reported (cell number, seconds); use a null stream for silence */
    public NotebookRunner(PrintStream progress) {
        this.progress = progress;
    }

    public ExecutedNotebook run(Notebook notebook) {
        long start = System.nanoTime();
        List<ExecutedNotebook.CellRun> runs = new ArrayList<>();
        long codeCells = notebook.cells().stream().filter(c -> c.type().equals("code")).count();
        try (CellEvaluator evaluator = new CellEvaluator(new MimeRenderer(), Prelude.IMPORTS)) {
            int count = 0;
            boolean failed = false;
            for (Notebook.Cell cell : notebook.cells()) {
                if (!cell.type().equals("code") || failed) {
                    runs.add(new ExecutedNotebook.CellRun(cell, 0, List.of(), 0));
                    continue;
                }
                count++;
                long cellStart = System.nanoTime();
                List<Output> outputs = evaluator.eval(cell.source());
                double seconds = (System.nanoTime() - cellStart) / 1e9;
                runs.add(new ExecutedNotebook.CellRun(cell, count, outputs, seconds));
                failed = outputs.stream().anyMatch(o -> o instanceof Output.Error);
                progress.printf("  [%d/%d] %.1f s%s%n", count, codeCells, seconds, failed ? "  FAILED" : "");
            }
        }
        return new ExecutedNotebook(notebook, runs, (System.nanoTime() - start) / 1e9);
    }
}
