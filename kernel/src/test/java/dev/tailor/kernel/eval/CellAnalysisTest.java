package dev.tailor.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellAnalysisTest {

    private static CellEvaluator evaluator;
    private static CellAnalysis analysis;

    @BeforeAll
    static void startShell() {
        evaluator = new CellEvaluator(new MimeRenderer(), "import java.util.*;");
        evaluator.eval("String greeting = \"hi\";");
        analysis = evaluator.analysis();
    }

    @AfterAll
    static void closeShell() {
        evaluator.close();
    }

    @Test
    void completesAMemberAndReplacesOnlyThePrefix() {
        String cell = "int a = 1;\nMath.ma";
        CellAnalysis.Completion completion = analysis.complete(cell, cell.length());
        assertTrue(completion.matches().contains("max("), completion.toString());
        assertEquals(cell.length() - 2, completion.start());
        assertEquals(cell.length(), completion.end());
    }

    @Test
    void completesVariablesDefinedInEarlierCells() {
        String cell = "greet";
        assertTrue(analysis.complete(cell, cell.length()).matches().contains("greeting"));
    }

    @Test
    void completesInTheMiddleOfACell() {
        String cell = "greeting.toUpp\nint b = 2;";
        CellAnalysis.Completion completion = analysis.complete(cell, "greeting.toUpp".length());
        assertTrue(completion.matches().contains("toUpperCase("), completion.toString());
    }

    @Test
    void documentationGivesSignatureAndFirstSentenceInsideTheCall() {
        String cell = "Math.max(1, 2)";
        List<String> docs = analysis.documentation(cell, "Math.max(".length());
        assertFalse(docs.isEmpty());
        assertTrue(docs.get(0).contains("max(int a, int b)"), docs.toString());
        assertTrue(docs.get(0).contains("Returns the greater of two"), docs.toString());
    }

    @Test
    void documentationWorksWithTheCursorAtTheEnd() {
        assertFalse(analysis.documentation("Math.max", "Math.max".length()).isEmpty());
        assertFalse(analysis.documentation("Math.max(", "Math.max(".length()).isEmpty());
        assertFalse(analysis.documentation("greeting", "greeting".length()).isEmpty());
    }

    @Test
    void readinessTellsCompleteIncompleteAndInvalid() {
        assertEquals("complete", analysis.readiness("int x = 1;").status());
        assertEquals("complete", analysis.readiness("1 + 1").status());
        CellAnalysis.Readiness open = analysis.readiness("for (int i = 0; i < 3; i++) {");
        assertEquals("incomplete", open.status());
        assertEquals("    ", open.indent());
        assertEquals("incomplete", analysis.readiness("int y = 1;\nMath.max(1,").status());
        assertEquals("invalid", analysis.readiness("int 1x = ;)").status());
    }
}
