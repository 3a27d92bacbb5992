package dev.bmtool.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** node status and object submit/list/get against a node started in-process. */
@Timeout(60)
class NodeCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** The real root command, output captured. */
    private Run run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 2];
        full[0] = "--data-dir";
        full[1] = dir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        int code = cl.execute(full);
        return new Run(code, out.toString(), err.toString());
    }

    /** A tiny msg object with real proof of work (about a million trials). */
    private static BitmessageObject mined() {
        long ttl = 3600;
        BitmessageObject o = BitmessageObject.of(0, System.currentTimeMillis() / 1000 + ttl, 2, 1, 1,
                "cli test".getBytes(StandardCharsets.US_ASCII));
        long target = PowMath.senderTarget(o.length(), ttl, 1000, 1000);
        byte[] ih = PowMath.initialHash(o.bytesWithoutNonce());
        long nonce = 1;
        while (!PowMath.meets(nonce, ih, target)) {
            nonce++;
        }
        return o.withNonce(nonce);
    }

    @Test
    void withoutARunningNode() {
        Run r = run("node", "status");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("bmtool: no node is running"), r.err());
        Run typo = run("object", "list", "--type", "msgs");
        assertEquals(2, typo.code());
        assertTrue(typo.err().startsWith("bmtool: --type: unknown object type 'msgs'"), typo.err());
    }

    @Test
    void listenPortInUseSaysWhatToDo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Run r = run("node", "run", "--no-bootstrap", "--api-port", "0",
                    "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("bmtool: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
            assertTrue(r.err().contains("--listen HOST:PORT"), r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void statusSubmitListGet() throws Exception {
        BitmessageObject o = mined();
        String hash = Hex.encode(PowMath.inventoryHash(o.write()));
        NodeConfig cfg = NodeConfig.builder(dir).listen(null).bootstrap(false).apiPort(0).build();
        try (Node node = Node.start(cfg, NodeLog.silent())) {
            Run status = run("node", "status", "--json");
            assertEquals(0, status.code(), status.err());
            Map<String, Object> s = Json.parseObject(status.out().strip());
            assertEquals(Boolean.TRUE, s.get("running"));
            assertEquals(0L, s.get("objects"));

            Run sub = run("object", "submit", "--hex", Hex.encode(o.write()), "--json");
            assertEquals(0, sub.code(), sub.err());
            assertEquals(hash, Json.parseObject(sub.out().strip()).get("hash"));

            BitmessageObject bad = o.withNonce(o.nonce() ^ 1);
            Run rej = run("object", "submit", "--hex", Hex.encode(bad.write()));
            assertEquals(1, rej.code());
            assertTrue(rej.err().contains("rejected"), rej.err());

            Run list = run("object", "list", "--type", "msg");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().startsWith(hash), list.out());
            Run none = run("object", "list", "--type", "pubkey", "--json");
            assertEquals(0, none.code());
            assertEquals(List.of(), Json.parseObject(none.out().strip()).get("objects"));

            Run get = run("object", "get", hash);
            assertEquals(0, get.code(), get.err());
            assertEquals(Hex.encode(o.write()), get.out().strip());
            Run missing = run("object", "get", "00".repeat(32));
            assertEquals(1, missing.code());
            Run badHash = run("object", "get", "xyz");
            assertEquals(2, badHash.code());

            Run text = run("node", "status");
            assertTrue(text.out().contains("objects       1 stored") && text.out().contains("no connections"), text.out());
            assertTrue(text.out().contains("running, pid ") && text.out().contains(" up "), text.out());
        }
    }

    @Test
    void runRejectsBadAddresses() {
        Run r = run("node", "run", "--peer", "nonsense");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("HOST:PORT"), r.err());
    }

    @Test
    void takenDefaultApiPortFallsBackToAFreeOneButAnExplicitOneIsKept() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(0, NodeRunCommand.apiPort(port, false));
            assertEquals(port, NodeRunCommand.apiPort(port, true));
        }
        assertEquals(0, NodeRunCommand.apiPort(0, false));
    }
}
