package dev.tailor.policy;

import dev.tailor.plot.ChartImages;
import dev.tailor.render.Fmt;
import dev.tailor.render.Figure;
import dev.tailor.render.Html;
import dev.tailor.render.TextTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * How much better than average the units ranked first by a priority score respond to treatment (methods spec
 * §2.10): the targeting operator characteristic TOC(q) = mean Γ of the top q share − mean Γ, its area AUTOC and the
 * Qini coefficient, with half-sample bootstrap SEs. A positive AUTOC means the priority finds units with larger
 * effects. Immutable; draws itself as the TOC curve with a 95% band.
 *
 * <pre>{@code
 * TargetingCurve toc = Targeting.spec().seed(7).fit("kNN τ̂, message T", tauHat, gamma);
 * toc.autoc()       // area under the TOC; toc.autocStdError() for its SE
 * }</pre>
 *
 * <p>Ties in priority share the mean score of their tie group, so the curve does not depend on the row order.
 */
public final class TargetingCurve implements Figure {

    private static final Color LINE = new Color(31, 119, 180);
    private static final Color BAND = new Color(31, 119, 180, 60);

    private final TargetingCurveSpec spec;
    private final String name;
    private final int n;
    private final double ate;
    private final double[] toc;       // on the grid
    private final double[] tocSe;     // NaN without bootstrap
    private final double autoc;
    private final double autocSe;
    private final double qini;
    private final double qiniSe;
    private final double[] curveQ;    // plotted curve: every unit, or 500 points for large n
    private final double[] curveToc;

    private TargetingCurve(TargetingCurveSpec spec, String name, int n, double ate, double[] toc, double[] tocSe, double autoc,
            double autocSe, double qini, double qiniSe, double[] curveQ, double[] curveToc) {
        this.spec = spec;
        this.name = name;
        this.n = n;
        this.ate = ate;
        this.toc = toc;
        this.tocSe = tocSe;
        this.autoc = autoc;
        this.autocSe = autocSe;
        this.qini = qini;
        this.qiniSe = qiniSe;
        this.curveQ = curveQ;
        this.curveToc = curveToc;
    }

    static TargetingCurve fit(TargetingCurveSpec spec, String name, double[] priority, double[] scores) {
        if (priority.length != scores.length) {
            throw new IllegalArgumentException("Got " + priority.length + " priorities but " + scores.length + " scores; give one"
                    + " of each per unit, in the same order.");
        }
        int n = priority.length;
        if (n < 2) {
            throw new IllegalArgumentException("A targeting curve needs at least 2 units, got " + n + ".");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(priority[i]) || !Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("Unit " + i + " has priority " + priority[i] + " and score " + scores[i]
                        + "; both must be finite numbers. Drop or fix that unit first.");
            }
        }
        // Units from the highest priority to the lowest; ties by row (any order gives the same curve).
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> priority[a] != priority[b] ? Double.compare(priority[b], priority[a]) : Integer.compare(a, b));
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = boxed[r];
        }
        double[] grid = spec.grid();
        Summary full = summarize(order, n, priority, scores, grid, true);

        double[] tocSe = new double[grid.length];
        double autocSe = Double.NaN;
        double qiniSe = Double.NaN;
        if (spec.replicates() == 0) {
            Arrays.fill(tocSe, Double.NaN);
        } else {
            int half = n / 2;
            if (half < 2) {
                throw new IllegalArgumentException("The half-sample bootstrap needs at least 4 units, got " + n + "; use replicates(0).");
            }
            int reps = spec.replicates();
            double[][] tocs = new double[reps][];
            double[] autocs = new double[reps];
            double[] qinis = new double[reps];
            boolean[] chosen = new boolean[n];
            int[] sub = new int[half];
            int[] rows = new int[n];
            for (int r = 0; r < reps; r++) {
                // floor(n/2) units without replacement (partial Fisher–Yates), from replicate r's own stream.
                SplittableRandom random = new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (r + 1)));
                for (int i = 0; i < n; i++) {
                    rows[i] = i;
                }
                Arrays.fill(chosen, false);
                for (int t = 0; t < half; t++) {
                    int pick = t + random.nextInt(n - t);
                    int swap = rows[t];
                    rows[t] = rows[pick];
                    rows[pick] = swap;
                    chosen[rows[t]] = true;
                }
                int m = 0;
                for (int position = 0; position < n; position++) {
                    if (chosen[order[position]]) {
                        sub[m++] = order[position];
                    }
                }
                Summary s = summarize(sub, half, priority, scores, grid, false);
                tocs[r] = s.toc;
                autocs[r] = s.autoc;
                qinis[r] = s.qini;
            }
            for (int g = 0; g < grid.length; g++) {
                double[] column = new double[reps];
                for (int r = 0; r < reps; r++) {
                    column[r] = tocs[r][g];
                }
                tocSe[g] = sd(column);
            }
            autocSe = sd(autocs);
            qiniSe = sd(qinis);
        }
        return new TargetingCurve(spec, name, n, full.ate, full.toc, tocSe, full.autoc, autocSe, full.qini, qiniSe, full.curveQ,
                full.curveToc);
    }

    private record Summary(double ate, double[] toc, double autoc, double qini, double[] curveQ, double[] curveToc) {
    }

    // The statistics of the units order[0..m), already sorted by priority, highest first.
    private static Summary summarize(int[] order, int m, double[] priority, double[] scores, double[] grid, boolean curve) {
        // Replace each score by its tie group's mean, then accumulate.
        double[] gamma = new double[m];
        int start = 0;
        while (start < m) {
            int end = start + 1;
            double sum = scores[order[start]];
            while (end < m && priority[order[end]] == priority[order[start]]) {
                sum += scores[order[end]];
                end++;
            }
            double mean = sum / (end - start);
            Arrays.fill(gamma, start, end, mean);
            start = end;
        }
        double[] cumulative = new double[m + 1];
        for (int j = 0; j < m; j++) {
            cumulative[j + 1] = cumulative[j] + gamma[j];
        }
        double ate = cumulative[m] / m;
        double autoc = 0;
        double qini = 0;
        for (int j = 1; j <= m; j++) {
            double toc = cumulative[j] / j - ate;
            autoc += toc;
            qini += (double) j / m * toc;
        }
        autoc /= m;
        qini /= m;
        double[] toc = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            toc[g] = tocAt(grid[g], cumulative, gamma, m, ate);
        }
        double[] curveQ = null;
        double[] curveToc = null;
        if (curve) {
            int points = Math.min(m, 500);
            curveQ = new double[points];
            curveToc = new double[points];
            for (int t = 0; t < points; t++) {
                double q = (double) (t + 1) / points;
                curveQ[t] = q;
                curveToc[t] = tocAt(q, cumulative, gamma, m, ate);
            }
        }
        return new Summary(ate, toc, autoc, qini, curveQ, curveToc);
    }

    // TOC at share q with fractional inclusion of the boundary unit: the top q·m units' mean score minus the ATE.
    private static double tocAt(double q, double[] cumulative, double[] gamma, int m, double ate) {
        double size = q * m;
        int whole = (int) Math.floor(size);
        if (whole >= m) {
            return cumulative[m] / m - ate;
        }
        double fraction = size - whole;
        double sum = cumulative[whole] + fraction * gamma[whole];
        return size > 0 ? sum / size - ate : 0;
    }

    private static double sd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    public TargetingCurveSpec spec() {
        return spec;
    }

    public String name() {
        return name;
    }

    /** Units. */
    public int n() {
        return n;
    }

    /** Mean score: the average treatment effect of the contrast. */
    public double ate() {
        return ate;
    }

    /** The treated shares q of {@link #toc()}. */
    public double[] grid() {
        return spec.grid();
    }

    /** TOC(q) on the grid: mean score of the top q share by priority minus the ATE. TOC(1) = 0. */
    public double[] toc() {
        return toc.clone();
    }

    /** Half-sample bootstrap SEs of {@link #toc()}; NaN without bootstrap. */
    public double[] tocStdErrors() {
        return tocSe.clone();
    }

    /** Area under the TOC curve, (1/n) Σ_j TOC(j/n). */
    public double autoc() {
        return autoc;
    }

    public double autocStdError() {
        return autocSe;
    }

    /** Qini coefficient, (1/n) Σ_j (j/n)·TOC(j/n). */
    public double qini() {
        return qini;
    }

    public double qiniStdError() {
        return qiniSe;
    }

    /** The XY chart of the TOC against the treated share, with a 95% band on the grid when SEs exist. */
    public XYChart toChart() {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title()).xAxisTitle("treated share q (top by priority)")
                .yAxisTitle("TOC(q): mean effect of the top q − ATE").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        XYSeries line = chart.addSeries("TOC", curveQ, curveToc);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(LINE);
        if (spec.replicates() > 0) {
            double[] grid = spec.grid();
            double[] low = new double[grid.length];
            double[] high = new double[grid.length];
            for (int g = 0; g < grid.length; g++) {
                low[g] = toc[g] - 1.96 * tocSe[g];
                high[g] = toc[g] + 1.96 * tocSe[g];
            }
            XYSeries lower = chart.addSeries("95% band (bootstrap)", grid, high, null);
            lower.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            lower.setMarker(SeriesMarkers.CIRCLE);
            lower.setLineColor(BAND);
            lower.setMarkerColor(BAND);
            XYSeries upper = chart.addSeries(" ", grid, low, null);
            upper.setMarker(SeriesMarkers.CIRCLE);
            upper.setLineColor(BAND);
            upper.setMarkerColor(BAND);
            upper.setShowInLegend(false);
        }
        XYSeries zero = chart.addSeries("zero", new double[] {0, 1}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        zero.setShowInLegend(false);
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

    private String title() {
        return "Targeting curve — " + name + ", n = " + Fmt.count(n);
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        double[] grid = spec.grid();
        for (int g = 0; g < grid.length; g++) {
            rows.add(List.of("TOC(" + Fmt.fixed(grid[g], 2) + ")", PolicyValue.sig(toc[g]), se(tocSe[g])));
        }
        rows.add(List.of("AUTOC", PolicyValue.sig(autoc), se(autocSe)));
        rows.add(List.of("Qini", PolicyValue.sig(qini), se(qiniSe)));
        rows.add(List.of("ATE", PolicyValue.sig(ate), ""));
        return rows;
    }

    private static String se(double value) {
        return Double.isNaN(value) ? "—" : PolicyValue.sig(value);
    }

    private String note() {
        return spec.replicates() == 0 ? "No bootstrap: SEs not computed."
                : "SEs: SD over " + spec.replicates() + " half-sample replicates (seed " + spec.seed() + "), no rescaling.";
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader("statistic", "estimate", "se");
        for (List<String> row : rows()) {
            text.row(row.toArray(String[]::new));
        }
        return title() + "\n" + text + note() + "\n";
    }

    /** The summary table followed by the plot as an embedded PNG. */
    @Override
    public String toHtml() {
        return "<div class=\"tailor-result\">\n" + Html.table(title(), List.of("statistic", "estimate", "se"), rows(), List.of(note()))
                + "\n<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(toPng())
                + "\" width=\"800\" height=\"500\" alt=\"" + Html.escape(title()) + "\"/>\n</div>";
    }

    /** One row per grid point: q, TOC and its SE (NaN without bootstrap). */
    @Override
    public Table table() {
        return Table.create(title(), DoubleColumn.create("q", spec.grid()), DoubleColumn.create("toc", toc),
                DoubleColumn.create("toc_se", tocSe));
    }
}
