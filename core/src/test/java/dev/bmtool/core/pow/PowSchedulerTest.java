package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.pow.service.PowService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PowSchedulerTest {
    private static final byte[] SAMPLE = HexFormat.of().parseHex("00000000001be7fc00000000660f307f0000002a010248454c4c4f");
    private static final byte[] IH = PowMath.initialHashOfObject(SAMPLE);

    /** An "accelerator" that is really the scalar engine; records the ranges it was given. */
    static final class FakeProvider implements PowEngineProvider {
        final List<NonceRange> ranges = Collections.synchronizedList(new ArrayList<>());
        final List<FakeEngine> opened = new CopyOnWriteArrayList<>();
        final boolean wrong;
        int opens;

        FakeProvider(boolean wrong) {
            this.wrong = wrong;
        }

        @Override
        public String kind() {
            return "opencl";
        }

        @Override
        public List<PowEngine> open(Consumer<String> problems) {
            opens++;
            FakeEngine e = new FakeEngine(this);
            opened.add(e);
            return List.of(e);
        }
    }

    static final class FakeEngine implements PowEngine {
        final FakeProvider p;
        final ScalarPowEngine inner = new ScalarPowEngine();
        boolean closed;

        FakeEngine(FakeProvider p) {
            this.p = p;
        }

        @Override
        public String name() {
            return p.wrong ? "broken-gpu" : "fake-gpu";
        }

        @Override
        public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
            p.ranges.add(range);
            if (p.wrong) {
                return PowResult.found(range.start(), 0, 1); // a lie the scheduler must catch
            }
            return inner.search(job, range, monitor);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @ParameterizedTest
    @EnumSource(value = PowScheduler.EngineKind.class, names = {"AUTO", "CPU", "SIMD", "SCALAR", "MESSAGEDIGEST"})
    void solvesTheSampleJobOnTheCpu(PowScheduler.EngineKind kind) {
        long target = PowMath.verifierTarget(SAMPLE.length, 300, 1000, 1000);
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(kind, 2, false), List.of(), m -> { })) {
            PowScheduler.Outcome o = s.solve(new PowJob(IH, target), PowScheduler.Listener.NONE);
            assertTrue(o.found());
            assertTrue(PowMath.meets(o.result().nonce(), IH, target));
            assertEquals(PowMath.trialValue(o.result().nonce(), IH), o.result().trialValue());
            assertTrue(o.result().trials() > 0);
            assertTrue(o.engine().startsWith(kind == PowScheduler.EngineKind.SCALAR ? "scalar" : ""), o.engine());
        }
    }

    @Test
    void smallJobsStayOnTheCpuLargeOnesUseAccelerators() {
        FakeProvider p = new FakeProvider(false);
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.AUTO, 1, false),
                List.of(p), m -> { })) {
            s.acceleratorMinTrials = 100_000;
            assertEquals(1, s.engineNames(1000).size());
            assertEquals(0, p.opens, "accelerators are opened only when a job needs them");
            PowScheduler.Outcome small = s.solve(new PowJob(IH, -1L >>> 8), PowScheduler.Listener.NONE);
            assertTrue(small.found());
            assertTrue(p.ranges.isEmpty());
            // a large job: both engines, each on its own half
            assertEquals(2, s.engineNames(100_000).size());
            PowScheduler.Outcome big = s.solve(new PowJob(IH, 1L << 45), PowScheduler.Listener.NONE);
            assertTrue(big.found());
            assertTrue(PowMath.meets(big.result().nonce(), IH, 1L << 45));
            assertEquals(List.of(new NonceRange(1L << 63, 1L << 63)), p.ranges);
            // engines are kept open across jobs
            s.solve(new PowJob(IH, 1L << 45), PowScheduler.Listener.NONE);
            assertEquals(1, p.opens);
            assertFalse(p.opened.get(0).closed);
        }
        assertTrue(p.opened.get(0).closed, "closing the scheduler closes its engines");
    }

    @Test
    void aWrongResultIsCaughtAndNamesTheEngine() {
        FakeProvider p = new FakeProvider(true);
        try (PowService s = PowService.of(PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.OPENCL,
                1, false), List.of(p), m -> { }))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.solve(new PowJob(IH, 1000), PowScheduler.Listener.NONE));
            assertTrue(e.getMessage().contains("broken-gpu"), e.getMessage());
        }
    }

    @Test
    void openclWithoutDevicesIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PowScheduler.open(
                new PowScheduler.Options(PowScheduler.EngineKind.OPENCL, 1, false), List.of(), m -> { }));
        assertTrue(e.getMessage().contains("OpenCL"), e.getMessage());
    }

    @Test
    void cancellationAndProgress() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<PowScheduler.Progress> seen = new CopyOnWriteArrayList<>();
        PowScheduler.Listener l = new PowScheduler.Listener() {
            @Override
            public void progress(PowScheduler.Progress p) {
                seen.add(p);
                if (seen.size() >= 2 && p.trials() > 0) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.CPU, 2, true),
                List.of(), m -> { })) {
            PowScheduler.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> s.solve(new PowJob(IH, 0), l));
            assertEquals(PowResult.Status.CANCELLED, o.result().status());
            assertTrue(seen.size() >= 2);
            PowScheduler.Progress last = seen.get(seen.size() - 1);
            assertTrue(last.trials() > 0 && last.rate() > 0);
            assertEquals(0x1p64, last.expectedTrials());
        }
    }

    @Test
    void progressStopsWhenAJobEndsAndTheNextJobGetsItsOwn() throws Exception {
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.CPU, 2, false),
                List.of(), m -> { })) {
            for (int job = 0; job < 2; job++) {
                List<PowScheduler.Progress> seen = new CopyOnWriteArrayList<>();
                AtomicBoolean cancel = new AtomicBoolean();
                PowScheduler.Listener l = new PowScheduler.Listener() {
                    @Override
                    public void progress(PowScheduler.Progress p) {
                        seen.add(p);
                        cancel.set(seen.size() >= 2);
                    }

                    @Override
                    public boolean cancelled() {
                        return cancel.get();
                    }
                };
                PowScheduler.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> s.solve(new PowJob(IH, 0), l));
                assertEquals(PowResult.Status.CANCELLED, o.result().status());
                int atEnd = seen.size();
                assertTrue(atEnd >= 2, "job " + job + ": " + atEnd + " progress events");
                Thread.sleep(700); // more than two progress intervals
                assertEquals(atEnd, seen.size(), "job " + job + ": progress after solve() returned");
            }
        }
    }

    @Test
    void slicesCoverTheSpaceWithoutOverlap() {
        for (int n = 1; n <= 7; n++) {
            List<NonceRange> sl = PowScheduler.slices(n);
            assertEquals(0, sl.get(0).start());
            assertEquals(-1L, sl.get(n - 1).last());
            for (int i = 1; i < n; i++) {
                assertEquals(sl.get(i - 1).last() + 1, sl.get(i).start());
            }
        }
    }

    @Test
    void randomStartStillFindsOnlyValidNonces() {
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.SCALAR, 2, true),
                List.of(), m -> { })) {
            for (int i = 0; i < 3; i++) {
                PowScheduler.Outcome o = s.solve(new PowJob(IH, -1L >>> 12), PowScheduler.Listener.NONE);
                assertTrue(PowMath.meets(o.result().nonce(), IH, -1L >>> 12));
            }
        }
    }
}
