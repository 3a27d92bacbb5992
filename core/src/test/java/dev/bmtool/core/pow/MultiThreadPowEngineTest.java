package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the conformance suite cannot see: random starts, disjoint work, threads, verification. */
class MultiThreadPowEngineTest {

    @Test
    void modularHelpers() {
        assertEquals(3, MultiThreadPowEngine.addMod(5, 8, 10));
        assertEquals(9, MultiThreadPowEngine.addMod(4, 5, 10));
        assertEquals(-2L, MultiThreadPowEngine.addMod(-3L, 1, 0)); // m = 0 is 2^64
        // a + b overflows 64 bits but the sum mod m is small
        long m = -10L; // 2^64 - 10
        assertEquals(15, MultiThreadPowEngine.addMod(-11L, 16, m)); // (2^64 + 5) - (2^64 - 10)
        assertEquals(7, MultiThreadPowEngine.subMod(9, 2, 10));
        assertEquals(8, MultiThreadPowEngine.subMod(2, 4, 10));
    }

    /** With a random start every nonce of the range is still tried exactly once. */
    @Test
    void randomStartCoversEachNonceOnce() {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        PowEngine recorder = new PowEngine() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
                for (long i = 0; i < range.count(); i++) {
                    seen.add(range.start() + i);
                }
                monitor.addTrials(range.count());
                return PowResult.exhausted(range.count());
            }
        };
        for (long size : new long[] {1, 7, MultiThreadPowEngine.BATCH + 3, 3 * MultiThreadPowEngine.BATCH}) {
            for (int rep = 0; rep < 3; rep++) {
                seen.clear();
                long start = rep == 2 ? -size : 1000; // also a range ending at 2^64-1
                try (MultiThreadPowEngine e = MultiThreadPowEngine.of(3, () -> recorder, true)) {
                    PowResult r = e.search(new PowJob(new byte[64], 0), new NonceRange(start, size), PowMonitor.NONE);
                    assertEquals(PowResult.Status.EXHAUSTED, r.status());
                    assertEquals(size, r.trials());
                }
                assertEquals(size, seen.size());
                Set<Long> distinct = new HashSet<>(seen);
                assertEquals(size, distinct.size(), "a nonce was tried twice");
                for (long n : distinct) {
                    assertTrue(Long.compareUnsigned(n - start, size) < 0, "nonce outside the range: " + n);
                }
            }
        }
    }

    @Test
    void randomStartFindsTheOnlyValidNonce() {
        SplittableRandom rnd = new SplittableRandom(3);
        try (MultiThreadPowEngine e = MultiThreadPowEngine.of(2, ScalarPowEngine::new, true)) {
            for (int j = 0; j < 6; j++) {
                byte[] ih = new byte[64];
                rnd.nextBytes(ih);
                long start = rnd.nextLong();
                int n = 2000;
                long best = -1L;
                long bestNonce = 0;
                for (int i = 0; i < n; i++) {
                    long t = PowMath.trialValue(start + i, ih);
                    if (Long.compareUnsigned(t, best) < 0) {
                        best = t;
                        bestNonce = start + i;
                    }
                }
                PowResult r = e.search(new PowJob(ih, best), new NonceRange(start, n), PowMonitor.NONE);
                assertEquals(bestNonce, r.nonce());
            }
        }
    }

    @Test
    void aFailingWorkerFailsTheSearchAndStopsTheOthers() {
        AtomicLong calls = new AtomicLong();
        PowEngine flaky = new PowEngine() {
            final ScalarPowEngine inner = new ScalarPowEngine();

            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
                if (calls.incrementAndGet() == 3) {
                    throw new IllegalStateException("device lost");
                }
                return inner.search(job, range, monitor);
            }
        };
        try (MultiThreadPowEngine e = MultiThreadPowEngine.of(1, () -> flaky, false)) {
            IllegalStateException ex = assertThrows(IllegalStateException.class,
                    () -> e.search(new PowJob(new byte[64], 0), NonceRange.from(0), PowMonitor.NONE));
            assertEquals("device lost", ex.getMessage());
        }
    }

    @Test
    void closeEndsTheWorkerThreads() throws Exception {
        MultiThreadPowEngine e = MultiThreadPowEngine.of(3, ScalarPowEngine::new, false);
        e.search(new PowJob(new byte[64], -1L), new NonceRange(0, 10), PowMonitor.NONE);
        assertTrue(workerThreads(e).size() > 0);
        e.close();
        for (int i = 0; i < 100 && !workerThreads(e).isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertTrue(workerThreads(e).isEmpty(), "threads left: " + workerThreads(e));
    }

    @Test
    void workerThreadsAreDaemons() {
        try (MultiThreadPowEngine e = MultiThreadPowEngine.of(2, ScalarPowEngine::new, false)) {
            e.search(new PowJob(new byte[64], -1L), new NonceRange(0, 10), PowMonitor.NONE);
            List<Thread> ts = workerThreads(e);
            assertFalse(ts.isEmpty());
            ts.forEach(t -> assertTrue(t.isDaemon(), t.getName()));
        }
    }

    @Test
    void badThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> MultiThreadPowEngine.of(0, ScalarPowEngine::new, false));
    }

    private static List<Thread> workerThreads(MultiThreadPowEngine e) {
        String prefix = "bmtool-pow-" + e.poolId() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .toList();
    }
}
