package dev.tailor.kernel.notebook;

import dev.tailor.kernel.eval.Output;
import dev.tailor.render.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A self-contained HTML page of an executed notebook: prose, code and every output, with images embedded, so a
 * report can be mailed or archived as one file.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 980px;
                   margin: 2em auto; padding: 0 1em; color: #1d1d1f; line-height: 1.45; }
            pre { background: #f6f8fa; padding: 0.7em 0.9em; border-radius: 4px; overflow-x: auto; font-size: 13px; }
            .cell { margin: 1.1em 0; }
            .prompt { color: #6a737d; font: 12px monospace; }
            .output { overflow-x: auto; }
            .output pre { background: #fff; border-left: 3px solid #d0d7de; }
            .error pre { background: #fff5f5; border-left: 3px solid #d73a49; color: #86181d; }
            table.tailor, .output table { border-collapse: collapse; font-size: 13px; margin: 0.4em 0; }
            table.tailor th, table.tailor td, .output th, .output td { padding: 3px 10px; border-bottom: 1px solid #e1e4e8; }
            table.tailor caption { padding-bottom: 4px; }
            img { max-width: 100%; }
            footer { color: #6a737d; font-size: 12px; margin-top: 3em; }
            """;

    private HtmlReport() {
    }

    public static void write(ExecutedNotebook executed, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, render(executed), StandardCharsets.UTF_8);
    }

    public static String render(ExecutedNotebook executed) {
        var extensions = List.of(TablesExtension.create());
        Parser markdown = Parser.builder().extensions(extensions).build();
        HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).build();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(executed.notebook().title())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        for (ExecutedNotebook.CellRun run : executed.runs()) {
            page.append("<div class=\"cell\">\n");
            switch (run.cell().type()) {
                case "markdown" -> page.append(html.render(markdown.parse(run.cell().source())));
                case "code" -> {
                    page.append("<div class=\"prompt\">In [").append(run.executionCount() == 0 ? " " : run.executionCount())
                            .append("]</div>\n<pre><code class=\"language-java\">").append(Html.escape(run.cell().source()))
                            .append("</code></pre>\n");
                    run.outputs().forEach(output -> appendOutput(page, output));
                }
                default -> page.append("<pre>").append(Html.escape(run.cell().source())).append("</pre>\n");
            }
            page.append("</div>\n");
        }
        page.append(String.format(java.util.Locale.ROOT,
                "<footer>Executed headless by Tailor in %.1f s from %s.</footer>\n</body>\n</html>\n",
                executed.seconds(), Html.escape(executed.notebook().path().getFileName().toString())));
        return page.toString();
    }

    private static void appendOutput(StringBuilder page, Output output) {
        switch (output) {
            case Output.Stream stream -> page.append("<div class=\"output\"><pre>").append(Html.escape(stream.text())).append("</pre></div>\n");
            case Output.Display display -> appendBundle(page, display.data());
            case Output.UpdateDisplay update -> {
                // Folded into its display by CellEvaluator.eval(String); nothing of its own to show.
            }
            case Output.Result result -> appendBundle(page, result.data());
            case Output.Error error -> page.append("<div class=\"error\"><pre>")
                    .append(Html.escape(String.join("\n", error.traceback()))).append("</pre></div>\n");
        }
    }

    // The richest type wins, as in Jupyter: picture, then HTML, then text.
    private static void appendBundle(StringBuilder page, Map<String, Object> data) {
        page.append("<div class=\"output\">");
        if (data.containsKey("image/png")) {
            page.append("<img src=\"data:image/png;base64,").append(data.get("image/png")).append("\" alt=\"plot\">");
        } else if (data.containsKey("image/svg+xml")) {
            page.append(data.get("image/svg+xml"));
        } else if (data.containsKey("text/html")) {
            page.append(data.get("text/html"));
        } else {
            page.append("<pre>").append(Html.escape(String.valueOf(data.getOrDefault("text/plain", "")))).append("</pre>");
        }
        page.append("</div>\n");
    }
}
