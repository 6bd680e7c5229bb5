package dev.tailor.forest;

import dev.tailor.data.Columns;
import dev.tailor.forest.internal.Forest;
import dev.tailor.forest.internal.Predictions;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import dev.tailor.render.TextTable;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** A fitted regression forest: out-of-bag predictions for the training rows and predictions for new rows. */
public final class RegressionForestFit implements Rendered {

    private final RegressionForest spec;
    private final String tableName;
    private final String outcome;
    private final List<String> covariates;
    private final double[] y;
    private final Forest forest;
    private final double[] outOfBag;

    RegressionForestFit(RegressionForest spec, String tableName, String outcome, List<String> covariates, double[] y,
                        Forest forest) {
        this.spec = spec;
        this.tableName = tableName;
        this.outcome = outcome;
        this.covariates = List.copyOf(covariates);
        this.y = y;
        this.forest = forest;
        this.outOfBag = forest.predictOutOfBag(false).column(0);
    }

    public RegressionForest spec() {
        return spec;
    }

    /** Out-of-bag predictions Ŷ(X_i): each row predicted only by trees that did not see it. */
    public double[] outOfBag() {
        return outOfBag.clone();
    }

    /** Predictions for new rows holding the same covariate columns. */
    public double[] predict(Table newData) {
        double[][] x = new double[covariates.size()][];
        for (int j = 0; j < covariates.size(); j++) {
            x[j] = Columns.numeric(newData, covariates.get(j), "covariate");
        }
        return predict(x);
    }

    /** Predictions for covariates given column-major, {@code x[j][i]}. */
    double[] predict(double[][] x) {
        Predictions predictions = forest.predict(x, false);
        return predictions.column(0);
    }

    /** Out-of-bag mean squared error. */
    public double outOfBagMse() {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (y[i] - outOfBag[i]) * (y[i] - outOfBag[i]);
        }
        return sum / y.length;
    }

    private List<List<String>> rows() {
        double mean = 0;
        for (double value : y) {
            mean += value;
        }
        mean /= y.length;
        double total = 0;
        for (double value : y) {
            total += (value - mean) * (value - mean);
        }
        double mse = outOfBagMse();
        return List.of(List.of(outcome, Fmt.count(y.length), Fmt.fixed(mse, 4),
                Fmt.fixed(1 - mse * y.length / total, 3)));
    }

    private static final List<String> HEADER = List.of("outcome", "n", "OOB MSE", "OOB R²");

    private String title() {
        return "Regression forest on \"" + tableName + "\": " + outcome + " ~ " + String.join(", ", covariates) + " — "
                + spec.describe();
    }

    @Override
    public String toString() {
        TextTable text = TextTable.withHeader(HEADER.toArray(String[]::new));
        rows().forEach(row -> text.row(row.toArray(String[]::new)));
        return title() + "\n" + text;
    }

    @Override
    public String toHtml() {
        return Html.table(title(), HEADER, rows(), List.of());
    }

    /** One row per training row: the outcome and its out-of-bag prediction. */
    @Override
    public Table table() {
        IntColumn row = IntColumn.create("row");
        for (int i = 0; i < y.length; i++) {
            row.append(i);
        }
        return Table.create("regression forest", row, DoubleColumn.create(outcome, y.clone()),
                DoubleColumn.create("oob prediction", outOfBag.clone()));
    }
}
