package dev.tailor.forest.internal;

/**
 * One tree's split sample (J1) copied into local, contiguous arrays: local id l stands for row {@code rows[l]}.
 * Relabeling and split search read only these arrays, which keeps the hot loops cache-friendly.
 */
final class LocalSample {

    final int[] rows;
    final double[][] x;
    final double[][] outcomes;
    final double[][] treatments;
    /** The treatments again, row-major ({@code [l * K + k]}), for scans that read all components of one unit. */
    final double[] treatmentRows;

    LocalSample(ForestData data, int[] rows) {
        this.rows = rows;
        int m = rows.length;
        x = new double[data.covariates()][m];
        outcomes = new double[data.outcomeCount()][m];
        treatments = new double[data.treatmentCount()][m];
        treatmentRows = new double[data.treatmentCount() * m];
        for (int l = 0; l < m; l++) {
            int row = rows[l];
            for (int j = 0; j < x.length; j++) {
                x[j][l] = data.x(j, row);
            }
            for (int c = 0; c < outcomes.length; c++) {
                outcomes[c][l] = data.outcome(c, row);
            }
            for (int k = 0; k < treatments.length; k++) {
                treatments[k][l] = data.treatment(k, row);
                treatmentRows[l * treatments.length + k] = treatments[k][l];
            }
        }
    }

    int size() {
        return rows.length;
    }
}
