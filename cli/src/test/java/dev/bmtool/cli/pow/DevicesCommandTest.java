package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bmtool devices} on whatever OpenCL the test machine has (pocl in CI). */
class DevicesCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsDevicesAsJsonWithAMeasuredRate() {
        System.setProperty("bmtool.opencl.cache", "target/opencl-cache");
        Run r = run("devices", "--json", "--measure-seconds", "0.3");
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(r.out().trim());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> platforms = (List<Map<String, Object>>) m.get("platforms");
        assertTrue(!platforms.isEmpty(), r.out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) platforms.get(0).get("devices");
        Map<String, Object> d = devices.get(0);
        assertTrue(((Number) d.get("computeUnits")).longValue() > 0);
        assertTrue(((Number) d.get("globalMemBytes")).longValue() > 0);
        assertTrue(((Number) d.get("rate")).longValue() > 0, r.out());
        assertTrue(r.err().contains("measuring opencl:0"), r.err());
    }

    @Test
    void textListingWithoutMeasuring() {
        Run r = run("devices", "--measure-seconds", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Platform: "), r.out());
        assertTrue(r.out().contains("[0] "), r.out());
        assertTrue(!r.out().contains("rate:"), r.out());
    }

    @Test
    void badMeasureTimeIsAUsageError() {
        Run r = run("devices", "--measure-seconds", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--measure-seconds"), r.err());
    }
}
