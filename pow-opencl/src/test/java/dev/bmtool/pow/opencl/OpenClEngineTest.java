package dev.bmtool.pow.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Searches on every OpenCL device (pocl in CI) with easy targets and known answers. */
class OpenClEngineTest {
    // vectors.md 7.1: the sample object's initial hash, verifier target and nonce
    static final byte[] SAMPLE_IH = KernelSelfTest.IH;
    static final long SAMPLE_TARGET = 17892089305246L;
    static final long SAMPLE_NONCE = 1828860L;
    // vectors.md 7.2 row 1
    static final byte[] JABIT_IH = Hex.decode("f0aaa1c4da05d5700790772ef5f7b1e135d786ebce622a1741bf49955918d1b9"
            + "45c79a0832c55248ad88d1b0f44ca27941f582f6486aa5e095c9cdcefafabcbc");
    static final long JABIT_TARGET = 281474976710655L;
    static final long JABIT_NONCE = 70033L;

    static byte[] hash(String s) {
        return PowMath.initialHash(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void findsTheSampleObjectsNonce() {
        for (OpenClEngine e : PoclEngines.all()) {
            PowResult r = e.search(new PowJob(SAMPLE_IH, SAMPLE_TARGET), new NonceRange(SAMPLE_NONCE - 60, 100),
                    PowMonitor.NONE);
            assertTrue(r.found(), r.toString());
            assertEquals(SAMPLE_NONCE, r.nonce());
            assertEquals(7716054263625L, r.trialValue());
        }
    }

    @Test
    void oversizedWorkGroupIsClampedToWhatTheKernelsAccept() {
        for (OpenClDevice dev : OpenClPlatforms.discover().devices()) {
            try (OpenClEngine e = OpenClEngine.open(dev, PoclEngines.options().withLocalSize(1 << 20), s -> { })) {
                assertTrue(e.kernelWorkGroupLimit() >= 1 && e.kernelWorkGroupLimit() <= dev.maxWorkGroupSize());
                assertEquals(e.kernelWorkGroupLimit(), e.workGroupSize());
                PowResult r = e.search(new PowJob(SAMPLE_IH, SAMPLE_TARGET), new NonceRange(SAMPLE_NONCE - 60, 100),
                        PowMonitor.NONE);
                assertEquals(SAMPLE_NONCE, r.nonce(), r.toString());
            }
        }
    }

    @Test
    void searchFromZeroFindsAValidNonce() {
        for (OpenClEngine e : PoclEngines.all()) {
            AtomicLong reported = new AtomicLong();
            PowMonitor m = new PowMonitor() {
                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public void addTrials(long trials) {
                    reported.addAndGet(trials);
                }
            };
            PowResult r = e.search(new PowJob(JABIT_IH, JABIT_TARGET), NonceRange.from(0), m);
            assertTrue(r.found(), r.toString());
            assertTrue(PowMath.meets(r.nonce(), JABIT_IH, JABIT_TARGET));
            assertTrue(Long.compareUnsigned(r.nonce(), JABIT_NONCE) >= 0, "nothing is valid below the smallest nonce");
            assertEquals(reported.get(), r.trials());
            assertTrue(r.trials() > JABIT_NONCE, "trials cover at least the nonces up to the answer");
        }
    }

    @Test
    void nonceZeroIsFoundAndReported() {
        byte[] ih = hash("nonce zero");
        long t0 = PowMath.trialValue(0, ih);
        for (OpenClEngine e : PoclEngines.all()) {
            PowResult r = e.search(new PowJob(ih, t0), new NonceRange(0, 1), PowMonitor.NONE);
            assertTrue(r.found(), r.toString());
            assertEquals(0L, r.nonce());
            assertEquals(t0, r.trialValue());
            assertEquals(1L, r.trials());
        }
    }

    @Test
    void comparisonIsLessOrEqualAndUnsigned() {
        byte[] ih = hash("boundary");
        long start = 5000;
        int n = 2000;
        long min = -1L;
        long minNonce = 0;
        for (int i = 0; i < n; i++) {
            long t = PowMath.trialValue(start + i, ih);
            if (Long.compareUnsigned(t, min) < 0) {
                min = t;
                minNonce = start + i;
            }
        }
        for (OpenClEngine e : PoclEngines.all()) {
            // target == the smallest trial: exactly one winner (<= not <)
            PowResult r = e.search(new PowJob(ih, min), new NonceRange(start, n), PowMonitor.NONE);
            assertTrue(r.found(), r.toString());
            assertEquals(minNonce, r.nonce());
            // one below: none
            PowResult none = e.search(new PowJob(ih, min - 1), new NonceRange(start, n), PowMonitor.NONE);
            assertEquals(PowResult.Status.EXHAUSTED, none.status());
            assertEquals(n, none.trials());
        }
    }

    @Test
    void rangeAtTheTopOfTheNonceSpace() {
        byte[] ih = hash("top");
        int n = 1000;
        long start = -n; // 2^64 - 1000 .. 2^64 - 1
        long best = -1L;
        long bestNonce = 0;
        for (int i = 0; i < n; i++) {
            long t = PowMath.trialValue(start + i, ih);
            if (Long.compareUnsigned(t, best) < 0) {
                best = t;
                bestNonce = start + i;
            }
        }
        for (OpenClEngine e : PoclEngines.all()) {
            PowResult r = e.search(new PowJob(ih, best), new NonceRange(start, n), PowMonitor.NONE);
            assertTrue(r.found(), r.toString());
            assertEquals(bestNonce, r.nonce());
            // and a range that ends exactly at 2^64 - 1 without a winner is exhausted, not wrapped
            PowResult none = e.search(new PowJob(ih, 0), NonceRange.from(start), PowMonitor.NONE);
            assertEquals(PowResult.Status.EXHAUSTED, none.status());
            assertEquals(n, none.trials());
        }
    }

    @Test
    void cancelledSearchStops() {
        for (OpenClEngine e : PoclEngines.all()) {
            PowMonitor cancelled = new PowMonitor() {
                @Override
                public boolean isCancelled() {
                    return true;
                }

                @Override
                public void addTrials(long trials) {
                }
            };
            PowResult r = e.search(new PowJob(hash("x"), 0), NonceRange.from(0), cancelled);
            assertEquals(PowResult.Status.CANCELLED, r.status());

            // cancel after some launches
            AtomicLong done = new AtomicLong();
            PowMonitor later = new PowMonitor() {
                @Override
                public boolean isCancelled() {
                    return done.get() > 50_000;
                }

                @Override
                public void addTrials(long trials) {
                    done.addAndGet(trials);
                }
            };
            PowResult r2 = e.search(new PowJob(hash("y"), 0), NonceRange.from(0), later);
            assertEquals(PowResult.Status.CANCELLED, r2.status());
            assertEquals(done.get(), r2.trials());
        }
    }

    @Test
    void batchSolvesEveryJob() {
        List<PowJob> jobs = new ArrayList<>();
        List<NonceRange> ranges = new ArrayList<>();
        long easy = Long.divideUnsigned(-1L, 3000); // about 3000 trials each
        for (int i = 0; i < 6; i++) {
            jobs.add(new PowJob(hash("batch " + i), easy));
            ranges.add(NonceRange.from(0));
        }
        jobs.add(new PowJob(SAMPLE_IH, SAMPLE_TARGET)); // known answer in a small range
        ranges.add(new NonceRange(SAMPLE_NONCE - 60, 100));
        jobs.add(new PowJob(hash("hopeless"), 0)); // nothing to find in 500 nonces
        ranges.add(new NonceRange(123, 500));
        for (OpenClEngine e : PoclEngines.all()) {
            List<PowResult> rs = e.searchBatch(jobs, ranges, PowMonitor.NONE);
            assertEquals(jobs.size(), rs.size());
            for (int i = 0; i < 6; i++) {
                PowResult r = rs.get(i);
                assertTrue(r.found(), r.toString());
                assertTrue(PowMath.meets(r.nonce(), jobs.get(i).initialHash(), easy));
                assertEquals(PowMath.trialValue(r.nonce(), jobs.get(i).initialHash()), r.trialValue());
            }
            assertEquals(SAMPLE_NONCE, rs.get(6).nonce());
            assertEquals(PowResult.Status.EXHAUSTED, rs.get(7).status());
            assertEquals(500L, rs.get(7).trials());
            // the engine is still fine for single jobs afterwards
            PowResult r = e.search(new PowJob(SAMPLE_IH, SAMPLE_TARGET), new NonceRange(SAMPLE_NONCE - 1, 2),
                    PowMonitor.NONE);
            assertEquals(SAMPLE_NONCE, r.nonce());
        }
    }

    @Test
    void batchWithMoreJobsThanOneLaunchHolds() {
        List<PowJob> jobs = new ArrayList<>();
        long easy = Long.divideUnsigned(-1L, 200);
        for (int i = 0; i < OpenClEngine.MAX_BATCH + 3; i++) {
            jobs.add(new PowJob(hash("many " + i), easy));
        }
        OpenClEngine e = PoclEngines.first();
        List<PowResult> rs = e.searchBatch(jobs, PowMonitor.NONE);
        assertEquals(jobs.size(), rs.size());
        for (int i = 0; i < jobs.size(); i++) {
            assertTrue(rs.get(i).found());
            assertTrue(PowMath.meets(rs.get(i).nonce(), jobs.get(i).initialHash(), easy));
        }
    }

    @Test
    void aDeviceReturningWrongAnswersIsDisabled() {
        byte[] ih = hash("tamper");
        long easy = Long.divideUnsigned(-1L, 100);
        long bad = 0;
        while (PowMath.meets(bad, ih, easy)) {
            bad++;
        }
        final long invalid = bad;
        List<String> problems = new ArrayList<>();
        try (OpenClEngine e = OpenClEngine.open(PoclEngines.first().device(), PoclEngines.options(), problems::add)) {
            e.tamperResultsForTest(n -> invalid);
            OpenClException ex = assertThrows(OpenClException.class,
                    () -> e.search(new PowJob(ih, easy), NonceRange.from(0), PowMonitor.NONE));
            assertTrue(ex.getMessage().contains("wrong answer"), ex.getMessage());
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("disabled"), problems.get(0));
            assertTrue(e.disabledReason() != null);
            // later searches refuse at once, even without the tamper hook
            e.tamperResultsForTest(null);
            assertThrows(OpenClException.class,
                    () -> e.search(new PowJob(ih, easy), NonceRange.from(0), PowMonitor.NONE));
        }
    }

    @Test
    void cpuDevicesSayTheyUseTheHostCpu() {
        for (OpenClEngine e : PoclEngines.all()) {
            assertEquals(e.device().type().equals("CPU"), e.usesHostCpu(), e.toString());
        }
    }

    @Test
    void measuresARate() {
        OpenClEngine e = PoclEngines.first();
        double r = e.measure(java.time.Duration.ofMillis(200));
        assertTrue(r > 0, "rate " + r);
        assertTrue(e.measuredRate() > 0);
    }
}
