package dev.tailor.render;

import tech.tablesaw.api.Table;

/**
 * A result that shows itself three ways: {@code toString()} as fixed-width text, {@link #toHtml()} as a small
 * escaped HTML fragment, and {@link #table()} as a Tablesaw table for further analysis.
 *
 * <p>The notebook kernel maps this interface to {@code text/html} and {@code text/plain}; nothing in the DSL
 * knows about Jupyter.
 */
public interface Rendered {

    /** An HTML fragment (a caption and a table, usually) that is safe to embed in a page. */
    String toHtml();

    /** The result's numbers as a Tablesaw table, one row per estimate. */
    Table table();
}
