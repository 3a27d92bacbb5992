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
}
