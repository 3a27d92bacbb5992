package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which CPU engine runs when: the native engine from the first job where it runs SIMD code;
 * otherwise (and always with {@code --engine java}) MessageDigest while the SIMD engine is cold,
 * SIMD for every job once it is compiled.
 */
class WarmSchedulingTest {

    @Test
    void autoRunsTheNativeEngineFromTheFirstJobWhereItRunsSimd() {
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.AUTO, 2, false),
                List.of(), m -> { })) {
            PowJob tiny = new PowJob(new byte[64], -1L >>> 8);
            PowScheduler.Outcome o = s.solve(tiny, PowScheduler.Listener.NONE);
            assertTrue(o.found());
            assertTrue(PowMath.meets(o.result().nonce(), tiny.initialHash(), tiny.target()));
            if (CpuEngines.nativeSimd()) {
                String name = CpuEngines.nativeEngine().name() + "*2";
                assertEquals(List.of(name), s.engineNames(100));
                assertEquals(name, o.engine());
            } else {
                assertTrue(o.engine().startsWith("messagedigest") || o.engine().startsWith("simd-"), o.engine());
            }
        }
    }

    @Test
    void warmSaysWhetherTheCpuEngineIsAtFullSpeed() {
        for (PowScheduler.EngineKind kind : List.of(PowScheduler.EngineKind.AUTO, PowScheduler.EngineKind.JAVA,
                PowScheduler.EngineKind.MESSAGEDIGEST)) {
            try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(kind, 1, false), List.of(), m -> { })) {
                boolean expected = switch (kind) {
                    case AUTO -> CpuEngines.nativeSimd() || PowScheduler.simdWarm();
                    case JAVA -> PowScheduler.simdWarm();
                    default -> true;
                };
                assertEquals(expected, s.warm(), kind.toString());
            }
        }
    }

    @Test
    @Timeout(180)
    void javaEnginesOnceWarmEvenTinyJobsRunOnSimdAndBeforeThatOnMessageDigest() throws Exception {
        try (PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.JAVA, 2, false),
                List.of(), m -> { })) {
            if (!PowScheduler.simdWarm()) {
                assertEquals(List.of("messagedigest*2"), s.engineNames(100), "cold: never slower than MessageDigest");
            }
            if (!CpuEngines.simdAvailable()) {
                s.warmUp();
                assertEquals(List.of("messagedigest*2"), s.engineNames(100));
                return;
            }
            s.warmUp();
            long deadline = System.nanoTime() + 150_000_000_000L;
            while (!PowScheduler.simdWarm() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(PowScheduler.simdWarm(), "the SIMD engine was found warm");
            // a tiny job (about 256 trials) now goes to SIMD
            PowJob tiny = new PowJob(new byte[64], -1L >>> 8);
            PowScheduler.Outcome o = s.solve(tiny, PowScheduler.Listener.NONE);
            assertTrue(o.found());
            assertTrue(o.engine().startsWith("simd-"), o.engine());
            assertTrue(PowMath.meets(o.result().nonce(), tiny.initialHash(), tiny.target()));
        }
    }
}
