package dev.tailor.render;

import java.util.List;

/** Small helpers to write escaped HTML tables; every result's {@code toHtml()} goes through them. */
public final class Html {

    private Html() {
    }

    /** Escapes text for use in HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A table with a caption, a header row and body rows; cells are escaped here, so pass plain text.
     * Columns after the first are right-aligned, as numbers read best.
     */
    public static String table(String caption, List<String> header, List<List<String>> rows, List<String> notes) {
        StringBuilder out = new StringBuilder("<div class=\"tailor-result\">\n<table class=\"tailor\">\n");
        out.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(caption)).append("</caption>\n");
        out.append("<thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            out.append(c == 0 ? "<th style=\"text-align:left\">" : "<th style=\"text-align:right\">")
                    .append(escape(header.get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "<td style=\"text-align:left\">" : "<td style=\"text-align:right\">")
                        .append(escape(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        for (String note : notes) {
            out.append("<p style=\"margin:2px 0;font-size:90%\">").append(escape(note)).append("</p>\n");
        }
        return out.append("</div>").toString();
    }
}
