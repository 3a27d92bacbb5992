package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.json.Json;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.Mailbox;
import dev.bmtool.mail.maildir.MaildirFeed;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmtool sendmail} driven by mail software nobody here wrote: Python's email package
 * composes messages in the encodings mail programs use and pipes them to the command as a
 * mail program does; s-nail (Debian) sends in batch mode through it; a message goes from s-nail
 * through bmtool and a second node into that node's Maildir, read back by Python's mailbox.
 */
@Timeout(300)
class MailProgramsTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    @TempDir
    Path tmp;

    private static String address(Path dir, String label) {
        MailCliTest.Run r = MailCliTest.run(dir, "identity", "new", "--label", label, "--json");
        assertEquals(0, r.code(), r.err());
        return Json.parseObject(r.out().trim()).get("address").toString();
    }

    /** A sendmail-style executable: the bmtool CLI on this test's class path, for {@code dataDir}. */
    private Path sendmailScript(Path dataDir) throws Exception {
        Path script = tmp.resolve("sendmail-" + dataDir.getFileName());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' --enable-native-access=ALL-UNNAMED -cp '"
                + System.getProperty("java.class.path") + "' dev.bmtool.cli.BmtoolCommand --data-dir '" + dataDir
                + "' sendmail \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String exec(List<String> cmd, Map<String, String> env, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + cmd);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @SuppressWarnings("unchecked")
    @Test
    void messagesComposedByPythonAreDecodedOrRefusedWithSendmailExitCodes() throws Exception {
        String alice = address(dirA, "alice");
        String bob = address(dirB, "bob");
        String carol = address(dirB, "carol");
        Path sendmail = sendmailScript(dirA);
        String py = """
                import json, subprocess, sys
                from email.message import EmailMessage
                from email.headerregistry import Address
                sendmail, alice, bob, carol = sys.argv[1:5]
                def msg(subject, sender=alice):
                    m = EmailMessage()
                    m["From"] = Address("Alice", addr_spec=sender + "@bitmessage")
                    m["To"] = Address("Bob Example", addr_spec=bob + "@bitmessage")
                    m["Subject"] = subject
                    return m
                results = {}
                def submit(name, m, *args):
                    p = subprocess.run([sendmail, *args], input=m.as_bytes(), capture_output=True)
                    results[name] = {"code": p.returncode, "err": p.stderr.decode()}
                m = msg("Grüße, Bob – ünïcödé")
                m["Cc"] = carol + "@bitmessage"
                m.set_content("Hallo Bob,\\n" + "eine sehr lange Zeile " * 20 + "\\nÄÖÜ €\\n", cte="quoted-printable")
                submit("qp", m, "-t", "-oi")
                m = msg("latin-1 in base64")
                m.set_content("Café crème\\n", charset="iso-8859-1", cte="base64")
                m.add_alternative("<p>Café crème</p>", subtype="html")
                submit("alternative", m, "-oi", bob + "@bitmessage")
                m = msg("with a file")
                m.set_content("see the file\\n")
                m.add_attachment(b"\\x00\\x01", maintype="application", subtype="octet-stream", filename="data.bin")
                submit("attachment", m, "-t", "-oi")
                m = msg("html only")
                m.set_content("<p>hi</p>", subtype="html")
                submit("html", m, "-t", "-oi")
                m = msg("not mine", sender=bob)
                m.set_content("x\\n")
                submit("notours", m, "-t", "-oi")
                m = msg("elsewhere")
                m.set_content("x\\n")
                submit("otherdomain", m, "-oi", "someone@example.com")
                submit("badaddress", m, "-oi", "BM-2cXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX@bitmessage")
                submit("norecipient", m, "-oi")
                print(json.dumps(results))
                """;
        Path script = tmp.resolve("compose.py");
        Files.writeString(script, py);
        String out = exec(List.of("python3", script.toString(), sendmail.toString(), alice, bob, carol), Map.of(),
                null);
        Map<String, Object> results = Json.parseObject(out.lines().reduce((a, b) -> b).orElseThrow());
        int[] expected = {0, 0, 65, 65, 77, 68, 67, 64};
        String[] names = {"qp", "alternative", "attachment", "html", "notours", "otherdomain", "badaddress",
            "norecipient"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> r = (Map<String, Object>) results.get(names[i]);
            assertEquals((long) expected[i], ((Number) r.get("code")).longValue(), names[i] + ": " + r.get("err"));
        }
        assertTrue(((Map<String, Object>) results.get("attachment")).get("err").toString()
                .contains("attachments cannot be sent over Bitmessage (application/octet-stream \"data.bin\")"));
        assertTrue(((Map<String, Object>) results.get("notours")).get("err").toString()
                .contains("is not one of your identities"));

        // what was queued: To and Cc (with -t) for the QP message, the argument for the other
        List<Map<String, Object>> sent = MailCliTest.jsonList(MailCliTest.run(dirA, "sent", "--json").out());
        assertEquals(3, sent.size(), sent.toString());
        List<String> to = new ArrayList<>();
        for (Map<String, Object> s : sent) {
            assertEquals(MailStore.AWAITING_PUBKEY.dbName(), s.get("status"));
            assertEquals(alice, s.get("from"));
            to.add(s.get("to") + " " + s.get("subject"));
        }
        assertTrue(to.containsAll(List.of(bob + " Grüße, Bob – ünïcödé", carol + " Grüße, Bob – ünïcödé",
                bob + " latin-1 in base64")), to.toString());
        long id = sent.stream().filter(s -> s.get("subject").equals("latin-1 in base64")).findFirst().orElseThrow()
                .get("id") instanceof Number n ? n.longValue() : -1;
        try (MailStore store = MailStore.open(dirA)) {
            assertEquals("Café crème\n", store.sentEntry(id).orElseThrow().body(), "the text/plain alternative");
            String qp = store.sentWithStatus(MailStore.AWAITING_PUBKEY).stream()
                    .filter(e -> e.to().equals(bob) && e.subject().startsWith("Grüße")).findFirst().orElseThrow().body();
            assertEquals("Hallo Bob,\n" + "eine sehr lange Zeile ".repeat(20) + "\nÄÖÜ €\n", qp,
                    "quoted-printable soft breaks undone");
        }
    }

    @Test
    void sNailSendsThroughBmtoolToASecondNodeAndIntoItsMaildir() throws Exception {
        Path snail = Path.of("/usr/bin/s-nail");
        assertTrue(Files.isExecutable(snail), "s-nail is not installed: apt-get install s-nail (.ci/run does)");
        String alice = address(dirA, "alice");
        String bob = address(dirB, "bob");
        MailSettings fast = MailSettings.shortLived(600);
        MailAgent.Listener quiet = e -> System.out.println("[mail] " + e.step() + ": " + e.detail());
        Path maildir = tmp.resolve("Maildir");
        NodeConfig cfgB = NodeConfig.builder(dirB).listen(new InetSocketAddress("127.0.0.1", 0)).bootstrap(false)
                .tls(false).apiPort(-1).build();
        try (Node nodeB = Node.start(cfgB, NodeLog.to(System.out, false));
                Mailbox boxB = Mailbox.attach(nodeB, cpuPow(), fast, quiet);
                MaildirFeed feed = MaildirFeed.start(dirB, maildir, boxB.store(), NodeLog.to(System.out, false))) {
            NodeConfig cfgA = NodeConfig.builder(dirA).listen(null)
                    .peers(List.of(new InetSocketAddress("127.0.0.1", nodeB.listenPort()))).bootstrap(false)
                    .tls(false).apiPort(0).build();
            try (Node nodeA = Node.start(cfgA, NodeLog.to(System.out, false));
                    Mailbox boxA = Mailbox.attach(nodeA, cpuPow(), fast, quiet)) {
                Path body = tmp.resolve("body.txt");
                Files.writeString(body, "Hello Bob,\nthis came from s-nail. Grüße!\n");
                Path home = Files.createDirectories(tmp.resolve("home"));
                String out = exec(List.of(snail.toString(), "-#", "-n", "-S", "mta=" + sendmailScript(dirA),
                        "-S", "ttycharset=utf-8", "-S", "sendcharsets=utf-8", "-S", "sendwait",
                        "-r", alice + "@bitmessage", "-s", "Grüße über s-nail", bob + "@bitmessage"),
                        Map.of("HOME", home.toString(), "MAILRC", "/dev/null", "LC_ALL", "C.UTF-8"),
                        Files.readString(body));
                System.out.println(out);
                long deadline = System.currentTimeMillis() + 200_000;
                while (System.currentTimeMillis() < deadline && count(maildir.resolve("new")) == 0) {
                    Thread.sleep(200);
                }
                assertEquals(1, count(maildir.resolve("new")), "delivered into B's Maildir");
            }
        }
        Path reader = tmp.resolve("read.py");
        Files.writeString(reader, """
                import json, mailbox, sys, email.policy
                box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
                for key in box.keys():
                    with box.get_file(key) as f:
                        m = email.message_from_binary_file(f, policy=email.policy.default)
                    print(json.dumps({"from": m["From"].addresses[0].addr_spec, "to": m["To"].addresses[0].addr_spec,
                                      "subject": str(m["Subject"]), "body": m.get_content()}))
                """);
        String line = exec(List.of("python3", reader.toString(), maildir.toString()), Map.of(), null).strip();
        Map<String, Object> m = Json.parseObject(line);
        assertEquals(alice + "@bitmessage", m.get("from"));
        assertEquals(bob + "@bitmessage", m.get("to"));
        assertEquals("Grüße über s-nail", m.get("subject"));
        assertEquals("Hello Bob,\nthis came from s-nail. Grüße!\n", m.get("body"));
    }

    private static long count(Path d) {
        try (var s = Files.list(d)) {
            return s.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A fresh local PoW service; the mailbox it is given closes it. */
    private static PowService cpuPow() {
        return PowService.of(PowScheduler.open(PowScheduler.Options.defaults(), m -> { }));
    }
}
