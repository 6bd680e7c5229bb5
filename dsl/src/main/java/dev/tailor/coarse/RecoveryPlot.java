package dev.tailor.coarse;

import dev.tailor.plot.ChartImages;
import dev.tailor.render.Figure;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.TextTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Recovery of full personalization (%) against the number of treatments K, one line per method of a
 * {@link CoarseComparison}; the best uniform treatment (without the null) is a dashed flat line and full
 * personalization is 100%. With true values, the true recoveries are plotted. Immutable; 800 × 500 pixels.
 *
 * <pre>{@code
 * comparison.plot()            // renders as PNG in a notebook
 * }</pre>
 */
public final class RecoveryPlot implements Figure {

    /** Width and height in pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    /** One plotted line: a method, its K values and recoveries in percent. */
    public record Line(String method, int[] k, double[] recoveryPercent) {

        public Line {
            k = k.clone();
            recoveryPercent = recoveryPercent.clone();
        }

        @Override
        public int[] k() {
            return k.clone();
        }

        @Override
        public double[] recoveryPercent() {
            return recoveryPercent.clone();
        }
    }

    private final List<Line> lines;
    private final double uniformPercent;
    private final boolean truth;
    private final int maxK;

    private RecoveryPlot(List<Line> lines, double uniformPercent, boolean truth, int maxK) {
        this.lines = List.copyOf(lines);
        this.uniformPercent = uniformPercent;
        this.truth = truth;
        this.maxK = maxK;
    }

    static RecoveryPlot of(CoarseComparison comparison) {
        List<CoarsePolicy> policies = comparison.policies();
        boolean truth = comparison.hasTruth();
        List<Line> lines = new ArrayList<>();
        double uniform = Double.NaN;
        int maxK = 1;
        for (String method : comparison.methods()) {
            List<Integer> ks = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < policies.size(); j++) {
                CoarsePolicy p = policies.get(j);
                if (p.method().equals(method)) {
                    double r = 100 * (truth ? comparison.truthRecovery(j) : p.recovery());
                    if (method.startsWith("best uniform")) {
                        uniform = r;
                    } else if (p.treatments() > 0) {
                        ks.add(p.treatments());
                        values.add(r);
                        maxK = Math.max(maxK, p.treatments());
                    }
                }
            }
            if (!ks.isEmpty()) {
                lines.add(new Line(method, ks.stream().mapToInt(Integer::intValue).toArray(),
                        values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return new RecoveryPlot(lines, uniform, truth, maxK);
    }

    /** The plotted lines, one per method that depends on K. */
    public List<Line> lines() {
        return lines;
    }

    public String title() {
        return "Recovery of full personalization" + (truth ? " (true values)" : " (predicted values)");
    }

    public String xAxisTitle() {
        return "number of treatments K";
    }

    public String yAxisTitle() {
        return "recovery (%)";
    }

    /** A new XChart chart of this plot, to restyle freely. */
    public XYChart toChart() {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title()).xAxisTitle(xAxisTitle())
                .yAxisTitle(yAxisTitle()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(maxK + 0.5);
        chart.getStyler().setYAxisMax(102.0);
        for (Line line : lines) {
            double[] x = new double[line.k().length];
            int[] k = line.k();
            for (int j = 0; j < x.length; j++) {
                x[j] = k[j];
            }
            XYSeries series = chart.addSeries(line.method(), x, line.recoveryPercent());
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);
        XYSeries full = chart.addSeries("full personalization", new double[] {0.5, maxK + 0.5}, new double[] {100, 100});
        full.setMarker(SeriesMarkers.NONE);
        full.setLineColor(Color.BLACK);
        full.setLineStyle(dashed);
        if (!Double.isNaN(uniformPercent)) {
            XYSeries uniform = chart.addSeries("best uniform (no null)", new double[] {0.5, maxK + 0.5},
                    new double[] {uniformPercent, uniformPercent});
            uniform.setMarker(SeriesMarkers.NONE);
            uniform.setLineColor(Color.GRAY);
            uniform.setLineStyle(dashed);
        }
        return chart;
    }

    @Override
    public byte[] toPng() {
        return ChartImages.png(toChart());
    }

    @Override
    public String toSvg() {
        return ChartImages.svg(toChart());
    }

    /** The PNG embedded as a data URI. */
    @Override
    public String toHtml() {
        return "<div class=\"tailor-plot\">\n<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(toPng())
                + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" alt=\"" + Html.escape(title()) + "\"/>\n</div>";
    }

    /** The plotted points: method, k, recovery_percent. */
    @Override
    public Table table() {
        StringColumn method = StringColumn.create("method");
        IntColumn k = IntColumn.create("k");
        DoubleColumn recovery = DoubleColumn.create("recovery_percent");
        for (Line line : lines) {
            for (int j = 0; j < line.k().length; j++) {
                method.append(line.method());
                k.append(line.k()[j]);
                recovery.append(line.recoveryPercent()[j]);
            }
        }
        return Table.create(title(), method, k, recovery);
    }

    /** The plotted numbers as text. */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>(List.of("method"));
        for (int k = 1; k <= maxK; k++) {
            header.add("K=" + k);
        }
        TextTable text = TextTable.withHeader(header.toArray(String[]::new));
        for (Line line : lines) {
            String[] row = new String[maxK + 1];
            java.util.Arrays.fill(row, "");
            row[0] = line.method();
            for (int j = 0; j < line.k().length; j++) {
                row[line.k()[j]] = Fmt.fixed(line.recoveryPercent()[j], 2);
            }
            text.row(row);
        }
        return "RecoveryPlot — " + title() + " (" + WIDTH + " × " + HEIGHT + " px)\n" + text
                + (Double.isNaN(uniformPercent) ? "" : "best uniform (no null): " + Fmt.fixed(uniformPercent, 2) + "%\n");
    }
}
