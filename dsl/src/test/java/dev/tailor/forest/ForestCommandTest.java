package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForestCommandTest {

    @TempDir
    Path dir;

    /** Runs the command; returns {exit code, stdout, stderr}. */
    private Object[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ForestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** n rows of X1..X3 ~ U(0,1), W uniform on 0..arms, Y = X2 + W·X1 + N(0,1), and e_k = 1/(arms+1). */
    private Path data(int n, int arms, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("Y,W,X1,X2,X3");
        for (int k = 1; k <= arms; k++) {
            header.append(",e").append(k);
        }
        lines.add(header.toString());
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble();
            double x2 = random.nextDouble();
            double x3 = random.nextDouble();
            int w = random.nextInt(arms + 1);
            double y = x2 + w * x1 + random.nextGaussian();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.6f,%d,%.6f,%.6f,%.6f", y, w, x1, x2, x3));
            for (int k = 1; k <= arms; k++) {
                line.append(String.format(Locale.ROOT, ",%.6f", 1.0 / (arms + 1)));
            }
            lines.add(line.toString());
        }
        Path file = dir.resolve("data" + arms + ".csv");
        Files.write(file, lines);
        return file;
    }

    private Path withLines(List<String> lines) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void binaryRunWritesOneRowPerInputRowAndPrintsTheAverageEffect() throws IOException {
        Path csv = data(2_000, 1, 5);
        Path out = dir.resolve("cate.csv");
        Object[] result = run("--csv", csv.toString(), "--outcome", "Y", "--treatment", "W", "--covariates", "X1,X2,X3",
                "--trees", "200", "--seed", "1", "--threads", "2", "--out", out.toString());
        assertEquals(0, result[0], (String) result[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals("cate_1,variance_1", lines.getFirst());
        assertEquals(2_001, lines.size());
        String stdout = (String) result[1];
        assertTrue(stdout.contains("ATE (AIPW)") && stdout.contains("fit ") && stdout.contains("predict "), stdout);
        // Truth: E[X1] = 0.5; the AIPW estimate is within 4 standard errors.
        String row = stdout.lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
        String[] parts = row.trim().split("\\s+");
        double ate = Double.parseDouble(parts[1]);
        double se = Double.parseDouble(parts[2]);
        assertTrue(Math.abs(ate - 0.5) < 4 * se, "ATE " + ate + " se " + se);
        // The CATE follows X1 (τ(x) = x1): correlation with X1 is clearly positive.
        List<String> input = Files.readAllLines(csv);
        double[] tau = new double[2_000];
        double[] x1 = new double[2_000];
        for (int i = 0; i < 2_000; i++) {
            tau[i] = Double.parseDouble(lines.get(i + 1).split(",")[0]);
            x1[i] = Double.parseDouble(input.get(i + 1).split(",")[2]);
            assertTrue(Double.parseDouble(lines.get(i + 1).split(",")[1]) > 0, "positive variance on row " + i);
        }
        assertTrue(correlation(tau, x1) > 0.5, "corr " + correlation(tau, x1));
    }

    @Test
    void multiArmRunWithGivenPropensitiesWritesEachArmsEffectAndVariance() throws IOException {
        Path csv = data(1_500, 2, 6);
        Path out = dir.resolve("cate2.csv");
        Object[] result = run("--csv", csv.toString(), "--outcome", "Y", "--treatment", "W", "--propensity", "e1,e2",
                "--trees", "100", "--threads", "2", "--out", out.toString());
        assertEquals(0, result[0], (String) result[2]);
        List<String> lines = Files.readAllLines(out);
        assertEquals("cate_1,variance_1,cate_2,variance_2", lines.getFirst());
        assertEquals(1_501, lines.size());
        String stdout = (String) result[1];
        assertTrue(stdout.contains("X1, X2, X3") && stdout.contains("propensities given (e1, e2)"), stdout);
        assertTrue(stdout.lines().anyMatch(l -> l.startsWith("2 ")), stdout);
    }

    @Test
    void missingColumnIsOneLineAndExitCodeOne() throws IOException {
        Path csv = data(100, 1, 7);
        Object[] result = run("--csv", csv.toString(), "--outcome", "Sales", "--treatment", "W", "--out",
                dir.resolve("o.csv").toString());
        assertEquals(1, result[0]);
        assertEquals("tailor forest: no column \"Sales\" in " + csv + "; its columns are Y, W, X1, X2, X3, e1.",
                ((String) result[2]).strip());
    }

    @Test
    void nonNumericCellNamesTheColumnAndLine() throws IOException {
        Path csv = withLines(List.of("Y,W,X1", "1.0,0,0.5", "2.0,1,abc", "1.5,1,0.2"));
        Object[] result = run("--csv", csv.toString(), "--outcome", "Y", "--treatment", "W", "--out",
                dir.resolve("o.csv").toString());
        assertEquals(1, result[0]);
        assertEquals("tailor forest: column \"X1\" line 3: \"abc\" is not a number.", ((String) result[2]).strip());
    }

    @Test
    void nanAndEmptyCellsAreRejected() throws IOException {
        Path nan = withLines(List.of("Y,W,X1", "1.0,0,0.5", "NaN,1,0.3"));
        Object[] result = run("--csv", nan.toString(), "--outcome", "Y", "--treatment", "W", "--out",
                dir.resolve("o.csv").toString());
        assertEquals(1, result[0]);
        assertEquals("tailor forest: column \"Y\" line 3: NaN is not a finite number.", ((String) result[2]).strip());
        Path empty = withLines(List.of("Y,W,X1", "1.0,0,", "2.0,1,0.3"));
        result = run("--csv", empty.toString(), "--outcome", "Y", "--treatment", "W", "--out",
                dir.resolve("o.csv").toString());
        assertEquals(1, result[0]);
        assertEquals("tailor forest: column \"X1\" line 2: empty cell.", ((String) result[2]).strip());
    }

    @Test
    void treatmentValueWithoutRowsIsRejected() throws IOException {
        List<String> lines = new ArrayList<>(List.of("Y,W,X1"));
        for (int i = 0; i < 30; i++) {
            lines.add(i + ".0," + (i % 3 == 2 ? 3 : i % 3) + "," + (i / 30.0));
        }
        Object[] result = run("--csv", withLines(lines).toString(), "--outcome", "Y", "--treatment", "W", "--out",
                dir.resolve("o.csv").toString());
        assertEquals(1, result[0]);
        assertEquals("tailor forest: treatment value 2 has no rows, but values go up to 3; arms must be numbered "
                + "0 (control), 1, ..., K without gaps.", ((String) result[2]).strip());
    }

    @Test
    void fractionalTreatmentAndMissingOptionsAreRejected() throws IOException {
        Path csv = withLines(List.of("Y,W,X1", "1.0,0,0.5", "2.0,0.5,0.3"));
        Object[] result = run("--csv", csv.toString(), "--outcome", "Y", "--treatment", "W", "--out",
                dir.resolve("o.csv").toString());
        assertEquals(1, result[0]);
        assertEquals("tailor forest: treatment \"W\" must be 0 (control) or an arm 1..K, got 0.5 on line 3.",
                ((String) result[2]).strip());
        result = run("--csv", csv.toString(), "--outcome", "Y", "--treatment", "W");
        assertEquals(2, result[0]);
        assertTrue(((String) result[2]).startsWith("tailor forest: missing --out."), (String) result[2]);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
