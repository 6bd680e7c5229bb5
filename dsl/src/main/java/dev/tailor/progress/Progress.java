package dev.tailor.progress;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long task that reports how far it got, such as training a forest or looping over replications:
 *
 * <pre>{@code
 * try (Progress progress = Progress.range(reps, "replications")) {
 *     for (int r = 0; r < reps; r++) { simulate(r); progress.step(); }
 * }
 * for (long seed : Progress.over(seeds, "seeds")) { ... }
 * }</pre>
 *
 * <p>Where it reports is up to the environment, not the task: the reporter bound with {@link #reportingTo}
 * (Tailor's kernel binds one around each cell), else one found through {@link ProgressReporter.Discovery}, else
 * nowhere. A task takes its reporter when it is created, so {@link #step()} may then be called from any thread.
 * Reports are throttled to one per {@link #REPORT_INTERVAL}; the finished state is always reported.
 */
public final class Progress implements AutoCloseable {

    /** The shortest time between two reported states of one task, so a tight loop costs no output. */
    public static final Duration REPORT_INTERVAL = Duration.ofMillis(150);

    private static final ScopedValue<ProgressReporter> REPORTER = ScopedValue.newInstance();

    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastReportNanos;
    // Guards the display: states reach it one at a time and none arrives after the finished one.
    private final Object displayLock = new Object();
    private final ProgressReporter.ProgressDisplay display;
    private boolean finished;

    private Progress(String label, long total, ProgressReporter reporter) {
        this.label = label;
        this.total = total;
        this.lastReportNanos = new AtomicLong(startNanos);
        this.display = reporter.open(state(false));
    }

    /**
     * Starts a task of {@code total} steps (0 if unknown) reported to the current environment.
     *
     * @throws IllegalArgumentException if total is negative
     */
    public static Progress range(long total, String label) {
        Objects.requireNonNull(label, "label");
        if (total < 0) {
            throw new IllegalArgumentException("Progress.range: total is " + total + "; give the number of steps "
                    + "(0 if unknown).");
        }
        return new Progress(label, total, currentReporter());
    }

    /**
     * The items in order, reporting one step per item finished: an item counts as done when the loop asks for
     * the next one, and the task is done when the loop has seen them all.
     */
    public static <T> Iterable<T> over(Collection<? extends T> items, String label) {
        Objects.requireNonNull(items, "items");
        return () -> new Iterator<>() {
            private final Iterator<? extends T> inner = items.iterator();
            private final Progress progress = range(items.size(), label);
            private boolean itemOut; // an item was handed out and not yet counted

            @Override
            public boolean hasNext() {
                boolean more = inner.hasNext();
                if (!more) {
                    countItemOut();
                    progress.done();
                }
                return more;
            }

            private void countItemOut() {
                if (itemOut) {
                    itemOut = false;
                    progress.step();
                }
            }

            @Override
            public T next() {
                if (!inner.hasNext()) {
                    throw new NoSuchElementException("Progress.over(" + label + "): no items left");
                }
                countItemOut();
                itemOut = true;
                return inner.next();
            }
        };
    }

    /**
     * Runs {@code work} with Progress tasks it creates on this thread reporting to {@code reporter}; how a
     * kernel shows progress without the DSL knowing it.
     */
    public static <T, X extends Throwable> T reportingTo(ProgressReporter reporter, ScopedValue.CallableOp<T, X> work) throws X {
        return ScopedValue.where(REPORTER, Objects.requireNonNull(reporter, "reporter")).call(work);
    }

    /** The reporter a task created now on this thread would use. */
    public static ProgressReporter currentReporter() {
        if (REPORTER.isBound()) {
            return REPORTER.get();
        }
        for (ProgressReporter.Discovery discovery : ServiceLoader.load(ProgressReporter.Discovery.class, Progress.class.getClassLoader())) {
            Optional<ProgressReporter> found = discovery.detect();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return ProgressReporter.NONE;
    }

    /** One more step done. */
    public void step() {
        advance(1);
    }

    /** {@code steps} more steps done. */
    public void advance(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("Progress.advance: steps is " + steps + "; progress only moves forward.");
        }
        completed.addAndGet(steps);
        long now = System.nanoTime();
        long last = lastReportNanos.get();
        if (now - last >= REPORT_INTERVAL.toNanos() && lastReportNanos.compareAndSet(last, now)) {
            report(false);
        }
    }

    /** Sets the steps done to {@code count}, for work that reports totals rather than increments. */
    public void completedSoFar(long count) {
        long previous = completed.get();
        if (count > previous) {
            advance(count - previous);
        }
    }

    /** Marks the task finished and reports its final state; later calls do nothing. */
    public void done() {
        report(true);
    }

    /** Same as {@link #done()}, so a task can be a try-with-resources resource. */
    @Override
    public void close() {
        done();
    }

    /** The task's state now. */
    public ProgressState state() {
        synchronized (displayLock) {
            return state(finished);
        }
    }

    private void report(boolean finishing) {
        synchronized (displayLock) {
            if (finished) {
                return;
            }
            finished = finishing;
            display.update(state(finishing));
        }
    }

    private ProgressState state(boolean finishedState) {
        return new ProgressState(label, completed.get(), total, Duration.ofNanos(System.nanoTime() - startNanos), finishedState);
    }
}
