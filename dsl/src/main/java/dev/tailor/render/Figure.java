package dev.tailor.render;

/**
 * A plot that draws itself as a PNG image and as SVG. Notebooks show the PNG; reports can embed either.
 */
public interface Figure {

    /** The plot as PNG bytes. */
    byte[] toPng();

    /** The plot as an SVG document. */
    String toSvg();
}
