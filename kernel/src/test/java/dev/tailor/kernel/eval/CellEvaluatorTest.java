package dev.tailor.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellEvaluatorTest {

    private static CellEvaluator evaluator;

    @BeforeAll
    static void startShell() {
        evaluator = new CellEvaluator(new MimeRenderer(), "import java.util.*;");
    }

    @AfterAll
    static void closeShell() {
        evaluator.close();
    }

    @Test
    void lastExpressionBecomesTheResultAfterPrintedText() {
        List<Output> outputs = evaluator.eval("int a = 20;\nSystem.out.println(\"hello\");\na + 22");
        assertEquals(2, outputs.size(), outputs.toString());
        assertEquals(new Output.Stream("stdout", "hello\n"), outputs.get(0));
        Output.Result result = assertInstanceOf(Output.Result.class, outputs.get(1));
        assertEquals("42", result.data().get("text/plain"));
    }

    @Test
    void trailingSemicolonSuppressesTheResult() {
        assertEquals(List.of(), evaluator.eval("Math.max(1, 2);"));
    }

    @Test
    void declarationsShowNoResult() {
        assertEquals(List.of(), evaluator.eval("var words = List.of(\"a\", \"b\");"));
        Output.Result result = assertInstanceOf(Output.Result.class, evaluator.eval("words").get(0));
        assertEquals("[a, b]", result.data().get("text/plain"));
    }

    @Test
    void displayKeepsItsPlaceAmongPrintedText() {
        List<Output> outputs = evaluator.eval("System.out.println(1);\ndisplay(List.of(2));\nSystem.out.println(3);");
        assertEquals(List.of(new Output.Stream("stdout", "1\n"), new Output.Display(java.util.Map.of("text/plain", "[2]")),
                new Output.Stream("stdout", "3\n")), outputs);
    }

    @Test
    void compileErrorNamesLineAndColumnInsideTheCell() {
        List<Output> outputs = evaluator.eval("int ok = 1;\n\nString s = ok.length();");
        Output.Error error = assertInstanceOf(Output.Error.class, outputs.get(outputs.size() - 1));
        assertTrue(error.value().startsWith("line 3, column 12:"), error.value());
        assertTrue(error.value().contains("int cannot be dereferenced"), error.value());
        assertTrue(error.traceback().stream().noneMatch(line -> line.contains("dev.tailor.kernel")), error.traceback().toString());
    }

    @Test
    void runtimeErrorShowsTheUsersExceptionWithoutKernelFrames() {
        List<Output> outputs = evaluator.eval("Objects.requireNonNull(null, \"the outcome table\");");
        Output.Error error = assertInstanceOf(Output.Error.class, outputs.get(0));
        assertEquals("java.lang.NullPointerException", error.name());
        assertEquals("the outcome table", error.value());
        assertTrue(error.traceback().get(0).contains("the outcome table"));
        assertTrue(error.traceback().stream().noneMatch(line -> line.contains("jdk.jshell") || line.contains("dev.tailor.kernel")),
                error.traceback().toString());
    }

    @Test
    void firstErrorStopsTheCell() {
        List<Output> outputs = evaluator.eval("int before = 1;\nthrow new IllegalStateException(\"stop\");\nSystem.out.println(\"after\");");
        assertEquals(1, outputs.size(), outputs.toString());
        assertInstanceOf(Output.Error.class, outputs.get(0));
    }

    @Test
    void incompleteCodeIsReportedNotSwallowed() {
        Output.Error error = assertInstanceOf(Output.Error.class, evaluator.eval("int x = (1 + 2;").get(0));
        assertTrue(error.value().contains("line 1"), error.value());
    }

    @Test
    void runtimeErrorFramesNameTheCellLine() {
        evaluator.eval("int half(int n) {\n    return 10 / n;\n}");
        Output.Error error = assertInstanceOf(Output.Error.class, evaluator.eval("int a = 1;\n\nhalf(0);").getLast());
        assertEquals("java.lang.ArithmeticException", error.name());
        assertTrue(error.traceback().get(1).contains("an earlier cell (half,"), error.traceback().toString());
        assertEquals("    at this cell, line 3", error.traceback().get(2));
    }
}
