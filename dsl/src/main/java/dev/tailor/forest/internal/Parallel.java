package dev.tailor.forest.internal;

import dev.tailor.forest.ForestInterruptedException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks 0..count-1 on a pool that lives only for the call. Each task writes its own output
 * slot, so results do not depend on the thread count. Completion is reported on the calling thread. If the
 * calling thread is interrupted, the pool is stopped, its threads are awaited and a
 * {@link ForestInterruptedException} is thrown with the interrupt flag restored.
 */
final class Parallel {

    /** Name prefix of worker threads, so tests can check that none outlive a call. */
    static final String THREAD_PREFIX = "tailor-forest-";

    private Parallel() {
    }

    /** Called on the calling thread after each finished task with the number finished so far. */
    interface Done {
        void finished(int tasksDone);
    }

    static void run(int threads, int count, IntConsumer task, Done done, String what) {
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw interrupted(what, i, count);
                }
                try {
                    task.accept(i);
                } catch (TreeGrower.TrainingInterrupted stop) {
                    throw interrupted(what, i, count);
                }
                done.finished(i + 1);
            }
            return;
        }
        AtomicInteger serial = new AtomicInteger();
        java.util.List<Thread> workers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + serial.incrementAndGet());
            thread.setDaemon(true);
            workers.add(thread);
            return thread;
        };
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, count), factory);
        int finished = 0;
        try {
            ExecutorCompletionService<Integer> completion = new ExecutorCompletionService<>(executor);
            for (int i = 0; i < count; i++) {
                int index = i;
                completion.submit(() -> {
                    task.accept(index);
                    return index;
                });
            }
            for (finished = 0; finished < count; ) {
                completion.take().get();
                finished++;
                done.finished(finished);
            }
        } catch (InterruptedException interruption) {
            stop(executor);
            Thread.currentThread().interrupt();
            throw interrupted(what, finished, count);
        } catch (ExecutionException failure) {
            stop(executor);
            Throwable cause = failure.getCause();
            if (cause instanceof TreeGrower.TrainingInterrupted) {
                throw interrupted(what, finished, count);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed: " + cause, cause);
        } finally {
            stop(executor);
            joinAll(workers);
        }
    }

    /** Waits until the pool's threads have exited (awaitTermination returns once tasks are done, a little before). */
    private static void joinAll(java.util.List<Thread> workers) {
        boolean wasInterrupted = Thread.interrupted();
        synchronized (workers) {
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException again) {
                        wasInterrupted = true;
                    }
                }
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(ExecutorService executor) {
        executor.shutdownNow();
        boolean wasInterrupted = Thread.interrupted();
        try {
            while (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException again) {
            wasInterrupted = true;
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ForestInterruptedException interrupted(String what, int done, int count) {
        return new ForestInterruptedException(what + " was interrupted after " + done + " of " + count
                + " tasks; no result was produced and all worker threads have stopped.");
    }
}
