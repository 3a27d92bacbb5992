package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.AddressNames;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.mail.MailStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool broadcast}: a message to everyone subscribed to one of your addresses. */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = "Send a broadcast from one of your addresses to its subscribers.")
public final class BroadcastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDR|LABEL",
            description = "One of your identities: its address or its label.")
    String from;

    @Option(names = "--subject", defaultValue = "", paramLabel = "S", description = "Subject.")
    String subject;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SendCommand.Body body;

    @Option(names = "--encoding", paramLabel = "E", defaultValue = "simple",
            description = "Message encoding: simple (default; what PyBitmessage sends) or extended (zlib + msgpack,"
                    + " smaller for long text; PyBitmessage reads it when it has msgpack).")
    TextEncoding encoding;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "345600",
            description = "Time to live, 300..2419200 (default: ${DEFAULT-VALUE} = 4 days).")
    long ttl;

    @Mixin
    JsonOption json;

    @Mixin
    NetOptions net;

    @Override
    public Integer call() throws Exception {
        Address fromAddr = AddressNames.own(Cli.root(spec).dataDir(), from, "--from").address();
        String text = body.read();
        if (ttl < 300 || ttl > 28 * 24 * 3600) {
            throw new UsageException("--ttl must be 300..2419200 seconds");
        }
        try (MailSession s = MailSession.open(spec, net, MailSession.Mode.ONLINE)) {
            long id = s.agent().broadcast(fromAddr, subject, text, ttl, encoding.value);
            boolean handedOver = s.remote() ? s.remoteConnected() : SendCommand.linger(s, spec);
            long now = System.currentTimeMillis() / 1000;
            if (handedOver) {
                s.store().queuedHandedOver(now);
            } else {
                s.store().transition(id, MailStore.BROADCAST_SENT, MailStore.BROADCAST_QUEUED, now);
            }
            MailStore.SentEntry e = s.store().sentEntry(id).orElseThrow();
            if (json.on()) {
                Cli.printJson(spec, SendCommand.sentJson(e));
            } else {
                Cli.out(spec).println("broadcast " + e.id() + " from " + e.from() + ": " + e.status() + " (msgid "
                        + Hex.encode(e.msgid()) + ")");
                Cli.out(spec).flush();
            }
            if (!handedOver) {
                Cli.err(spec).println("bmtool: broadcast " + id + " is ready but no peer took it: it stays "
                        + MailStore.BROADCAST_QUEUED + " and goes out the next time a node runs for this data dir");
                Cli.err(spec).flush();
                return dev.bmtool.cli.BmtoolCommand.EXIT_QUEUED;
            }
            return 0;
        }
    }
}
