package dev.tailor.estimate;

import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Standard errors and minimum detectable effect of a two-group comparison, computed from a {@link Power} spec.
 * Accessors return outcome units (proportions for a binary outcome, so 0.012 is 1.2 pp); the printed report
 * and {@link #table()} show percentage points for binary outcomes.
 *
 * @param spec the outcome SD, α and power
 * @param n1   units in the first group (the one whose mean {@link #seArm()} describes)
 * @param n2   units in the second group
 */
public record PowerResult(Power spec, long n1, long n2) implements Rendered {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public PowerResult {
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException("Each group needs at least 2 units, got n1 = " + n1 + " and n2 = " + n2 + ".");
        }
    }

    /** SE of one arm mean, σ₁/√n₁: the registry's "individual-arm SE" (0.304 pp at p = 0.36, n = 25,000). */
    public double seArm() {
        return spec.sd() / Math.sqrt(n1);
    }

    /** SE of the difference of the two group means, √(σ₁²/n₁ + σ₂²/n₂); √2 · {@link #seArm()} for equal groups. */
    public double seContrast() {
        return Math.sqrt(spec.sd() * spec.sd() / n1 + spec.secondSd() * spec.secondSd() / n2);
    }

    /** z_{1−α/2} + z_{power}: 2.80 at α = 0.05 and power 0.8. */
    public double multiplier() {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - spec.alpha() / 2)
                + STANDARD_NORMAL.inverseCumulativeProbability(spec.power());
    }

    /** The minimum detectable effect, multiplier · SE of the contrast, in outcome units (a proportion if binary). */
    public double mde() {
        return multiplier() * seContrast();
    }

    /** The MDE in units of the first group's SD (Cohen's d): 0.025 for the school-year figures. */
    public double mdeInSd() {
        return mde() / spec.sd();
    }

    /** For a binary outcome, the MDE relative to the control rate (0.033 means 3.3% of the control mean). */
    public OptionalDouble mdeRelative() {
        return spec.controlRate().isPresent() ? OptionalDouble.of(mde() / spec.controlRate().getAsDouble()) : OptionalDouble.empty();
    }

    private String unit() {
        return spec.isBinary() ? "pp" : "outcome units";
    }

    private double display(double value) {
        return spec.isBinary() ? 100 * value : value;
    }

    private String format(double value) {
        return spec.isBinary() ? Fmt.fixed(100 * value, 3) : String.format(Locale.ROOT, "%.4g", value);
    }

    private String title() {
        String sizes = n1 == n2 ? Fmt.count(n1) + " per arm" : "n₁ = " + Fmt.count(n1) + " vs n₂ = " + Fmt.count(n2);
        return spec + "; " + sizes;
    }

    private record Line(String name, String key, double value, String unit, String shown) {
    }

    private List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("SE of one arm mean", "se_arm", display(seArm()), unit(), format(seArm())));
        lines.add(new Line("SE of a two-arm contrast", "se_contrast", display(seContrast()), unit(), format(seContrast())));
        lines.add(new Line("MDE (" + Fmt.fixed(multiplier(), 2) + " × SE of contrast)", "mde", display(mde()), unit(), format(mde())));
        mdeRelative().ifPresent(relative -> lines.add(
                new Line("MDE relative to control mean", "mde_relative", 100 * relative, "%", Fmt.fixed(100 * relative, 1))));
        lines.add(new Line("MDE in SD units", "mde_sd", mdeInSd(), "SD", Fmt.fixed(mdeInSd(), 3)));
        return lines;
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader("quantity", "value", "unit");
        for (Line line : lines()) {
            text.row(line.name(), line.shown(), line.unit());
        }
        return title() + "\n" + text;
    }

    @Override
    public String toHtml() {
        List<List<String>> rows = lines().stream().map(line -> List.of(line.name(), line.shown(), line.unit())).toList();
        return Html.table(title(), List.of("quantity", "value", "unit"), rows, List.of());
    }

    /** One row per quantity: {@code quantity} (se_arm, se_contrast, mde, ...), {@code value} in {@code unit}. */
    @Override
    public Table table() {
        StringColumn quantity = StringColumn.create("quantity");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn unit = StringColumn.create("unit");
        for (Line line : lines()) {
            quantity.append(line.key());
            value.append(line.value());
            unit.append(line.unit());
        }
        return Table.create("power", quantity, value, unit);
    }
}
