package dev.tailor.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tailor.kernel.eval.CellEvaluator;
import dev.tailor.kernel.eval.MimeRenderer;
import dev.tailor.kernel.eval.Output;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    private static CellEvaluator evaluator;
    private static final List<Path> added = new ArrayList<>();
    private static Magics magics;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator(new MimeRenderer(), "");
        magics = new Magics(evaluator, new Magics.Host() {
            @Override
            public void addToClasspath(List<Path> entries) {
                added.addAll(entries);
            }

            @Override
            public List<Path> resolve(List<String> coordinates) throws IOException {
                throw new IOException("offline");
            }
        });
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    private static List<Output> run(String cell) {
        List<Output> outputs = new ArrayList<>();
        magics.run(cell, outputs::add, InputStream.nullInputStream());
        return outputs;
    }

    @Test
    void cellTimePrintsTheWallTimeBeforeTheResult() {
        List<Output> outputs = run("%%time\nint t = 20;\nt + 22");
        assertTrue(((Output.Stream) outputs.get(0)).text().startsWith("Wall time: "), outputs.toString());
        assertEquals("42", assertInstanceOf(Output.Result.class, outputs.get(1)).data().get("text/plain"));
    }

    @Test
    void lineMagicsRunInPlaceAndErrorsKeepTheirCellLine() {
        List<Output> outputs = run("int before = 1;\n%time int during = 2;\nString s = before.length();");
        assertTrue(((Output.Stream) outputs.get(0)).text().startsWith("Wall time: "));
        Output.Error error = assertInstanceOf(Output.Error.class, outputs.getLast());
        assertTrue(error.value().startsWith("line 3, column 12"), error.value());
    }

    @Test
    void loadRunsAFile(@TempDir Path tmp) throws IOException {
        Path script = Files.writeString(tmp.resolve("setup.jsh"), "int loaded = 41;\n");
        List<Output> outputs = run("%load " + script + "\nloaded + 1");
        assertEquals("42", assertInstanceOf(Output.Result.class, outputs.getLast()).data().get("text/plain"));
    }

    @Test
    void classpathExpandsADirectoryOfJars(@TempDir Path tmp) throws IOException {
        Files.createFile(tmp.resolve("a.jar"));
        Files.createFile(tmp.resolve("notes.txt"));
        assertEquals(List.of(), run("%classpath " + tmp + "/*"));
        assertTrue(added.contains(tmp.resolve("a.jar").toAbsolutePath()));
        assertTrue(added.stream().noneMatch(p -> p.toString().endsWith(".txt")));
    }

    @Test
    void unknownMagicsAndMissingFilesAreErrorsThatNameTheProblem() {
        Output.Error unknown = assertInstanceOf(Output.Error.class, run("%timeit 1").getFirst());
        assertTrue(unknown.value().contains("%timeit") && unknown.value().contains("%time"), unknown.value());
        Output.Error missing = assertInstanceOf(Output.Error.class, run("%classpath /no/such.jar").getFirst());
        assertTrue(missing.value().contains("/no/such.jar"), missing.value());
    }
}
