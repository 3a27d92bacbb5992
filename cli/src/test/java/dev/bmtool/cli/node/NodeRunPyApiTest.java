package dev.bmtool.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code node run} with keys.dat's apienabled: PyBitmessage's API comes up under keys.dat's
 * settings (its port taken: another one, written back to apiport, as PyBitmessage does), and
 * its {@code shutdown} method stops the node, which then exits 0.
 */
@Timeout(120)
class NodeRunPyApiTest {
    @TempDir
    Path dir;

    private static String xmlCall(String method, String... params) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?><methodCall><methodName>").append(method)
                .append("</methodName><params>");
        for (String p : params) {
            sb.append("<param><value><string>").append(p).append("</string></value></param>");
        }
        return sb.append("</params></methodCall>").toString();
    }

    @Test
    void servesTheApiFromKeysDatSettingsAndShutsDownThroughIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new IdentityStore(dir).update(k -> {
                k.set(KeysDat.SETTINGS_SECTION, "apienabled", "true");
                k.set(KeysDat.SETTINGS_SECTION, "apiport", Integer.toString(taken.getLocalPort()));
                k.set(KeysDat.SETTINGS_SECTION, "apiusername", "u");
                k.set(KeysDat.SETTINGS_SECTION, "apipassword", "p");
                return null;
            });
            CommandLine cl = BmtoolCommand.newCommandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            AtomicInteger rc = new AtomicInteger(-1);
            Thread t = Thread.ofPlatform().start(() -> rc.set(cl.execute("--data-dir", dir.toString(), "node", "run",
                    "--listen", "none", "--no-bootstrap", "--api-port", "0")));
            long until = System.currentTimeMillis() + 60_000;
            int port = -1;
            while (port < 0 && System.currentTimeMillis() < until) {
                String written = new IdentityStore(dir).load().section(KeysDat.SETTINGS_SECTION).get("apiport");
                if (out.toString().contains("PyBitmessage API port") && !written.equals(
                        Integer.toString(taken.getLocalPort()))) {
                    port = Integer.parseInt(written);
                }
                Thread.sleep(100);
            }
            assertTrue(port > 0, "API up on another port: " + out);
            assertNotEquals(taken.getLocalPort(), port);
            assertTrue(out.toString().contains("PyBitmessage API port " + port), out.toString());

            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(
                            xmlCall("helloWorld", "a", "b"))).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().contains("<string>a-b</string>"), r.body());
            r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(xmlCall("shutdown")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().contains("<string>done</string>"), r.body());
            t.join(30_000);
            assertEquals(0, rc.get(), "node run ended after the API's shutdown");
        }
    }
}
