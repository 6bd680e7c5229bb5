package dev.tailor.kernel.notebook;

import dev.tailor.render.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The index page of {@code reports/}: one line per study notebook, with its status and run time. */
public final class ReportIndex {

    /** One report: its file name (relative to the index), title, seconds, and the first error if any. */
    public record Entry(String file, String title, double seconds, String error) {
    }

    private ReportIndex() {
    }

    public static void write(List<Entry> entries, Path target) throws IOException {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Tailor reports</title>\n"
                + "<style>body{font-family:-apple-system,Helvetica,Arial,sans-serif;max-width:820px;margin:2em auto;}"
                + "td,th{padding:4px 12px;border-bottom:1px solid #e1e4e8;text-align:left}.failed{color:#b31d28}</style>\n"
                + "</head>\n<body>\n<h1>Tailor study reports</h1>\n<table>\n<tr><th>report</th><th>status</th><th>seconds</th></tr>\n");
        for (Entry entry : entries) {
            page.append("<tr><td><a href=\"").append(Html.escape(entry.file())).append("\">").append(Html.escape(entry.title()))
                    .append("</a></td><td").append(entry.error() == null ? ">ok" : " class=\"failed\">failed: " + Html.escape(firstLine(entry.error())))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", entry.seconds())).append("</td></tr>\n");
        }
        page.append("</table>\n</body>\n</html>\n");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, page, StandardCharsets.UTF_8);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
