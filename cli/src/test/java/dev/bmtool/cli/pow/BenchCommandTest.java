package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(4, engines.size(), r.out()); // baseline, scalar, simd, all threads
        for (Object o : engines) {
            Map<?, ?> e = (Map<?, ?>) o;
            assertTrue(((Number) e.get("trialsPerSecond")).doubleValue() > 0, e.toString());
        }
        assertEquals("messagedigest", ((Map<?, ?>) engines.get(0)).get("engine"));
        assertTrue((Long) m.get("simdLanes") >= 2, "the test JVM has the Vector API");
    }

    @Test
    void badSeconds() {
        assertEquals(2, PowCommandTest.run("bench", "--seconds", "0").code());
    }
}
