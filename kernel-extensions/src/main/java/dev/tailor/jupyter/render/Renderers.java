package dev.tailor.jupyter.render;

import dev.tailor.plot.ChartImages;
import dev.tailor.render.Figure;
import dev.tailor.render.Rendered;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The notebook renderers of Tailor. {@code text/plain} is always filled by JJava from {@code toString()}, so each
 * registration adds the rich types only.
 */
public final class Renderers {

    /** Rows of a Tablesaw table shown before "N more rows". */
    public static final int TABLE_ROW_CAP = 20;

    private Renderers() {
    }

    /** Registers every Tailor renderer on a JJava renderer. */
    public static void registerAll(Renderer renderer) {
        // Figures before Rendered: a plot is both, and the picture is what a reader wants to see.
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG)
                .register((figure, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(figure.toPng()));
                    context.renderIfRequested(MIMEType.IMAGE_SVG, figure::toSvg);
                });
        renderer.createRegistration(Rendered.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((result, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, result::toHtml));
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG)
                .register((chart, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(ChartImages.png(chart)));
                    context.renderIfRequested(MIMEType.IMAGE_SVG, () -> ChartImages.svg(chart));
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, () -> Tables.html(table, TABLE_ROW_CAP)));
    }
}
