package dev.tailor.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table: the first column left-aligned, the others right-aligned, as numbers read best.
 *
 * <pre>{@code
 * String text = TextTable.withHeader("arm", "estimate", "se").row("TR", "2.12", "0.31").toString();
 * }</pre>
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public static TextTable withHeader(String... columns) {
        return new TextTable(List.of(columns));
    }

    /** Adds a row; it must have as many cells as the header. */
    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "A row has " + cells.length + " cells but the header has " + header.size() + ": " + List.of(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    @Override
    public String toString() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths);
        int total = 0;
        for (int w : widths) {
            total += w + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(c == 0 ? cell + pad : pad + cell);
            if (c < cells.size() - 1) {
                out.append("  ");
            }
        }
        out.append('\n');
    }
}
