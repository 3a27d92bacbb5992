package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool inbox}: received messages and broadcasts; {@code --watch} keeps printing new ones. */
@Command(name = "inbox", mixinStandardHelpOptions = true,
        description = {"List received messages and broadcasts.",
            "Without a running node, first processes what the node stored; --watch stays online (in-process "
            + "node if none runs) and prints new ones as they come."})
public final class InboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--watch",
            description = "Keep running and print new messages (Ctrl-C to stop); with --json one object per line.")
    boolean watch;

    @Option(names = "--for", paramLabel = "SECONDS", defaultValue = "0",
            description = "With --watch: stop after this many seconds (0 = until interrupted).")
    long forSeconds;

    @Option(names = "--unread", description = "Only unread messages.")
    boolean unread;

    @Mixin
    JsonOption json;

    @Mixin
    NetOptions net;

    @Override
    public Integer call() throws Exception {
        if (forSeconds < 0) {
            throw new UsageException("--for must not be negative");
        }
        try (MailSession s = MailSession.open(spec, net, watch ? MailSession.Mode.ONLINE : MailSession.Mode.OFFLINE)) {
            s.catchUp();
            List<MailStore.InboxEntry> all = s.store().inbox(0).stream().filter(e -> !unread || !e.read()).toList();
            Map<String, String> names = ContactsCommand.names(s.store());
            if (!watch) {
                if (json.on()) {
                    Cli.printJson(spec, all.stream().map(e -> json(e, false, names)).toList());
                } else {
                    PrintWriter out = Cli.out(spec);
                    if (all.isEmpty()) {
                        out.println(unread ? "no unread messages" : "inbox is empty");
                    }
                    all.forEach(e -> out.println(line(e, names)));
                    out.flush();
                }
                return 0;
            }
            long last = 0;
            long deadline = forSeconds == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + forSeconds * 1000;
            while (System.currentTimeMillis() < deadline) {
                for (MailStore.InboxEntry e : s.store().inbox(last)) {
                    last = e.id();
                    if (unread && e.read()) {
                        continue;
                    }
                    if (json.on()) {
                        Cli.printJson(spec, json(e, false, names));
                    } else {
                        Cli.out(spec).println(line(e, names));
                        Cli.out(spec).flush();
                    }
                }
                Thread.sleep(300);
            }
            return 0;
        }
    }

    static String line(MailStore.InboxEntry e, Map<String, String> names) {
        String from = names.getOrDefault(e.from(), e.from());
        return String.format("%4d %s %s %-9s %-38s %s", e.id(), e.read() ? " " : "*",
                dev.bmtool.cli.Human.dateTime(e.received()), e.kind(), from, e.subject());
    }

    static Map<String, Object> json(MailStore.InboxEntry e, boolean withBody, Map<String, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.kind());
        m.put("from", e.from());
        ContactsCommand.name(names, e.from()).ifPresent(n -> m.put("fromName", n));
        m.put("to", e.to());
        m.put("subject", e.subject());
        if (withBody) {
            m.put("body", e.body());
        }
        m.put("encoding", dev.bmtool.core.message.MessageEncoding.name(e.encoding()));
        m.put("received", e.received());
        m.put("read", e.read());
        m.put("msgid", dev.bmtool.core.encoding.Hex.encode(e.msgid()));
        return m;
    }
}
