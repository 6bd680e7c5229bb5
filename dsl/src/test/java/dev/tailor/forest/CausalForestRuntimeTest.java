package dev.tailor.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Determinism across thread counts, progress reporting and prompt interruption. */
class CausalForestRuntimeTest {

    @Test
    void sameSeedGivesIdenticalResultsOnOneAndTwoThreads() {
        Simulations.Sim sim = Simulations.threeArms(1_200, 4, 71);
        CausalForest spec = CausalForest.spec().trees(60).nuisanceTrees(50).seed(23);
        CausalForestFit one = spec.threads(1).fit(sim.table(), sim.roles());
        CausalForestFit two = spec.threads(2).fit(sim.table(), sim.roles());
        CausalForestFit four = spec.threads(4).fit(sim.table(), sim.roles());
        for (CausalForestFit other : List.of(two, four)) {
            double[][] a = one.cate();
            double[][] b = other.cate();
            double[][] va = one.variance();
            double[][] vb = other.variance();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i]);
                assertArrayEquals(va[i], vb[i]);
                assertArrayEquals(one.propensities()[i], other.propensities()[i]);
            }
            assertArrayEquals(one.outcomeHat(), other.outcomeHat());
            assertArrayEquals(one.averageEffects().estimates(), other.averageEffects().estimates());
            assertArrayEquals(one.predict(sim.table()).estimates()[5], other.predict(sim.table()).estimates()[5]);
        }
    }

    @Test
    void progressCountsEveryTreeUpToTheTotal() {
        Simulations.Sim sim = Simulations.binary(600, 3, 72);
        List<int[]> calls = new ArrayList<>();
        CausalForest.spec().trees(40).nuisanceTrees(50).seed(1).threads(2)
                .progress((done, total) -> calls.add(new int[] {done, total}))
                .fit(sim.table(), sim.roles());
        int total = 40 + 50 + 50;
        assertEquals(total, calls.get(calls.size() - 1)[0]);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(total, calls.get(i)[1]);
            assertTrue(i == 0 || calls.get(i)[0] > calls.get(i - 1)[0], "progress increases");
        }
    }

    @Test
    void interruptingTheCallerStopsTrainingPromptlyAndLeavesNoThreads() throws InterruptedException {
        Simulations.Sim sim = Simulations.binary(20_000, 6, 73);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                CausalForest.spec().trees(20_000).seed(1).threads(2).fit(sim.table(), sim.roles());
            } catch (Throwable t) {
                thrown.set(t);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        Thread.sleep(1_500);
        long start = System.nanoTime();
        caller.interrupt();
        caller.join(10_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fit stopped %.3f s after the interrupt%n", seconds);
        assertTrue(!caller.isAlive(), "the fit returned");
        assertTrue(seconds < 5, "stopped within 5 s, took " + seconds);
        assertInstanceOf(ForestInterruptedException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
        assertTrue(flagAfter.get(), "the interrupt flag is restored");
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            assertTrue(!thread.getName().startsWith("tailor-forest-") || !thread.isAlive(),
                    "worker thread still alive: " + thread.getName());
        }
    }
}
