package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one conformance suite every {@link PowEngine} must pass (scalar, SIMD, multithreaded,
 * OpenCL). Subclasses supply the engines; each test runs once per engine. Engines are opened
 * once per subclass and closed after its tests.
 *
 * <p>Known answers come from vectors.md 7.1 and 7.2; random jobs are checked nonce by nonce
 * against {@link PowMath#trialValue}, the plain MessageDigest reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PowEngineConformanceTest {

    /** The engines under test; called once per test class. */
    protected abstract List<PowEngine> engines();

    /**
     * Size of the "small" ranges (windows below known answers, exhausted searches, ranges at the
     * top of the nonce space). Slow engines may lower it; it must stay above a few thousand.
     */
    protected long smallRange() {
        return 50_000;
    }

    /**
     * Known answers whose smallest nonce is at most this get an exhaustive search of
     * [0, smallest); above it only a window below the answer is searched.
     */
    protected long fullSearchLimit() {
        return 10_000_000;
    }

    /** How many random reference-checked jobs each engine gets. */
    protected int randomJobs() {
        return 12;
    }

    private static final HexFormat HEX = HexFormat.of();

    /** vectors.md 7.1: MiNode sample object (27 bytes, nonce 1828860). */
    static final byte[] SAMPLE_OBJECT = HEX.parseHex("00000000001be7fc00000000660f307f0000002a010248454c4c4f");
    static final long SAMPLE_NONCE = 1828860;
    static final long SAMPLE_TRIAL = 7716054263625L;
    static final long SAMPLE_VERIFIER_TARGET = 17892089305246L;

    /** vectors.md 7.2 rows: initial hash, target, smallest nonce, its trial value. */
    record KnownAnswer(String initialHashHex, long target, long smallestNonce, long trialValue) {
        byte[] initialHash() {
            return HEX.parseHex(initialHashHex);
        }
    }

    static final List<KnownAnswer> KNOWN_ANSWERS = List.of(
            new KnownAnswer("f0aaa1c4da05d5700790772ef5f7b1e135d786ebce622a1741bf49955918d1b9"
                    + "45c79a0832c55248ad88d1b0f44ca27941f582f6486aa5e095c9cdcefafabcbc",
                    281474976710655L, 70033, 4159383018474L),
            new KnownAnswer("69cc35b8236815968b1ba7740b22d0179f7f2503db4685d7e0a821453b4acf92"
                    + "6c72c776db6fdf5244fd809e09a38176878d280ccced1157befeb0d4b57e9e22",
                    1099511627775L, 6315691, 318845662162L),
            new KnownAnswer("3758f55b5a8d902fd3597e4ce6a2d3f23daff735f65d9698c270987f4e67ad59"
                    + "0b93f3ffeba0ef2fd08a8dc2f87b68ae5a0dc819ab57f22ad2c4c9c8618a43b3",
                    54227212183L, 224121278, 50345506936L));


    private List<PowEngine> engines;

    @BeforeAll
    void openEngines() {
        engines = List.copyOf(engines());
        assertFalse(engines.isEmpty(), "no engines to test");
    }

    @AfterAll
    void closeEngines() {
        if (engines != null) {
            engines.forEach(PowEngine::close);
        }
    }

    Stream<PowEngine> engineStream() {
        return engines.stream();
    }

    Stream<Arguments> engineAndKnownAnswer() {
        return engines.stream().flatMap(e -> KNOWN_ANSWERS.stream().map(k -> Arguments.of(e, k)));
    }

    /** A monitor counting trials; cancellable. */
    static class TestMonitor implements PowMonitor {
        final AtomicLong trials = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void addTrials(long n) {
            assertTrue(n >= 0, "negative trials reported: " + n);
            trials.addAndGet(n);
        }
    }

    private static PowResult search(PowEngine engine, PowJob job, NonceRange range, TestMonitor monitor) {
        return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> engine.search(job, range, monitor),
                () -> engine.name() + " did not finish " + range);
    }

    private static boolean inRange(long nonce, NonceRange range) {
        return Long.compareUnsigned(nonce, range.start()) >= 0 && Long.compareUnsigned(nonce, range.last()) <= 0;
    }

    /** A found result must be in range, carry the true trial value and meet the target. */
    private static void assertValidFind(PowEngine engine, PowJob job, NonceRange range, PowResult r) {
        assertEquals(PowResult.Status.FOUND, r.status(), engine.name() + " " + range);
        assertTrue(inRange(r.nonce(), range), engine.name() + " nonce " + Long.toUnsignedString(r.nonce())
                + " outside " + range);
        byte[] ih = job.initialHash();
        assertEquals(PowMath.trialValue(r.nonce(), ih), r.trialValue(), engine.name() + " wrong trial value");
        assertTrue(Long.compareUnsigned(r.trialValue(), job.target()) <= 0, engine.name() + " trial above target");
        assertTrue(r.trials() >= 1, engine.name() + " reported no trials");
    }

    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void sampleObjectFromVectors71(PowEngine engine) {
        byte[] ih = PowMath.initialHashOfObject(SAMPLE_OBJECT);
        long target = PowMath.verifierTarget(SAMPLE_OBJECT.length, 300, 1000, 1000);
        assertEquals(SAMPLE_VERIFIER_TARGET, target);
        PowJob job = new PowJob(ih, target);
        // 1828860 is the smallest valid nonce >= 1: a window ending at it holds exactly one answer.
        NonceRange range = new NonceRange(SAMPLE_NONCE - smallRange() + 1, smallRange());
        PowResult r = search(engine, job, range, new TestMonitor());
        assertValidFind(engine, job, range, r);
        assertEquals(SAMPLE_NONCE, r.nonce());
        assertEquals(SAMPLE_TRIAL, r.trialValue());
        // and a search of the whole space from 0 (nonce 0 itself is not valid, per the reference)
        // finds a valid nonce (not necessarily 1828860: parallel engines may find a later one)
        assertFalse(PowMath.meets(0, ih, target));
        if (SAMPLE_NONCE <= fullSearchLimit()) {
            NonceRange all = NonceRange.from(0);
            PowResult first = search(engine, job, all, new TestMonitor());
            assertValidFind(engine, job, all, first);
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineAndKnownAnswer")
    void knownAnswersFromVectors72(PowEngine engine, KnownAnswer k) {
        PowJob job = new PowJob(k.initialHash(), k.target());
        // a range starting at the smallest nonce: any valid nonce may come back; check it's real
        NonceRange from = new NonceRange(k.smallestNonce(), smallRange());
        assertValidFind(engine, job, from, search(engine, job, from, new TestMonitor()));
        // a range whose only valid nonce is the smallest one: it must come back exactly
        long below = Math.min(k.smallestNonce(), smallRange());
        NonceRange only = new NonceRange(k.smallestNonce() - below, below + 1);
        PowResult r = search(engine, job, only, new TestMonitor());
        assertValidFind(engine, job, only, r);
        assertEquals(k.smallestNonce(), r.nonce(), engine.name());
        assertEquals(k.trialValue(), r.trialValue(), engine.name());
        // nothing below the smallest nonce: all of [0, smallest) when affordable, else a window
        NonceRange none = k.smallestNonce() <= fullSearchLimit()
                ? new NonceRange(0, k.smallestNonce())
                : new NonceRange(k.smallestNonce() - smallRange(), smallRange());
        TestMonitor m = new TestMonitor();
        PowResult e = search(engine, job, none, m);
        assertEquals(PowResult.Status.EXHAUSTED, e.status(), engine.name() + " " + none);
        assertEquals(none.count(), e.trials(), engine.name() + " trials");
        assertEquals(none.count(), m.trials.get(), engine.name() + " trials reported to the monitor");
    }

    /**
     * Random jobs: the reference computes every trial value of a short range; with the target set
     * to the smallest of them the engine must return exactly that nonce, with the target one
     * below it the engine must search everything and find nothing. Odd range sizes and starts
     * exercise partial vectors.
     */
    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void randomJobsAgainstReference(PowEngine engine) {
        SplittableRandom rnd = new SplittableRandom(0x5eed_0000L + engine.name().hashCode());
        for (int j = 0; j < randomJobs(); j++) {
            byte[] ih = new byte[64];
            rnd.nextBytes(ih);
            int n = 1 + rnd.nextInt(300);
            long start = switch (j % 3) {
                case 0 -> rnd.nextLong(1_000_000);
                case 1 -> rnd.nextLong();
                default -> -n - rnd.nextInt(50); // near the top of the space
            };
            long best = -1L;
            long bestNonce = 0;
            for (long i = 0; i < n; i++) {
                long t = PowMath.trialValue(start + i, ih);
                if (Long.compareUnsigned(t, best) < 0 || i == 0) {
                    best = t;
                    bestNonce = start + i;
                }
            }
            NonceRange range = new NonceRange(start, n);
            PowJob job = new PowJob(ih, best);
            PowResult r = search(engine, job, range, new TestMonitor());
            assertValidFind(engine, job, range, r);
            assertEquals(bestNonce, r.nonce(), engine.name() + " job " + j);
            assertEquals(best, r.trialValue());
            if (best != 0) {
                PowJob harder = new PowJob(ih, best - 1);
                TestMonitor m = new TestMonitor();
                PowResult e = search(engine, harder, range, m);
                assertEquals(PowResult.Status.EXHAUSTED, e.status(), engine.name() + " job " + j);
                assertEquals(n, e.trials());
                assertEquals(n, m.trials.get());
            }
        }
    }

    /** An easy random target over a larger range: whatever comes back must check out. */
    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void randomEasyTargetsFindVerifiedNonces(PowEngine engine) {
        SplittableRandom rnd = new SplittableRandom(77 + engine.name().hashCode());
        for (int j = 0; j < randomJobs(); j++) {
            byte[] ih = new byte[64];
            rnd.nextBytes(ih);
            long target = Long.divideUnsigned(-1L, 500 + rnd.nextInt(1500)); // ~1000 trials expected
            NonceRange range = new NonceRange(rnd.nextLong(), smallRange());
            PowJob job = new PowJob(ih, target);
            assertValidFind(engine, job, range, search(engine, job, range, new TestMonitor()));
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void maximalTargetReturnsTheRangeStart(PowEngine engine) {
        byte[] ih = PowMath.initialHashOfObject(SAMPLE_OBJECT);
        PowJob job = new PowJob(ih, -1L); // 2^64-1: every nonce is valid
        for (long start : new long[] {0, 1, 12345, Long.MAX_VALUE, -2}) {
            NonceRange range = NonceRange.from(start);
            PowResult r = search(engine, job, range, new TestMonitor());
            assertValidFind(engine, job, range, r);
            assertEquals(start, r.nonce(), engine.name() + " from " + Long.toUnsignedString(start));
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void impossibleTargetExhaustsTheRange(PowEngine engine) {
        byte[] ih = PowMath.initialHashOfObject(SAMPLE_OBJECT);
        PowJob job = new PowJob(ih, 0);
        for (long count : new long[] {1, 7, 1000, smallRange() + 3}) {
            NonceRange range = new NonceRange(1_000_000, count);
            TestMonitor m = new TestMonitor();
            PowResult r = search(engine, job, range, m);
            assertEquals(PowResult.Status.EXHAUSTED, r.status(), engine.name());
            assertEquals(count, r.trials(), engine.name() + " trials");
            assertEquals(count, m.trials.get(), engine.name() + " trials reported to the monitor");
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void topOfTheNonceSpaceDoesNotWrap(PowEngine engine) {
        byte[] ih = PowMath.initialHashOfObject(SAMPLE_OBJECT);
        // the very last nonce is reachable
        long lastTrial = PowMath.trialValue(-1L, ih);
        PowJob exact = new PowJob(ih, lastTrial);
        NonceRange one = NonceRange.from(-1L);
        assertEquals(1, one.count());
        PowResult r = search(engine, exact, one, new TestMonitor());
        assertValidFind(engine, exact, one, r);
        assertEquals(-1L, r.nonce());
        // an impossible target up to 2^64-1 ends after exactly the nonces left
        PowJob impossible = new PowJob(ih, 0);
        for (long left : new long[] {1, 2, 9, 1001, smallRange()}) {
            TestMonitor m = new TestMonitor();
            PowResult e = search(engine, impossible, NonceRange.from(-left), m);
            assertEquals(PowResult.Status.EXHAUSTED, e.status(), engine.name());
            assertEquals(left, e.trials(), engine.name() + " searched past 2^64-1");
            assertEquals(left, m.trials.get());
        }
        // a count reaching past the end is cut there, not wrapped to nonce 0
        TestMonitor m = new TestMonitor();
        PowResult cut = search(engine, impossible, new NonceRange(-100, 5000), m);
        assertEquals(PowResult.Status.EXHAUSTED, cut.status());
        assertEquals(100, cut.trials(), engine.name() + " wrapped past 2^64-1");
        // nonce 0 solves this job but lies beyond the end: it must not be returned
        PowJob zeroSolves = new PowJob(ih, PowMath.trialValue(0, ih));
        PowResult notWrapped = search(engine, zeroSolves, new NonceRange(-3, 10), new TestMonitor());
        if (notWrapped.found()) {
            assertTrue(Long.compareUnsigned(notWrapped.nonce(), -3L) >= 0, engine.name() + " wrapped to "
                    + notWrapped.nonce());
        }
    }

    @ParameterizedTest(autoCloseArguments = false) // engines are closed once, after all tests
    @MethodSource("engineStream")
    void cancellationFromAnotherThreadEndsTheSearch(PowEngine engine) throws Exception {
        byte[] ih = PowMath.initialHashOfObject(SAMPLE_OBJECT);
        PowJob impossible = new PowJob(ih, 0);
        AtomicBoolean canceller = new AtomicBoolean();
        TestMonitor m = new TestMonitor() {
            @Override
            public boolean isCancelled() {
                if (trials.get() > 0 && canceller.compareAndSet(false, true)) {
                    // cancel from another thread once the search is under way
                    Thread.ofPlatform().daemon().start(() -> cancelled.set(true));
                }
                return super.isCancelled();
            }
        };
        PowResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> engine.search(impossible, NonceRange.from(0), m),
                engine.name() + " ignored cancellation");
        assertEquals(PowResult.Status.CANCELLED, r.status(), engine.name());
        assertEquals(m.trials.get(), r.trials(), engine.name() + " trials");
        // a monitor cancelled before the search starts ends it at once too
        TestMonitor pre = new TestMonitor();
        pre.cancelled.set(true);
        PowResult r2 = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> engine.search(impossible, NonceRange.from(0), pre), engine.name());
        assertEquals(PowResult.Status.CANCELLED, r2.status(), engine.name());
        // and the engine is still usable afterwards
        PowJob easy = new PowJob(ih, -1L);
        PowResult again = search(engine, easy, new NonceRange(5, 10), new TestMonitor());
        assertEquals(5, again.nonce());
    }
}
