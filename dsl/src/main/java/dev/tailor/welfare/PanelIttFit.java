package dev.tailor.welfare;

import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Fitted {@link PanelItt}: β_T and β_S with unit-clustered SEs, the Wald test of β_T = β_S, take-up in S and the
 * log-LATE for takers β_S/take-up. Immutable.
 */
public final class PanelIttFit implements Rendered {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final PanelIttSpec spec;
    private final PanelRoles roles;
    private final String tableName;
    private final String sample;
    private final int[] armUnits;
    private final int periods;
    private final int postPeriods;
    private final double[] coefficients;   // intercept, β_T, β_S
    private final double[][] vcov;         // 3 × 3
    private final double takeUp;

    private PanelIttFit(PanelIttSpec spec, PanelRoles roles, String tableName, String sample, int[] armUnits, int periods,
                        int postPeriods, double[] coefficients, double[][] vcov, double takeUp) {
        this.spec = spec;
        this.roles = roles;
        this.tableName = tableName;
        this.sample = sample;
        this.armUnits = armUnits;
        this.periods = periods;
        this.postPeriods = postPeriods;
        this.coefficients = coefficients;
        this.vcov = vcov;
        this.takeUp = takeUp;
    }

    static PanelIttFit fit(PanelIttSpec spec, PanelRoles roles, PanelData data, boolean[] in, String sample) {
        int[] count = new int[3];
        double[][] xtx = new double[3][3];
        double[] xty = new double[3];
        double takers = 0;
        for (int i = 0; i < data.units(); i++) {
            if (!in[i]) {
                continue;
            }
            int a = data.arm()[i];
            count[a]++;
            double[] x = {1, a == 1 ? 1 : 0, a == 2 ? 1 : 0};
            for (int j = 0; j < 3; j++) {
                xty[j] += x[j] * data.delta()[i];
                for (int k = 0; k < 3; k++) {
                    xtx[j][k] += x[j] * x[k];
                }
            }
            if (a == 2 && data.takeUp() != null) {
                takers += data.takeUp()[i];
            }
        }
        for (int a = 0; a < 3; a++) {
            if (count[a] < 2) {
                throw new DataException("Sample \"" + sample + "\" of panel \"" + data.tableName() + "\" has " + count[a]
                        + " unit" + (count[a] == 1 ? "" : "s") + " in arm " + ThreeArmData.ARM_NAMES.get(a) + " (U/T/S: "
                        + count[0] + "/" + count[1] + "/" + count[2] + "); the ITT needs at least 2 units per arm. Use a "
                        + "coarser split or more units.");
            }
        }
        double takeUp = data.takeUp() == null ? Double.NaN : takers / count[2];
        if (spec.solver() == PanelSolver.ALTERNATING_PROJECTIONS) {
            return fullPanel(spec, roles, data, in, sample, count, takeUp);
        }
        double[][] inverse = invert(xtx);
        double[] beta = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                beta[j] += inverse[j][k] * xty[k];
            }
        }
        // Sandwich: (X'X)⁻¹ Σ e²xx' (X'X)⁻¹ over the collapsed units = CR0 of the panel.
        double[][] meat = new double[3][3];
        int g = 0;
        for (int i = 0; i < data.units(); i++) {
            if (!in[i]) {
                continue;
            }
            g++;
            int a = data.arm()[i];
            double[] x = {1, a == 1 ? 1 : 0, a == 2 ? 1 : 0};
            double e = data.delta()[i] - beta[0] - beta[1] * x[1] - beta[2] * x[2];
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    meat[j][k] += e * e * x[j] * x[k];
                }
            }
        }
        double[][] v = multiply(multiply(inverse, meat), inverse);
        scaleForCr1(spec, v, g, data.periods());
        return new PanelIttFit(spec, roles, data.tableName(), sample, count, data.periods(), data.postPeriods(), beta, v, takeUp);
    }

    /** CR1 = CR0·G/(G − 1)·(N − 1)/(N − K), N = G·T observations, K = T + 2 (see {@link ClusterSe#CR1}). */
    private static void scaleForCr1(PanelIttSpec spec, double[][] v, int g, int periods) {
        if (spec.errors() != ClusterSe.CR1) {
            return;
        }
        double n = (double) g * periods;
        double k = periods + 2;
        double factor = (double) g / (g - 1) * (n - 1) / (n - k);
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    /**
     * The full regression of y_it on T_i·Post_t and S_i·Post_t with unit and period effects: alternating
     * projections (unit means, then period means, out of every column, until the largest mean removed is below
     * 1e-13 of the column's scale or 10,000 sweeps), then OLS on the demeaned columns and the unit-clustered
     * sandwich from per-unit score sums.
     */
    private static PanelIttFit fullPanel(PanelIttSpec spec, PanelRoles roles, PanelData data, boolean[] in, String sample,
                                         int[] count, double takeUp) {
        int[] rowUnit = data.rowUnit();
        int rows = 0;
        for (int unit : rowUnit) {
            if (in[unit]) {
                rows++;
            }
        }
        int[] unitOf = new int[rows];
        int[] periodOf = new int[rows];
        double[][] columns = new double[3][rows];   // y, T·Post, S·Post
        int r = 0;
        for (int row = 0; row < rowUnit.length; row++) {
            int unit = rowUnit[row];
            if (!in[unit]) {
                continue;
            }
            unitOf[r] = unit;
            periodOf[r] = data.rowPeriod()[row];
            columns[0][r] = data.rowY()[row];
            int a = data.arm()[unit];
            columns[1][r] = a == 1 ? data.rowPost()[row] : 0;
            columns[2][r] = a == 2 ? data.rowPost()[row] : 0;
            r++;
        }
        for (double[] column : columns) {
            double scale = 0;
            for (double value : column) {
                scale = Math.max(scale, Math.abs(value));
            }
            for (int sweep = 0; sweep < 10_000; sweep++) {
                double removed = Math.max(demean(column, unitOf, data.units()), demean(column, periodOf, data.periods()));
                if (removed <= 1e-13 * Math.max(scale, 1e-300)) {
                    break;
                }
            }
        }
        double[][] xtx = new double[2][2];
        double[] xty = new double[2];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < 2; j++) {
                xty[j] += columns[1 + j][k] * columns[0][k];
                for (int l = 0; l < 2; l++) {
                    xtx[j][l] += columns[1 + j][k] * columns[1 + l][k];
                }
            }
        }
        double[][] inverse = invert(xtx);
        double[] beta = {inverse[0][0] * xty[0] + inverse[0][1] * xty[1], inverse[1][0] * xty[0] + inverse[1][1] * xty[1]};
        double[][] score = new double[data.units()][2];
        for (int k = 0; k < rows; k++) {
            double e = columns[0][k] - beta[0] * columns[1][k] - beta[1] * columns[2][k];
            score[unitOf[k]][0] += columns[1][k] * e;
            score[unitOf[k]][1] += columns[2][k] * e;
        }
        double[][] meat = new double[2][2];
        int g = 0;
        for (int unit = 0; unit < data.units(); unit++) {
            if (!in[unit]) {
                continue;
            }
            g++;
            for (int j = 0; j < 2; j++) {
                for (int l = 0; l < 2; l++) {
                    meat[j][l] += score[unit][j] * score[unit][l];
                }
            }
        }
        double[][] v2 = multiply(multiply(inverse, meat), inverse);
        scaleForCr1(spec, v2, g, data.periods());
        double[][] v = new double[3][3];
        v[0][0] = Double.NaN;
        for (int j = 0; j < 2; j++) {
            for (int l = 0; l < 2; l++) {
                v[1 + j][1 + l] = v2[j][l];
            }
        }
        return new PanelIttFit(spec, roles, data.tableName(), sample, count, data.periods(), data.postPeriods(),
                new double[] {Double.NaN, beta[0], beta[1]}, v, takeUp);
    }

    /** Subtracts group means in place; returns the largest absolute mean removed. */
    private static double demean(double[] column, int[] group, int groups) {
        double[] sum = new double[groups];
        int[] count = new int[groups];
        for (int k = 0; k < column.length; k++) {
            sum[group[k]] += column[k];
            count[group[k]]++;
        }
        double removed = 0;
        for (int j = 0; j < groups; j++) {
            if (count[j] > 0) {
                sum[j] /= count[j];
                removed = Math.max(removed, Math.abs(sum[j]));
            }
        }
        for (int k = 0; k < column.length; k++) {
            column[k] -= sum[group[k]];
        }
        return removed;
    }

    public PanelIttSpec spec() {
        return spec;
    }

    public PanelRoles roles() {
        return roles;
    }

    /** β_T, the effect of enrolment, with its cluster-robust SE. */
    public Estimate treated() {
        return new Estimate(coefficients[1], Math.sqrt(vcov[1][1]));
    }

    /** β_S, the effect of being asked to opt in (an ITT), with its cluster-robust SE. */
    public Estimate selfSelection() {
        return new Estimate(coefficients[2], Math.sqrt(vcov[2][2]));
    }

    /** The 2 × 2 cluster-robust covariance of (β_T, β_S). */
    public double[][] vcov() {
        return new double[][] {{vcov[1][1], vcov[1][2]}, {vcov[2][1], vcov[2][2]}};
    }

    /** Two-sided p-value of the Wald test β_T = β_S with the full covariance. */
    public double equalityPValue() {
        double difference = coefficients[1] - coefficients[2];
        double variance = vcov[1][1] + vcov[2][2] - 2 * vcov[1][2];
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(difference / Math.sqrt(variance)));
    }

    /** Take-up in S: the S-arm mean of D (NaN when the roles name no take-up column). */
    public double takeUp() {
        return takeUp;
    }

    /** β_S / take-up: the log-scale LATE for takers (NaN without take-up). */
    public double logLateTakers() {
        return coefficients[2] / takeUp;
    }

    /** Units per arm {U, T, S}. */
    public int[] armUnits() {
        return armUnits.clone();
    }

    /** Units (clusters) in the fit. */
    public int units() {
        return armUnits[0] + armUnits[1] + armUnits[2];
    }

    /** Which units were used: "all", or e.g. "income ≤ median". */
    public String sample() {
        return sample;
    }

    private Report report() {
        List<List<String>> rows = new ArrayList<>();
        String[] names = {"T (enrolled)", "S (asked to opt in)"};
        Estimate[] estimates = {treated(), selfSelection()};
        for (int k = 0; k < 2; k++) {
            Estimate e = estimates[k];
            double[] ci = e.confInt(spec.level());
            rows.add(List.of(names[k], Fmt.fixed(e.estimate(), 4), Fmt.fixed(e.stdError(), 4),
                    "[" + Fmt.fixed(ci[0], 4) + ", " + Fmt.fixed(ci[1], 4) + "]", Fmt.pValue(e.pValue()),
                    spec.scale() == OutcomeScale.LOG ? Fmt.pp(Math.expm1(e.estimate()), 1) + "%" : "—",
                    Fmt.count(armUnits[k + 1])));
        }
        List<String> notes = new ArrayList<>();
        notes.add("p(T = S) = " + Fmt.pValue(equalityPValue()) + " (Wald, full covariance); control U: " + Fmt.count(armUnits[0])
                + " units.");
        if (!Double.isNaN(takeUp)) {
            notes.add("Take-up in S " + Fmt.pp(takeUp, 1) + "%; " + (spec.scale() == OutcomeScale.LOG ? "log-" : "")
                    + "LATE for takers β_S/take-up = " + Fmt.fixed(logLateTakers(), 4) + ".");
        }
        notes.add("Unit and period fixed effects; " + spec.errors() + " SEs clustered by " + roles.unit() + "; "
                + Fmt.count(periods - postPeriods) + " pre and " + Fmt.count(postPeriods) + " post periods per unit; "
                + (spec.solver() == PanelSolver.COLLAPSE ? "computed exactly by collapsing to post − pre means."
                : "full panel regression by alternating projections."));
        String outcome = spec.scale() == OutcomeScale.LOG ? "log " + roles.outcome() : roles.outcome();
        String title = "Panel ITT on " + outcome + (sample.equals("all") ? "" : ", " + sample) + " — table \"" + tableName
                + "\", " + Fmt.count(units()) + " units × " + Fmt.count(periods) + " periods";
        return new Report(title, List.of("arm", "β", "SE", Math.round(spec.level() * 100) + "% CI", "p", "% change", "units"),
                rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /** One row per coefficient (T, S): estimate, std_error, ci_low, ci_high, p_value, units; plus take_up and p_equal. */
    @Override
    public Table table() {
        StringColumn arm = StringColumn.create("arm", "T", "S");
        Estimate[] estimates = {treated(), selfSelection()};
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        DoubleColumn p = DoubleColumn.create("p_value");
        IntColumn units = IntColumn.create("units");
        for (int k = 0; k < 2; k++) {
            double[] ci = estimates[k].confInt(spec.level());
            estimate.append(estimates[k].estimate());
            se.append(estimates[k].stdError());
            low.append(ci[0]);
            high.append(ci[1]);
            p.append(estimates[k].pValue());
            units.append(armUnits[k + 1]);
        }
        DoubleColumn take = DoubleColumn.create("take_up", takeUp, takeUp);
        DoubleColumn equal = DoubleColumn.create("p_equal", equalityPValue(), equalityPValue());
        return Table.create("panel ITT of " + roles.outcome() + ", " + sample, arm, estimate, se, low, high, p, units, take, equal);
    }

    /** Gauss–Jordan inverse of a small symmetric positive-definite matrix, with partial pivoting. */
    static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double p = m[col][col];
            if (Math.abs(p) < 1e-12) {
                throw new IllegalStateException("Singular design in the collapsed regression (pivot " + col + ").");
            }
            for (int j = 0; j < 2 * n; j++) {
                m[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && m[r][col] != 0) {
                    double f = m[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[col][j];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inverse[i], 0, n);
        }
        return inverse;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
