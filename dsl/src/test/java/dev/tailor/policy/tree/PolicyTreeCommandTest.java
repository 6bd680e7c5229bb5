package dev.tailor.policy.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTreeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PolicyTreeCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheChosenActionOfEveryRowAndPrintsTheTree() throws IOException {
        Path x = write("x.csv", "age,score\n20,1\n30,2\n40,3\n50,4\n");
        Path g = write("g.csv", "control,treat\n1,0\n1,0\n0,2\n0,2\n");
        Path actions = dir.resolve("actions.csv");
        int code = run("--covariates", x.toString(), "--scores", g.toString(), "--depth", "1", "--out", actions.toString());
        assertEquals(0, code, errText());
        assertEquals("action_index,action\n0,control\n0,control\n1,treat\n1,treat\n", Files.readString(actions));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("Total reward 6 over 4 rows"), printed);
        assertTrue(printed.contains("if age <= 30 then control"), printed);
        assertTrue(printed.contains("if age > 30 then treat"), printed);
    }

    @Test
    void aMissingFileGivesOneLineAndExitCodeOne() {
        int code = run("--covariates", dir.resolve("nope.csv").toString(), "--scores", "g.csv", "--out", "a.csv");
        assertEquals(1, code);
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().contains("nope.csv does not exist"), errText());
    }

    @Test
    void aNonNumericCellIsNamedByRowAndColumn() throws IOException {
        Path x = write("x.csv", "age,score\n20,1\n30,abc\n");
        Path g = write("g.csv", "a,b\n1,0\n0,1\n");
        int code = run("--covariates", x.toString(), "--scores", g.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, code);
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().contains("column \"score\", row 2 (line 3) holds \"abc\""), errText());
    }

    @Test
    void aNaNRewardIsRejected() throws IOException {
        Path x = write("x.csv", "age\n20\n30\n");
        Path g = write("g.csv", "a,b\n1,NaN\n0,1\n");
        int code = run("--covariates", x.toString(), "--scores", g.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, code);
        assertTrue(errText().contains("column \"b\", row 1 (line 2) is missing"), errText());
    }

    @Test
    void mismatchedRowCountsAreReported() throws IOException {
        Path x = write("x.csv", "age\n20\n30\n40\n");
        Path g = write("g.csv", "a,b\n1,0\n0,1\n");
        int code = run("--covariates", x.toString(), "--scores", g.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, code);
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().contains("3 rows but the reward matrix has 2"), errText());
    }

    @Test
    void aBadDepthIsAUsageError() throws IOException {
        int code = run("--covariates", "x.csv", "--scores", "g.csv", "--depth", "7", "--out", "o.csv");
        assertEquals(2, code);
        assertTrue(errText().startsWith("tailor policy-tree: depth must be in 1..3"), errText());
    }
}
