package dev.tailor.kernel.jupyter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The inputs (and text results) of this kernel's cells that asked to be stored, for {@code history_request}.
 * Kept in memory only: a restarted kernel starts a new, empty history, as its variables are gone too.
 */
final class KernelHistory implements HistoryManager {

    /** This kernel's session number; a request for session 0 or below means "the current session". */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session > 0 && session != SESSION) {
            return List.of();
        }
        return cells.stream()
                .filter(c -> c.number() >= start && (stop <= 0 || c.number() < stop))
                .map(c -> entry(c, flags))
                .toList();
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return cells.subList(Math.max(0, cells.size() - length), cells.size()).stream().map(c -> entry(c, flags)).toList();
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Cell> matches = cells.stream().filter(c -> pattern.matcher(c.input()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell cell : matches) {
                latest.remove(cell.input());
                latest.put(cell.input(), cell);
            }
            matches = List.copyOf(latest.values());
        }
        int from = length > 0 ? Math.max(0, matches.size() - length) : 0;
        return matches.subList(from, matches.size()).stream().map(c -> entry(c, flags)).toList();
    }

    private static HistoryEntry entry(Cell cell, Set<ResultFlag> flags) {
        return new HistoryEntry(SESSION, cell.number(), cell.input(),
                flags.contains(ResultFlag.INCLUDE_OUTPUT) ? cell.output() : null);
    }

    /** IPython's history search patterns: {@code *} for any text, {@code ?} for one character. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
