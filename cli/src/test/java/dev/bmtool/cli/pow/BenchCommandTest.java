package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void jsonListsEveryCpuEngineWithAPositiveRate() {
        PowCommandTest.Run r = PowCommandTest.run("bench", "--seconds", "0.2", "--no-opencl", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.parseObject(r.out().strip());
        List<?> engines = (List<?>) m.get("engines");
        // baseline, scalar, simd, one row per native implementation, all threads (the best engine),
        // and all threads on Java SIMD where the native engine is the best
        List<?> impls = (List<?>) m.get("nativeImplementations");
        assertFalse(impls.isEmpty(), "the build compiles the native engine (gcc)");
        List<String> names = engines.stream().map(o -> (String) ((Map<?, ?>) o).get("engine")).toList();
        for (Object impl : impls) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith("native-" + impl)), names + " lacks " + impl);
        }
        boolean nativeSimd = impls.size() > 1; // generic is always there; avx2/avx512 make it the default
        assertEquals(3 + impls.size() + 1 + (nativeSimd ? 1 : 0), engines.size(), r.out());
        for (Object o : engines) {
            Map<?, ?> e = (Map<?, ?>) o;
            assertTrue(((Number) e.get("trialsPerSecond")).doubleValue() > 0, e.toString());
        }
        assertEquals("messagedigest", ((Map<?, ?>) engines.get(0)).get("engine"));
        assertTrue((Long) m.get("simdLanes") >= 2, "the test JVM has the Vector API");
    }

    @Test
    void theCPatternIsMeasuredInTheSameRunAndCompared(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // a stand-in for the built powref binary: same arguments, same output line
        java.nio.file.Path fake = dir.resolve("powref");
        java.nio.file.Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = 2 ] && echo 'trials_per_s 1000'\n");
        fake.toFile().setExecutable(true);
        PowCommandTest.Run r = PowCommandTest.run("bench", "--seconds", "0.2", "--no-opencl", "--threads", "2",
                "--c-pattern", fake.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.parseObject(r.out().strip());
        List<?> engines = (List<?>) m.get("engines");
        Map<?, ?> c = (Map<?, ?>) engines.get(engines.size() - 1);
        assertEquals("c-openssl-pattern", c.get("engine"));
        assertEquals(1000.0, ((Number) c.get("trialsPerSecond")).doubleValue());
        assertTrue(((List<?>) m.get("notes")).stream().anyMatch(n -> n.toString().contains("the C/OpenSSL pattern")),
                r.out());
    }

    @Test
    void badSeconds() {
        assertEquals(2, PowCommandTest.run("bench", "--seconds", "0").code());
    }
}
