package dev.tailor.jupyter.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.render.Figure;
import dev.tailor.render.Rendered;
import java.util.Base64;
import java.util.stream.IntStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.QuickChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Tailor's registrations on a bare JJava {@link Renderer}: what each type becomes in a notebook. */
class RenderersTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    private Renderer renderer;

    @BeforeEach
    void register() {
        renderer = new Renderer();
        Renderers.registerAll(renderer);
    }

    @Test
    void aLongTableShowsTheRowCapAndSaysHowManyRowsAreLeft() {
        Table table = Table.create("users", IntColumn.create("id", IntStream.range(0, 25).toArray()));
        DisplayData data = renderer.render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("5 more rows"), html);
        assertTrue(html.contains(">19<") && !html.contains(">20<"), "shows rows 0-19 only");
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aShortTableHasNoMoreRowsNote() {
        String html = (String) renderer.render(Table.create("t", IntColumn.create("a", 1, 2))).getData(MIMEType.TEXT_HTML);
        assertFalse(html.contains("more rows"), html);
    }

    @Test
    void anXChartChartRendersAsPng() {
        XYChart chart = QuickChart.getChart("t", "x", "y", "y", new double[] {1, 2}, new double[] {3, 4});
        byte[] png = Base64.getDecoder().decode((String) renderer.render(chart).getData(MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void aRenderedResultShowsItsHtmlAndItsText() {
        Rendered result = new Rendered() {
            @Override
            public String toHtml() {
                return "<table><caption>effects</caption></table>";
            }

            @Override
            public Table table() {
                return Table.create("effects");
            }

            @Override
            public String toString() {
                return "effects (text)";
            }
        };
        DisplayData data = renderer.render(result);
        assertEquals("<table><caption>effects</caption></table>", data.getData(MIMEType.TEXT_HTML));
        assertEquals("effects (text)", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aFigureShowsItsPng() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Figure figure = new Figure() {
            @Override
            public byte[] toPng() {
                return png;
            }

            @Override
            public String toSvg() {
                return "<svg/>";
            }

            @Override
            public String toHtml() {
                return "<img alt=\"figure\">";
            }

            @Override
            public Table table() {
                return Table.create("plotted");
            }
        };
        DisplayData data = renderer.render(figure);
        // A figure is also Rendered; the picture must win over its HTML.
        assertArrayEquals(png, Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG)));
    }
}
