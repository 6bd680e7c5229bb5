package dev.tailor.kernel.cli;

import dev.tailor.kernel.jupyter.KernelLauncher;
import dev.tailor.kernel.jupyter.KernelSpecInstaller;
import dev.tailor.kernel.notebook.ExecutedNotebook;
import dev.tailor.kernel.notebook.HtmlReport;
import dev.tailor.kernel.notebook.KernelSpec;
import dev.tailor.kernel.notebook.Notebook;
import dev.tailor.kernel.notebook.NotebookRunner;
import dev.tailor.kernel.notebook.NotebookWriter;
import dev.tailor.kernel.notebook.ReportIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code tailor} command. Subcommands:
 * <ul>
 *   <li>{@code reproduce [--notebooks DIR] [--reports DIR]}: executes every study notebook and writes
 *       {@code reports/NAME.html}, the executed {@code reports/NAME.ipynb} and {@code reports/index.html};</li>
 *   <li>{@code execute NOTEBOOK.ipynb [--html OUT.html] [--out EXECUTED.ipynb]}: executes one notebook;</li>
 *   <li>{@code run SCRIPT.jsh}: runs a JShell script with the notebook prelude;</li>
 *   <li>{@code kernel install [--user|--sys-prefix|--prefix DIR] [--name NAME]}: installs the Jupyter kernelspec;</li>
 *   <li>{@code kernel run CONNECTION_FILE}: the kernel process Jupyter starts.</li>
 * </ul>
 * Exit code 0 when every notebook ran without error, 1 when one failed, 2 on a usage error.
 */
public final class Tailor {

    private final PrintStream out;
    private final PrintStream err;

    Tailor(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Captured before any cell replaces System.out.
        System.exit(new Tailor(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "run" -> runScript(Options.parse(args, 1));
                case "kernel" -> kernel(args);
                case "reproduce" -> reproduce(Options.parse(args, 1));
                case "execute" -> execute(Options.parse(args, 1));
                case "policy-tree" -> new dev.tailor.policy.tree.PolicyTreeCommand().run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
                case "forest" -> dev.tailor.forest.ForestCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
                default -> usage("Unknown command \"" + args[0] + "\".");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            err.println("tailor: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tailor: interrupted");
            return 1;
        }
    }

    private int runScript(Options options) throws IOException {
        if (options.positional().size() != 1) {
            throw new UsageException("run takes one script file, for example: tailor run analysis.jsh");
        }
        return new ScriptRunner(out, err, System.in).run(Path.of(options.positional().get(0)));
    }

    private int kernel(String[] args) throws IOException, InterruptedException {
        String action = args.length > 1 ? args[1] : "";
        return switch (action) {
            case "run" -> {
                if (args.length != 3) {
                    throw new UsageException("kernel run takes the connection file Jupyter passes: kernel run {connection_file}");
                }
                KernelLauncher.run(Path.of(args[2]));
                yield 0;
            }
            case "install" -> installKernel(args);
            default -> throw new UsageException("kernel needs install or run, not \"" + action + "\".");
        };
    }

    private int installKernel(String[] args) throws IOException, InterruptedException {
        KernelSpecInstaller.Target target = new KernelSpecInstaller.Target.User();
        String name = KernelSpec.NAME;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> target = new KernelSpecInstaller.Target.User();
                case "--sys-prefix" -> target = new KernelSpecInstaller.Target.SysPrefix();
                case "--prefix" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--prefix needs a directory.");
                    }
                    target = new KernelSpecInstaller.Target.Prefix(Path.of(args[++i]));
                }
                case "--name" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--name needs a kernel name.");
                    }
                    name = args[++i];
                }
                default -> throw new UsageException("Unknown option for kernel install: " + args[i]);
            }
        }
        String json = KernelSpecInstaller.kernelJson(KernelSpecInstaller.currentJava(), KernelSpecInstaller.currentClasspath(),
                KernelSpec.DISPLAY_NAME);
        Path dir = KernelSpecInstaller.install(target, name, json, KernelSpecInstaller.findJupyter());
        out.println("Installed the \"" + KernelSpec.DISPLAY_NAME + "\" kernel as " + name + " in " + dir);
        return 0;
    }

    private int reproduce(Options options) throws IOException {
        Path notebooks = Path.of(options.value("--notebooks", "notebooks"));
        Path reports = Path.of(options.value("--reports", "reports"));
        List<Path> files;
        try (Stream<Path> list = Files.list(notebooks)) {
            files = list.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new IOException("Cannot list notebooks in " + notebooks.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            err.println("tailor: no .ipynb files in " + notebooks.toAbsolutePath());
            return 1;
        }
        List<ReportIndex.Entry> entries = new ArrayList<>();
        int failures = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
            ExecutedNotebook executed = executeOne(file, reports.resolve(name + ".html"), reports.resolve(name + ".ipynb"));
            String error = executed.firstError().orElse(null);
            failures += error == null ? 0 : 1;
            entries.add(new ReportIndex.Entry(name + ".html", executed.notebook().title(), executed.seconds(), error));
        }
        ReportIndex.write(entries, reports.resolve("index.html"));
        out.printf("%d of %d notebooks ran cleanly; open %s%n", files.size() - failures, files.size(),
                reports.resolve("index.html").toAbsolutePath());
        return failures == 0 ? 0 : 1;
    }

    private int execute(Options options) throws IOException {
        if (options.positional().size() != 1) {
            throw new UsageException("execute takes one notebook file.");
        }
        Path file = Path.of(options.positional().get(0));
        String name = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path html = Path.of(options.value("--html", name + ".html"));
        Path executedFile = options.has("--out") ? Path.of(options.value("--out", null)) : null;
        return executeOne(file, html, executedFile).firstError().isEmpty() ? 0 : 1;
    }

    private ExecutedNotebook executeOne(Path file, Path html, Path executedFile) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Notebook " + file.toAbsolutePath() + " does not exist.");
        }
        out.println("Executing " + file + " ...");
        ExecutedNotebook executed = new NotebookRunner(out).run(Notebook.read(file));
        HtmlReport.write(executed, html);
        if (executedFile != null) {
            NotebookWriter.write(executed, executedFile);
        }
        executed.firstError().ifPresentOrElse(
                error -> err.println("FAILED " + file + ": " + error),
                () -> out.printf("  wrote %s (%.1f s)%n", html, executed.seconds()));
        return executed;
    }

    private int usage(String problem) {
        err.println("tailor: " + problem);
        err.println(USAGE);
        return 2;
    }

    static final String USAGE = """
            Usage: tailor COMMAND [OPTIONS]

              run SCRIPT.jsh
                  Run a JShell script with the notebook prelude (imports, display, magics);
                  exit code 1 on the first error.
              kernel install [--user | --sys-prefix | --prefix DIR] [--name NAME]
                  Install the Jupyter kernelspec "tailor" (display name "Java (Tailor)"),
                  which starts the kernel from the built jars (default --user).
              kernel run CONNECTION_FILE
                  Run the kernel for a Jupyter connection file (Jupyter does this).
              reproduce [--notebooks DIR] [--reports DIR]
                  Execute every study notebook (default notebooks/) and write DIR/NAME.html,
                  the executed DIR/NAME.ipynb and DIR/index.html (default reports/).
              execute NOTEBOOK.ipynb [--html OUT.html] [--out EXECUTED.ipynb]
                  Execute one notebook headless and write its HTML report.
              policy-tree --covariates X.csv --scores G.csv --depth 2 [--split-step N] --out ACTIONS.csv  (exact policy tree; writes one action per row)
              forest --csv DATA.csv --outcome Y --treatment W [--propensity E1,...] [--covariates X1,...] [--trees 2000] [--seed 1] --out CATE.csv  (out-of-bag CATEs and AIPW ATEs)

            Environment: TAILOR_SCALE (default 1) multiplies the study sizes in the notebooks;
            tests use a small value such as 0.1 for speed.""";
}
