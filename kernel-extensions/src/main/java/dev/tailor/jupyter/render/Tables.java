package dev.tailor.jupyter.render;

import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** HTML for Tablesaw tables: the first rows, then a line saying how many more there are. */
final class Tables {

    private Tables() {
    }

    // Doubles print with four decimals, as a reader scans them; Tablesaw would print every digit.
    private static String cell(Column<?> column, int row) {
        if (column instanceof DoubleColumn doubles && !doubles.isMissing(row)) {
            return Fmt.fixed(doubles.getDouble(row), 4);
        }
        return column.getString(row);
    }

    static String html(Table table, int rowCap) {
        int shown = Math.min(rowCap, table.rowCount());
        List<List<String>> rows = new ArrayList<>(shown);
        for (int r = 0; r < shown; r++) {
            List<String> row = new ArrayList<>(table.columnCount());
            for (int c = 0; c < table.columnCount(); c++) {
                row.add(cell(table.column(c), r));
            }
            rows.add(row);
        }
        List<String> notes = table.rowCount() > shown
                ? List.of(Fmt.count(table.rowCount() - shown) + " more rows")
                : List.of();
        String caption = table.name() + " (" + Fmt.count(table.rowCount()) + " rows × " + table.columnCount() + " columns)";
        return Html.table(caption, table.columnNames(), rows, notes);
    }
}
