package dev.bmtool.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.api.ApiClient;
import dev.bmtool.node.api.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ApiTest {
    @TempDir
    Path dir;

    @Test
    void controlApiEndToEnd() throws Exception {
        BitmessageObject good = TestObjects.valid(1);
        String hash = Hex.encode(PowMath.inventoryHash(good.write()));
        NodeConfig cfg = NodeTesting.config(dir, true).listen(null).apiPort(0).build();
        try (Node node = Node.start(cfg, NodeLog.silent())) {
            Path token = dir.resolve("node").resolve(ApiServer.TOKEN_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            ApiClient api = ApiClient.forDataDir(dir);
            assertEquals(Boolean.TRUE, api.status().get("running"));

            CompletableFuture<Map<String, Object>> streamed = CompletableFuture.supplyAsync(() -> {
                var got = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
                try {
                    api.stream(0, m -> {
                        got.set(m);
                        return false;
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return got.get();
            });

            Map<String, Object> r = api.submit(Hex.encode(good.write()));
            assertEquals(hash, r.get("hash"));
            assertEquals(Boolean.TRUE, r.get("new"));
            assertEquals(Boolean.FALSE, api.submit(Hex.encode(good.write())).get("new"), "second submit not new");

            ApiClient.ApiException bad = assertThrows(ApiClient.ApiException.class,
                    () -> api.submit(Hex.encode(TestObjects.flipped(1).write())));
            assertEquals(422, bad.status());
            assertTrue(bad.getMessage().contains("proof of work"), bad.getMessage());
            ApiClient.ApiException garbage = assertThrows(ApiClient.ApiException.class, () -> api.submit("zz"));
            assertEquals(400, garbage.status());

            List<Map<String, Object>> msgs = ApiClient.listOf(api.list("msg", null, 0, 100, false).get("objects"));
            assertEquals(1, msgs.size());
            assertEquals(hash, msgs.get(0).get("hash"));
            assertTrue(ApiClient.listOf(api.list("pubkey", null, 0, 100, false).get("objects")).isEmpty());

            Map<String, Object> got = api.get(PowMath.inventoryHash(good.write()));
            assertEquals(Hex.encode(good.write()), got.get("hex"));
            ApiClient.ApiException missing = assertThrows(ApiClient.ApiException.class, () -> api.get(new byte[32]));
            assertEquals(404, missing.status());

            assertEquals(hash, streamed.get(20, TimeUnit.SECONDS).get("hash"), "stream delivered the new object");

            ApiClient wrong = new ApiClient(node.apiPort(), "not-the-token");
            ApiClient.ApiException denied = assertThrows(ApiClient.ApiException.class, wrong::status);
            assertEquals(401, denied.status());
        }
        assertFalse(Files.exists(dir.resolve("node").resolve(ApiServer.INFO_FILE)), "api.json removed on stop");
        ApiClient.ApiException notRunning = assertThrows(ApiClient.ApiException.class, () -> ApiClient.forDataDir(dir));
        assertTrue(notRunning.getMessage().contains("no node is running"));
    }

    /** Sends a raw HTTP request and returns the status line (or null if the server closed without one). */
    private static String rawRequest(java.net.Socket s, String head, byte[] body) throws java.io.IOException {
        s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
        var r = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII));
        return r.readLine();
    }

    @Test
    void badRequestsGetClearAnswersAndSlowBodiesAreCut() throws Exception {
        NodeConfig cfg = NodeTesting.config(dir, true).listen(null).apiPort(0).build();
        try (Node node = Node.start(cfg, NodeLog.silent())) {
            ApiClient api = ApiClient.forDataDir(dir);
            ApiClient.ApiException negative = assertThrows(ApiClient.ApiException.class,
                    () -> api.list(null, null, -5, 10, false));
            assertEquals(400, negative.status());
            assertTrue(negative.getMessage().contains("after must be"), negative.getMessage());

            String token = Files.readString(dir.resolve("node").resolve(ApiServer.TOKEN_FILE)).strip();
            String auth = "Authorization: Bearer " + token + "\r\n";
            // a body declared as 10^12 bytes is refused on the header
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", node.apiPort())) {
                s.setSoTimeout(5000);
                String status = rawRequest(s, "POST /v1/objects HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Content-Length: 1000000000000\r\n\r\n", new byte[10]);
                assertTrue(status != null && status.contains(" 413 "), String.valueOf(status));
            }
            // a body that stops coming is not waited for beyond the request time limit
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", node.apiPort())) {
                s.setSoTimeout((int) (ApiServer.REQUEST_SECONDS + 10) * 1000);
                long start = System.nanoTime();
                s.getOutputStream().write(("POST /v1/objects HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Content-Length: 1000\r\n\r\n0123456789").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                int b;
                try {
                    do {
                        b = s.getInputStream().read();
                    } while (b >= 0);
                } catch (java.net.SocketException e) {
                    // reset: closed as well
                }
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                assertTrue(seconds <= ApiServer.REQUEST_SECONDS + 3, "closed after " + seconds + " s");
            }
            assertEquals(Boolean.TRUE, api.status().get("running"), "the API still answers");
        }
    }
}
