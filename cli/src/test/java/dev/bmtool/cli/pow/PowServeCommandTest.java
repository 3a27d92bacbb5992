package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PowServeCommandTest {

    @Test
    void serveCommandStartsOnAFreeLoopbackPortAnswersAndStops() throws Exception {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        PowServeCommand serve = cl.getSubcommands().get("pow").getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> cl.execute("pow", "serve", "--listen", "127.0.0.1:0", "--engine", "cpu", "--threads", "1", "--json"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (serve.server == null && System.nanoTime() < deadline && !code.isDone()) {
            Thread.sleep(20);
        }
        assertNotNull(serve.server, "server did not start: " + err);
        while (out.toString().isBlank() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Map<String, Object> info = Json.parseObject(out.toString().strip());
        long port = (Long) info.get("port");
        assertTrue(port > 0);
        assertTrue(((String) info.get("url")).startsWith("http://127.0.0.1:"));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
        serve.stop.countDown();
        assertEquals(0, code.get(30, TimeUnit.SECONDS));
    }

    @Test
    void listenParsing() {
        assertEquals(8445, PowServeCommand.parseListen("127.0.0.1:8445").getPort());
        assertTrue(PowServeCommand.parseListen(":0").getAddress().isLoopbackAddress());
        assertTrue(PowServeCommand.parseListen("[::1]:9").getAddress().isLoopbackAddress());
        assertThrows(UsageException.class, () -> PowServeCommand.parseListen("8445"));
        assertThrows(UsageException.class, () -> PowServeCommand.parseListen("127.0.0.1:x"));
        assertThrows(UsageException.class, () -> PowServeCommand.parseListen("127.0.0.1:70000"));
    }

    @Test
    void badQueueIsAUsageError() {
        assertEquals(2, PowCommandTest.run("pow", "serve", "--listen", "127.0.0.1:0", "--queue", "0").code());
    }

    @Test
    void portInUseIsOneClearLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String where = "127.0.0.1:" + taken.getLocalPort();
            PowCommandTest.Run r = PowCommandTest.run("pow", "serve", "--listen", where, "--engine", "scalar");
            assertEquals(1, r.code());
            assertTrue(r.err().startsWith("bmtool: cannot listen on " + where + ": "), r.err());
            assertTrue(r.err().contains("--listen"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
