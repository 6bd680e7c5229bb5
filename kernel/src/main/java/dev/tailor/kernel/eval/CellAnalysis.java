package dev.tailor.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Tab completion, Shift-Tab documentation and "is this cell complete?" for a whole cell. JShell analyses one
 * snippet at a time, so each question is first narrowed to the snippet under the cursor.
 */
public final class CellAnalysis {

    private final SourceCodeAnalysis analysis;
    private final List<String> importedPackages;
    private final ClassLoader loader;

    /**
     * @param importedPackages packages the shell imports on demand, where a class named without package is looked for
     * @param loader           finds the sources of classes whose Javadoc JShell does not have
     */
    CellAnalysis(SourceCodeAnalysis analysis, List<String> importedPackages, ClassLoader loader) {
        this.analysis = analysis;
        this.importedPackages = List.copyOf(importedPackages);
        this.loader = loader;
    }

    /** Completions at {@code cursor}: the texts that may replace {@code cell[start, end)}. */
    public record Completion(List<String> matches, int start, int end) {

        public Completion {
            matches = List.copyOf(matches);
        }
    }

    /** Whether a cell can run as it is, and if not, the indent of its next line. */
    public record Readiness(String status, String indent) {

        static final Readiness COMPLETE = new Readiness("complete", "");
        static final Readiness INVALID = new Readiness("invalid", "");
    }

    /** The snippet of a cell that holds a position: its text and where it starts in the cell. */
    private record Piece(String text, int start) {
    }

    /** Suggestions at the cursor; those whose type fits the context come first. */
    public Completion complete(String cell, int cursor) {
        Piece piece = pieceAt(cell, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(piece.text(), cursor - piece.start(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(new ArrayList<>(matches), piece.start() + anchor[0], cursor);
    }

    /**
     * Documentation of the method, type or variable at the cursor: each signature with the first sentence of its
     * Javadoc. Works with the cursor inside an argument list, on a name, or just after it; empty when nothing is there.
     */
    public List<String> documentation(String cell, int cursor) {
        Piece piece = pieceAt(cell, cursor);
        int at = cursor - piece.start();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(piece.text(), at, true);
        if (docs.isEmpty() && at > 0 && at == piece.text().stripTrailing().length()) {
            // Cursor right after a name, as in "Math.max|": ask about the call that would follow.
            String asCall = piece.text().substring(0, at) + "(";
            docs = analysis.documentation(asCall, asCall.length(), true);
        }
        List<String> entries = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            String javadoc = doc.javadoc() != null && !doc.javadoc().isBlank() ? doc.javadoc()
                    : SourceJavadoc.find(doc.signature(), importedPackages, loader).orElse(null);
            String sentence = Javadoc.firstSentence(javadoc);
            entries.add(sentence.isEmpty() ? doc.signature() : doc.signature() + "\n    " + sentence);
        }
        return entries;
    }

    /** "complete", "incomplete" (with the indent for the next line) or "invalid", as Jupyter's is_complete asks. */
    public Readiness readiness(String cell) {
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new Readiness("incomplete", "    ".repeat(Math.max(0, openBraces(cell))));
                }
                case UNKNOWN -> {
                    return Readiness.INVALID;
                }
                case EMPTY -> {
                    return Readiness.COMPLETE;
                }
                default -> remaining = info.remaining();
            }
        }
        return Readiness.COMPLETE;
    }

    /** Splits the cell into snippets and returns the one the cursor is in, or the unfinished rest. */
    private Piece pieceAt(String cell, int cursor) {
        int offset = 0;
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            boolean unfinished = info.completeness() == Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == Completeness.CONSIDERED_INCOMPLETE || info.source() == null;
            int consumed = remaining.length() - info.remaining().length();
            if (unfinished || consumed <= 0 || offset + consumed >= cursor) {
                return new Piece(cell.substring(offset, unfinished || consumed <= 0 ? cell.length() : offset + consumed), offset);
            }
            offset += consumed;
            remaining = info.remaining();
        }
        return new Piece(cell.substring(Math.min(offset, cell.length())), Math.min(offset, cell.length()));
    }

    private static int openBraces(String code) {
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            }
        }
        return depth;
    }
}
