package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.pow.service.PowService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link PowScheduler#solveBatch} and {@link BatchPowSolver} with fake batch engines (scalar inside). */
class PowSchedulerBatchTest {

    /** Offers {@code devices} batch engines; {@code lie} makes the first one return wrong nonces. */
    static class Provider implements PowEngineProvider {
        final int devices;
        final boolean lie;
        final boolean hostCpu;
        final List<Engine> opened = new CopyOnWriteArrayList<>();

        Provider(int devices, boolean lie, boolean hostCpu) {
            this.devices = devices;
            this.lie = lie;
            this.hostCpu = hostCpu;
        }

        @Override
        public String kind() {
            return "opencl";
        }

        @Override
        public boolean offersAccelerators() {
            return !hostCpu;
        }

        @Override
        public List<PowEngine> open(Consumer<String> problems) {
            List<PowEngine> out = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                Engine e = new Engine("batch:" + i, lie && i == 0, hostCpu);
                opened.add(e);
                out.add(e);
            }
            return out;
        }
    }

    static final class Engine implements BatchPowEngine {
        final String name;
        final boolean lie;
        final boolean hostCpu;
        final ScalarPowEngine inner = new ScalarPowEngine();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final List<PowJob> seen = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Engine(String name, boolean lie, boolean hostCpu) {
            this.name = name;
            this.lie = lie;
            this.hostCpu = hostCpu;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean usesHostCpu() {
            return hostCpu;
        }

        @Override
        public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
            return inner.search(job, range, monitor);
        }

        @Override
        public List<PowResult> searchBatch(List<PowJob> jobs, List<NonceRange> ranges, PowMonitor monitor) {
            assertEquals(jobs.size(), ranges.size());
            batchSizes.add(jobs.size());
            seen.addAll(jobs);
            List<PowResult> out = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                out.add(lie ? PowResult.found(ranges.get(i).start(), 0, 1)
                        : inner.search(jobs.get(i), ranges.get(i), monitor));
            }
            return out;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Distinct easy jobs: initial hashes 0x01.., 0x02.., ... and ~256 expected trials each. */
    static List<PowJob> jobs(int n) {
        List<PowJob> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] ih = new byte[64];
            ih[0] = (byte) (i + 1);
            ih[63] = (byte) (i * 7);
            out.add(new PowJob(ih, -1L >>> 8));
        }
        return out;
    }

    static void assertSolved(List<PowJob> jobs, List<PowScheduler.Outcome> outcomes) {
        assertEquals(jobs.size(), outcomes.size());
        for (int i = 0; i < jobs.size(); i++) {
            PowScheduler.Outcome o = outcomes.get(i);
            assertTrue(o.found(), "job " + i + ": " + o);
            assertTrue(PowMath.meets(o.result().nonce(), jobs.get(i).initialHash(), jobs.get(i).target()), "job " + i);
            assertEquals(PowMath.trialValue(o.result().nonce(), jobs.get(i).initialHash()), o.result().trialValue());
        }
    }

    static PowScheduler open(PowScheduler.EngineKind kind, Provider p, List<String> problems) {
        return PowScheduler.open(new PowScheduler.Options(kind, 1, false), List.of(p), problems::add);
    }

    @Test
    void batchesAreSplitOverTheDevicesAndAnsweredInOrder() {
        Provider p = new Provider(2, false, false);
        List<String> problems = new CopyOnWriteArrayList<>();
        try (PowScheduler s = open(PowScheduler.EngineKind.OPENCL, p, problems)) {
            assertTrue(s.batching());
            List<PowJob> jobs = jobs(5);
            List<PowScheduler.Outcome> out = s.solveBatch(jobs, PowScheduler.Listener.NONE);
            assertSolved(jobs, out);
            assertEquals(List.of(2), p.opened.get(0).batchSizes);
            assertEquals(List.of(3), p.opened.get(1).batchSizes);
            assertEquals(jobs.subList(0, 2), p.opened.get(0).seen);
            assertEquals("batch:0", out.get(0).engine());
            assertEquals(2, out.get(0).batchSize());
            assertEquals("batch:1", out.get(4).engine());
            assertEquals(3, out.get(4).batchSize());
            assertTrue(problems.isEmpty(), problems.toString());
        }
    }

    @Test
    void autoModeBatchesOnGpusButNotOnHostCpuDevices() {
        Provider gpu = new Provider(1, false, false);
        try (PowScheduler s = open(PowScheduler.EngineKind.AUTO, gpu, new ArrayList<>())) {
            assertTrue(s.batching());
            assertSolved(jobs(3), s.solveBatch(jobs(3), PowScheduler.Listener.NONE));
            assertEquals(List.of(3), gpu.opened.get(0).batchSizes);
        }
        Provider pocl = new Provider(1, false, true);
        try (PowScheduler s = open(PowScheduler.EngineKind.AUTO, pocl, new ArrayList<>())) {
            assertFalse(s.batching());
            List<PowScheduler.Outcome> out = s.solveBatch(jobs(3), PowScheduler.Listener.NONE);
            assertSolved(jobs(3), out);
            assertTrue(pocl.opened.isEmpty(), "small jobs do not open a CPU OpenCL device just to find out");
            assertEquals(1, out.get(0).batchSize());
        }
        Provider both = new Provider(1, false, true) {
            @Override
            public boolean offersAccelerators() {
                return true; // unknown without opening: opened, then left out
            }
        };
        try (PowScheduler s = open(PowScheduler.EngineKind.AUTO, both, new ArrayList<>())) {
            assertFalse(s.batching());
            assertSolved(jobs(2), s.solveBatch(jobs(2), PowScheduler.Listener.NONE));
            assertTrue(both.opened.get(0).batchSizes.isEmpty());
        }
    }

    @Test
    void cpuModesNeverBatch() {
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.CPU, 1, false),
                List.of(), m -> { })) {
            assertFalse(s.batching());
            List<PowJob> jobs = jobs(3);
            List<PowScheduler.Outcome> out = s.solveBatch(jobs, PowScheduler.Listener.NONE);
            assertSolved(jobs, out);
            out.forEach(o -> assertEquals(1, o.batchSize()));
        }
    }

    @Test
    void aDeviceWithWrongAnswersIsDroppedAndItsJobsSolvedElsewhere() {
        Provider p = new Provider(2, true, false);
        List<String> problems = new CopyOnWriteArrayList<>();
        // the service verifies every answer and drops the engine that gave a wrong one
        try (PowService s = PowService.of(open(PowScheduler.EngineKind.OPENCL, p, problems), List.of(),
                problems::add)) {
            List<PowJob> jobs = jobs(4);
            List<PowScheduler.Outcome> out = s.solveBatch(jobs, PowScheduler.Listener.NONE);
            assertSolved(jobs, out);
            assertEquals("batch:1", out.get(0).engine(), "re-solved on the device that is left");
            assertTrue(p.opened.get(0).closed);
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("batch:0") && problems.get(0).contains("wrong result"), problems.get(0));
            // later batches use the good device only
            assertSolved(jobs, s.solveBatch(jobs, PowScheduler.Listener.NONE));
            assertEquals(List.of(2, 4), p.opened.get(1).batchSizes);
        }
    }

    @Test
    void theSolverGathersQueuedJobsAndAnswersEachCaller() {
        Provider p = new Provider(1, false, false);
        try (PowScheduler s = open(PowScheduler.EngineKind.OPENCL, p, new ArrayList<>());
                BatchPowSolver solver = new BatchPowSolver(s, 4, Duration.ofMillis(200))) {
            List<PowJob> jobs = jobs(6);
            List<CompletableFuture<PowScheduler.Outcome>> futures = new ArrayList<>();
            for (PowJob j : jobs) {
                futures.add(solver.submit(j));
            }
            List<PowScheduler.Outcome> out = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> futures.stream().map(CompletableFuture::join).toList());
            assertSolved(jobs, out);
            List<Integer> sizes = p.opened.get(0).batchSizes;
            assertEquals(6, sizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(sizes.stream().allMatch(n -> n <= 4), sizes.toString());
            assertTrue(sizes.size() < 6, "queued jobs are solved together: " + sizes);
            assertEquals(jobs, p.opened.get(0).seen, "batches keep arrival order");
        }
    }

    @Test
    void closingTheSolverAnswersWaitingJobsAsCancelled() {
        Provider p = new Provider(1, false, false);
        try (PowScheduler s = open(PowScheduler.EngineKind.OPENCL, p, new ArrayList<>())) {
            BatchPowSolver solver = new BatchPowSolver(s, 4, Duration.ofMillis(1));
            solver.close();
            PowScheduler.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> solver.submit(jobs(1).get(0)).join());
            assertEquals(PowResult.Status.CANCELLED, o.result().status());
        }
    }
}
