package dev.tailor.progress;

import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Rendered;
import java.time.Duration;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where a {@link Progress} task stands: steps done of the total, time since it started and whether it finished.
 * Shows itself as a one-line text bar and as an HTML {@code <progress>} bar with count, percent, elapsed and ETA.
 *
 * @param total    steps expected; 0 when unknown, which shows a count without percent or ETA
 * @param finished true once {@link Progress#done()} was called
 */
public record ProgressState(String label, long completed, long total, Duration elapsed, boolean finished) implements Rendered {

    private static final int BAR_WIDTH = 30;

    /** Share of the total done, between 0 and 1; NaN when the total is unknown. */
    public double fraction() {
        return total <= 0 ? Double.NaN : Math.min(1.0, (double) completed / total);
    }

    /** Time left at the pace so far; null when it cannot be told yet (nothing done or no total). */
    public Duration eta() {
        if (finished) {
            return Duration.ZERO;
        }
        if (total <= 0 || completed <= 0) {
            return null;
        }
        double nanosPerStep = (double) elapsed.toNanos() / completed;
        return Duration.ofNanos((long) (nanosPerStep * Math.max(0, total - completed)));
    }

    /** "replications [#########.....] 60/100 (60%) 0:03 elapsed, ETA 0:02". */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.round(fraction() * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        }
        return line.append(counts()).append(' ').append(times()).toString();
    }

    @Override
    public String toHtml() {
        String bar = total > 0
                ? "<progress value=\"" + completed + "\" max=\"" + total + "\" style=\"width:20em\"></progress> "
                : "";
        return "<div class=\"tailor-progress\"><span>" + Html.escape(label) + "</span> " + bar
                + "<span style=\"font-family:monospace\">" + Html.escape(counts() + " " + times()) + "</span></div>";
    }

    @Override
    public Table table() {
        return Table.create("progress",
                StringColumn.create("label", label),
                LongColumn.create("completed", completed),
                LongColumn.create("total", total),
                DoubleColumn.create("elapsed_seconds", elapsed.toNanos() / 1e9),
                BooleanColumn.create("finished", finished));
    }

    private String counts() {
        String done = Fmt.count(completed);
        return total > 0 ? done + "/" + Fmt.count(total) + " (" + Math.round(100 * fraction()) + "%)" : done;
    }

    private String times() {
        if (finished) {
            return "done in " + clock(elapsed);
        }
        Duration eta = eta();
        return clock(elapsed) + " elapsed" + (eta == null ? "" : ", ETA " + clock(eta));
    }

    /** m:ss, or h:mm:ss past an hour. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        String minutesSeconds = String.format(java.util.Locale.ROOT, "%d:%02d", (seconds / 60) % 60, seconds % 60);
        return hours > 0 ? hours + ":" + (minutesSeconds.length() < 5 ? "0" : "") + minutesSeconds : minutesSeconds;
    }
}
