package dev.tailor.progress;

import java.util.Optional;

/**
 * Where {@link Progress} tasks show themselves. The environment decides: a Jupyter kernel shows one bar per task
 * that updates in place; tests and headless runs show nothing. Long work never picks a reporter itself.
 */
@FunctionalInterface
public interface ProgressReporter {

    /** Shows nothing; the default outside a notebook kernel. */
    ProgressReporter NONE = start -> state -> { };

    /** Shows a new task in its starting state and returns the handle its later states go to. */
    ProgressDisplay open(ProgressState start);

    /** One task's place on screen. Called from whichever thread reports, never concurrently for one task. */
    @FunctionalInterface
    interface ProgressDisplay {

        /** Replaces what the task shows with a newer state; the last call carries the finished state. */
        void update(ProgressState state);
    }

    /**
     * A reporter that can be found with {@link java.util.ServiceLoader} when no reporter was bound with
     * {@link Progress#reportingTo}: how a stock JJava kernel, which cannot bind one around its cells, shows bars.
     */
    interface Discovery {

        /** The reporter of the environment this code runs in, or empty when that environment is not present. */
        Optional<ProgressReporter> detect();
    }
}
