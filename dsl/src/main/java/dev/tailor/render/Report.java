package dev.tailor.render;

import java.util.List;

/**
 * The printed form most results share: a title line, a table and notes under it. A result builds one and
 * delegates {@code toString()} to {@link #text()} and {@code toHtml()} to {@link #html()}, so the text and the
 * HTML views always show the same numbers.
 *
 * @param title  the caption, with provenance (method, n, seed)
 * @param header column names; the first column is left-aligned, the others right-aligned
 * @param rows   cells as already formatted text
 * @param notes  lines under the table: footnotes and diagnostics
 */
public record Report(String title, List<String> header, List<List<String>> rows, List<String> notes) {

    public Report {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /** Fixed-width text: title, table, notes. */
    public String text() {
        TextTable table = TextTable.withHeader(header.toArray(String[]::new));
        rows.forEach(row -> table.row(row.toArray(String[]::new)));
        return title + "\n" + table + (notes.isEmpty() ? "" : String.join("\n", notes) + "\n");
    }

    /** An escaped HTML table with the title as caption and the notes under it. */
    public String html() {
        return Html.table(title, header, rows, notes);
    }
}
