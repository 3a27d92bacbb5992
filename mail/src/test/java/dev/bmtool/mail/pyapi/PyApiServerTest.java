package dev.bmtool.mail.pyapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.json.Json;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's HTTP face: basic auth, paths, limits, XML-RPC / JSON-RPC / legacy framing, faults. */
class PyApiServerTest {
    @TempDir
    Path dir;
    private PyApiServer server;
    private MailStore store;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A server object without a socket or node, for the fuzz test (its own temp dir). */
    static PyApiServer offline(PyApiConfig.Variant variant) {
        try {
            Path d = Files.createTempDirectory("pyapi-fuzz");
            d.toFile().deleteOnExit();
            PyApiConfig cfg = new PyApiConfig(true, "127.0.0.1", 0, "u", "p", variant, null);
            return PyApiServer.start(cfg, context(d, MailStore.open(d), variant), NodeLog.to(System.out, false),
                    p -> {
                    }, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PyApiMethods.Context context(Path d, MailStore store, PyApiConfig.Variant variant) {
        return new PyApiMethods.Context(new IdentityStore(d), store, null, null, () -> 1_700_000_000L, variant, true,
                null, "test");
    }

    private void start(PyApiConfig.Variant variant) throws IOException {
        store = MailStore.open(dir);
        PyApiConfig cfg = new PyApiConfig(true, "127.0.0.1", 0, "user", "secret", variant, null);
        server = PyApiServer.start(cfg, context(dir, store, variant), NodeLog.to(System.out, false), p -> {
        }, 10);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private HttpResponse<String> post(String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String call(String method, String... stringParams) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>").append(method)
                .append("</methodName>\n<params>\n");
        for (String p : stringParams) {
            sb.append("<param>\n<value><string>").append(p).append("</string></value>\n</param>\n");
        }
        return sb.append("</params>\n</methodCall>\n").toString();
    }

    @Test
    void helloWorldAnswersAsPythonsXmlrpclibWritesIt() throws Exception {
        start(PyApiConfig.Variant.XML);
        HttpResponse<String> r = post("/", call("helloWorld", "hello", "world"), "user:secret");
        assertEquals(200, r.statusCode());
        assertEquals("text/xml", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<methodResponse>\n<params>\n<param>\n"
                + "<value><string>hello-world</string></value>\n</param>\n</params>\n</methodResponse>\n", r.body());
        assertEquals(200, post("/RPC2", call("helloWorld", "a", "b"), "user:secret").statusCode());
    }

    @Test
    void wrongOrMissingCredentialsGet401() throws Exception {
        start(PyApiConfig.Variant.XML);
        assertEquals(401, post("/", call("helloWorld", "a", "b"), null).statusCode());
        assertEquals(401, post("/", call("helloWorld", "a", "b"), "user:wrong").statusCode());
        assertEquals(401, post("/", call("helloWorld", "a", "b"), "other:secret").statusCode());
        HttpRequest bad = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("Authorization", "Basic !!!notbase64").POST(HttpRequest.BodyPublishers.ofString("x")).build();
        assertEquals(401, http.send(bad, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void otherPathsMethodsAndOversizedBodiesAreRefused() throws Exception {
        start(PyApiConfig.Variant.XML);
        assertEquals(404, post("/other", call("helloWorld", "a", "b"), "user:secret").statusCode());
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).GET().build();
        assertEquals(501, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
        String big = "<methodCall><methodName>x</methodName>" + " ".repeat(XmlRpc.MAX_BODY) + "</methodCall>";
        assertEquals(413, post("/", big, "user:secret").statusCode());
    }

    @Test
    void badRequestsGetFaultsNeverTraces() throws Exception {
        start(PyApiConfig.Variant.XML);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<methodCall><methodName>&e;</methodName></methodCall>";
        for (String body : List.of(xxe, "not xml", "<methodCall>", "<a></b>",
                "<methodCall><methodName>x</methodName><params><param><value><int>z</int></value></param></params>"
                        + "</methodCall>")) {
            HttpResponse<String> r = post("/", body, "user:secret");
            assertEquals(200, r.statusCode(), body);
            assertTrue(r.body().contains("<name>faultCode</name>\n<value><int>1</int></value>"), r.body());
            assertTrue(!r.body().contains("Exception") && !r.body().contains("at dev."), r.body());
        }
        HttpResponse<String> r = post("/", call("noSuchMethod"), "user:secret");
        assertTrue(r.body().contains("<value><int>20</int></value>"), r.body());
        assertTrue(r.body().contains("<value><string>Invalid method: noSuchMethod</string></value>"), r.body());
        // PyBitmessage's argument-count texts (Python 2 counts self)
        r = post("/", call("helloWorld", "a"), "user:secret");
        assertTrue(r.body().contains("Command helloWorld takes at least 3 parameters (1 given)"), r.body());
        r = post("/", call("helloWorld", "a", "b", "c"), "user:secret");
        assertTrue(r.body().contains("Unexpected API Failure - HandleHelloWorld() takes exactly 3 arguments (4 given)"),
                r.body());
        r = post("/", call("helloWorld", "a", "b", "c", "d"), "user:secret");
        assertTrue(r.body().contains("Command helloWorld takes at most 3 parameters (4 given)"), r.body());
        // "not found" is a None result, which PyBitmessage's server cannot marshal
        r = post("/", call("getInboxMessageById", "00"), "user:secret");
        assertTrue(r.body().contains(XmlRpc.escape(PyApiServer.NONE_FAULT)), r.body());
    }

    @Test
    void jsonRpcAnswersResultsAndErrors() throws Exception {
        start(PyApiConfig.Variant.JSON);
        HttpResponse<String> r = post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":7}",
                "user:secret");
        assertEquals("application/json-rpc", r.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Object> m = Json.parseObject(r.body());
        assertEquals(5L, m.get("result"));
        assertEquals(7L, m.get("id"));
        r = post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"getStatus\",\"params\":[\"00\"],\"id\":1}", "user:secret");
        Map<?, ?> err = (Map<?, ?>) Json.parseObject(r.body()).get("error");
        assertEquals(15L, err.get("code"));
        assertEquals("Invalid ackData object size.", err.get("message"));
        r = post("/", "{\"jsonrpc\":\"2.0\",\"method\":\"helloWorld\",\"params\":{\"a\":\"x\",\"b\":\"y\"},\"id\":2}",
                "user:secret");
        assertEquals("x-y", Json.parseObject(r.body()).get("result"));
        r = post("/", "{nope", "user:secret");
        assertEquals(-32700L, ((Map<?, ?>) Json.parseObject(r.body()).get("error")).get("code"));
    }

    @Test
    void legacyVariantReturnsJsonTextAndApiErrorStrings() throws Exception {
        start(PyApiConfig.Variant.LEGACY);
        HttpResponse<String> r = post("/", call("listAddresses"), "user:secret");
        assertTrue(r.body().contains("<value><string>{\n    \"addresses\": []\n}</string></value>"), r.body());
        r = post("/", call("noSuchMethod"), "user:secret");
        assertTrue(r.body().contains("<value><string>API Error 0020: Invalid method: noSuchMethod</string></value>"),
                r.body());
    }

    @Test
    void apinotifypathRunsOnStartAndForEachArrival() throws Exception {
        Path log = dir.resolve("events.txt");
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" >> '" + log + "'\n");
        script.toFile().setExecutable(true);
        store = MailStore.open(dir);
        PyApiConfig cfg = new PyApiConfig(true, "127.0.0.1", 0, "u", "p", PyApiConfig.Variant.XML, script.toString());
        server = PyApiServer.start(cfg, context(dir, store, PyApiConfig.Variant.XML), NodeLog.to(System.out, false),
                p -> {
                }, 10);
        assertEquals(List.of("startingUp"), Files.readAllLines(log));
        store.addInbox(new byte[32], new byte[32], "msg", "BM-to", "BM-from", "s", "b", 2, 1);
        byte[] other = new byte[32];
        other[0] = 1;
        store.addInbox(other, other, "broadcast", "[Broadcast subscribers]", "BM-from", "s", "b", 2, 2);
        long until = System.currentTimeMillis() + 10_000;
        while (Files.readAllLines(log).size() < 3 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertEquals(List.of("startingUp", "newMessage", "newBroadcast"), Files.readAllLines(log));
    }
}
