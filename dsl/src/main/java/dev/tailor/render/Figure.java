package dev.tailor.render;

/**
 * A plot that draws itself as a PNG image and as SVG. Notebooks show the PNG; its {@link #toHtml()} embeds the
 * same picture and its {@link #table()} holds the plotted numbers.
 */
public interface Figure extends Rendered {

    /** The plot as PNG bytes. */
    byte[] toPng();

    /** The plot as an SVG document. */
    String toSvg();
}
