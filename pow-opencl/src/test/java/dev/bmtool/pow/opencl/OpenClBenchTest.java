package dev.bmtool.pow.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU benchmark main, end to end on pocl with tiny settings. */
class OpenClBenchTest {

    @Test
    void runsEveryStepAndWritesJson(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Path json = dir.resolve("bench.json");
        int rc = OpenClBench.run(new String[] {"--seconds", "0.2", "--latency-jobs", "2",
            "--latency-target", Long.toUnsignedString(Long.divideUnsigned(-1L, 5000)), "--npi", "1", "--rotates", "2",
            "--items", "512", "--device", "0", "--cache", PoclEngines.CACHE.toString(), "--out", json.toString()},
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, out);
        assertTrue(out.contains("self-test (12288 nonces vs CPU): ok"), out);
        assertTrue(out.contains("vector target 281474976710655: nonce 70033"), out);
        assertTrue(out.contains("job latency"), out);
        assertTrue(out.contains("| 1 | 2 | auto |"), out);
        assertTrue(out.contains("RESULT: OK"), out);
        Map<String, Object> m = Json.parseObject(Files.readString(json));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) m.get("devices");
        assertEquals(1, devices.size());
        assertEquals(Boolean.TRUE, devices.get(0).get("selfTest"));
        assertTrue(((Number) devices.get(0).get("rate")).doubleValue() > 0);
    }
}
