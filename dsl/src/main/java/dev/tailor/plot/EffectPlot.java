package dev.tailor.plot;

import dev.tailor.estimate.EffectEstimate;
import dev.tailor.estimate.EffectTable;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Figure;
import dev.tailor.render.TextTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Each treatment arm's effect against control as a point with its 95% confidence interval, one category per arm,
 * with a reference line at zero.
 *
 * <pre>{@code
 * EffectPlot.of(effects).sortByEstimate().inPercentagePoints().title("Login, Phase 1 (95% CI)")
 * }</pre>
 *
 * <p>An immutable value: every option returns a new plot. The plotted numbers are readable without drawing
 * ({@link #labels()}, {@link #values()}, {@link #lower()}, {@link #upper()}); {@link #toChart()} builds the XChart
 * chart for any styling the options do not cover, and {@link #toPng()}, {@link #toSvg()} and {@link #toHtml()}
 * render it. Rendering needs no display ({@code -Djava.awt.headless=true} is fine).
 */
public final class EffectPlot implements Figure {

    /** Width and height in pixels unless {@link #size(int, int)} says otherwise. */
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;

    /** The confidence level of the error bars. */
    public static final double LEVEL = 0.95;

    private static final Color POINT_COLOR = new Color(31, 119, 180);
    private static final int MIN_SIZE = 100;
    private static final int MAX_SIZE = 8_000;

    private final EffectTable effects;
    private final boolean sorted;
    private final String title;
    private final boolean percentagePoints;
    private final int width;
    private final int height;

    private EffectPlot(EffectTable effects, boolean sorted, String title, boolean percentagePoints, int width, int height) {
        this.effects = effects;
        this.sorted = sorted;
        this.title = title;
        this.percentagePoints = percentagePoints;
        this.width = width;
        this.height = height;
    }

    /** A plot of every treatment arm's effect, in arm order, in outcome units, 800 × 500 pixels. */
    public static EffectPlot of(EffectTable effects) {
        Objects.requireNonNull(effects, "effects");
        return new EffectPlot(effects, false, null, false, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** Arms from the highest estimate to the lowest (ties keep arm order), so the best arm comes first. */
    public EffectPlot sortByEstimate() {
        return new EffectPlot(effects, true, title, percentagePoints, width, height);
    }

    /** The chart title; by default "Effects on &lt;outcome&gt; vs &lt;control&gt; (95% CI)". */
    public EffectPlot title(String title) {
        Objects.requireNonNull(title, "title");
        return new EffectPlot(effects, sorted, title, percentagePoints, width, height);
    }

    /**
     * Multiplies estimates and bounds by 100 and labels the axis "effect (pp)": for binary outcomes, whose effects
     * are differences in proportions.
     */
    public EffectPlot inPercentagePoints() {
        return new EffectPlot(effects, sorted, title, true, width, height);
    }

    /** Image size in pixels, each between 100 and 8,000. */
    public EffectPlot size(int width, int height) {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("Plot size must be between " + MIN_SIZE + " and " + MAX_SIZE
                    + " pixels each way, got " + width + " × " + height + ". The default is " + DEFAULT_WIDTH + " × "
                    + DEFAULT_HEIGHT + ".");
        }
        return new EffectPlot(effects, sorted, title, percentagePoints, width, height);
    }

    /** The effects being plotted. */
    public EffectTable effects() {
        return effects;
    }

    /** Arm names in plotting order (left to right). */
    public List<String> labels() {
        return ordered().stream().map(effect -> effect.arm().name()).toList();
    }

    /** Point estimates in plotting order, scaled to the axis units. */
    public double[] values() {
        return ordered().stream().mapToDouble(effect -> scale() * effect.estimate()).toArray();
    }

    /** Lower 95% confidence bounds in plotting order, in axis units. */
    public double[] lower() {
        return ordered().stream().mapToDouble(effect -> scale() * effect.confInt(LEVEL)[0]).toArray();
    }

    /** Upper 95% confidence bounds in plotting order, in axis units. */
    public double[] upper() {
        return ordered().stream().mapToDouble(effect -> scale() * effect.confInt(LEVEL)[1]).toArray();
    }

    public String title() {
        return title != null ? title
                : "Effects on " + effects.outcome() + " vs " + effects.arms().control().name() + " (95% CI)";
    }

    /** "effect (pp)" in percentage points, "effect" otherwise. */
    public String yAxisTitle() {
        return percentagePoints ? "effect (pp)" : "effect";
    }

    public String xAxisTitle() {
        return "arm";
    }

    public boolean isSortedByEstimate() {
        return sorted;
    }

    public boolean isInPercentagePoints() {
        return percentagePoints;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * A new XChart chart of this plot: a scatter series "estimate" with symmetric 95% error bars and a grey line
     * series "zero". Restyle it freely; the plot itself does not change.
     */
    public CategoryChart toChart() {
        List<String> labels = labels();
        double[] values = values();
        double[] low = lower();
        double[] high = upper();
        double[] halfWidths = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            // Normal-theory intervals are symmetric; take the half-width from the bounds themselves.
            halfWidths[i] = (high[i] - low[i]) / 2;
        }

        // Create Chart
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title())
                .xAxisTitle(xAxisTitle()).yAxisTitle(yAxisTitle()).build();

        // Customize Chart
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(POINT_COLOR);
        // Show every arm's label; tilt them when they would not fit side by side (about 8 px per character).
        chart.getStyler().setXAxisMaxLabelCount(labels.size());
        chart.getStyler().setXAxisTickMarkSpacingHint(1);
        int labelChars = labels.stream().mapToInt(label -> label.length() + 2).sum();
        chart.getStyler().setXAxisLabelRotation(8 * labelChars > 0.8 * width ? 45 : 0);
        chart.getStyler().setDecimalPattern(percentagePoints ? "0.0" : "0.###");
        // The axis must show zero and every whisker.
        double min = 0;
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            min = Math.min(min, low[i]);
            max = Math.max(max, high[i]);
        }
        double pad = 0.05 * (max - min > 0 ? max - min : 1);
        chart.getStyler().setYAxisMin(min - pad);
        chart.getStyler().setYAxisMax(max + pad);

        // Series
        CategorySeries zero = chart.addSeries("zero", labels, Collections.nCopies(values.length, 0.0));
        zero.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));

        CategorySeries estimate = chart.addSeries("estimate", labels, boxed(values), boxed(halfWidths));
        estimate.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        estimate.setMarker(SeriesMarkers.CIRCLE);
        estimate.setMarkerColor(POINT_COLOR);
        return chart;
    }

    /** The chart as PNG bytes, {@link #width()} × {@link #height()} pixels. */
    @Override
    public byte[] toPng() {
        return ChartImages.png(toChart());
    }

    /** The chart as an SVG document. */
    @Override
    public String toSvg() {
        return ChartImages.svg(toChart());
    }

    /** The PNG embedded as a data URI, so any HTML report shows the plot without files. */
    @Override
    public String toHtml() {
        return "<div class=\"tailor-plot\">\n<img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(toPng()) + "\" width=\"" + width + "\" height=\"" + height
                + "\" alt=\"" + Html.escape(title()) + "\"/>\n</div>";
    }

    /** The plotted numbers, one row per arm in plotting order: arm, estimate, ci_low, ci_high (axis units). */
    @Override
    public Table table() {
        return Table.create(title(), StringColumn.create("arm", labels()), DoubleColumn.create("estimate", values()),
                DoubleColumn.create("ci_low", lower()), DoubleColumn.create("ci_high", upper()));
    }

    /** The plotted numbers as text, for consoles that show no images. */
    @Override
    public String toString() {
        TextTable text = TextTable.withHeader("arm", yAxisTitle(), "95% CI");
        List<String> labels = labels();
        double[] values = values();
        double[] low = lower();
        double[] high = upper();
        int digits = percentagePoints ? 2 : 3;
        for (int i = 0; i < values.length; i++) {
            text.row(labels.get(i), Fmt.fixed(values[i], digits),
                    "[" + Fmt.fixed(low[i], digits) + ", " + Fmt.fixed(high[i], digits) + "]");
        }
        return "EffectPlot — " + title() + " (" + width + " × " + height + " px"
                + (sorted ? ", sorted by estimate" : "") + ")\n" + text;
    }

    private List<EffectEstimate> ordered() {
        List<EffectEstimate> list = new ArrayList<>(effects.effects());
        if (sorted) {
            // Stable sort: ties keep arm order.
            list.sort(Comparator.comparingDouble(EffectEstimate::estimate).reversed());
        }
        return list;
    }

    private double scale() {
        return percentagePoints ? 100 : 1;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
