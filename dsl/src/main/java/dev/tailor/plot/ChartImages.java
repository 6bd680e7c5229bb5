package dev.tailor.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Encodes any XChart chart as PNG bytes or an SVG document, for plots and for the notebook renderers. */
public final class ChartImages {

    private ChartImages() {
    }

    public static byte[] png(Chart<?, ?> chart) {
        try {
            return ChartEncoder.getBytes(chart, "png");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the chart as PNG: " + e.getMessage(), e);
        }
    }

    /** SVG through VectorGraphics2D; XChart draws text as outlines, so labels are paths, not text elements. */
    public static String svg(Chart<?, ?> chart) {
        try {
            return new String(ChartEncoder.getBytes(chart, "svg"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the chart as SVG: " + e.getMessage(), e);
        }
    }
}
