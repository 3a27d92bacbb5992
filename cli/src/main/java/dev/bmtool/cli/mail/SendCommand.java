package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.AddressNames;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.MessageStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool send}: a msg to an address or chan (getpubkey, ack, PoW, submit, status tracking). */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send a message from one of your addresses.",
            "Finds the recipient's pubkey (asking the network if needed), does the proof of work and hands the "
            + "msg to the node; --wait also waits for the acknowledgement."})
public final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ADDR|LABEL",
            description = "One of your identities: its address or its label.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ADDR|NAME",
            description = "Recipient: an address or chan, a contact's name ('bmtool contacts') or one of your"
                    + " identities' labels.")
    String to;

    @Option(names = "--subject", defaultValue = "", paramLabel = "S", description = "Subject.")
    String subject;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Body body;

    static final class Body {
        @Option(names = "--body", paramLabel = "B", description = "Message text.")
        String text;
        @Option(names = "--body-file", paramLabel = "FILE", description = "Read the message text (UTF-8) from FILE.")
        Path file;

        String read() {
            if (text != null) {
                return text;
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UsageException("--body-file " + file + ": no such file");
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new UsageException("--body-file " + file + ": not UTF-8 text");
            } catch (IOException e) {
                throw new UsageException("cannot read --body-file " + file + ": " + e.getMessage());
            }
        }
    }

    @Mixin
    SendOptions delivery;

    @Mixin
    JsonOption json;

    @Mixin
    NetOptions net;

    @Override
    public Integer call() throws Exception {
        Address fromAddr = AddressNames.own(Cli.root(spec).dataDir(), from, "--from").address();
        Address toAddr = AddressNames.any(Cli.root(spec).dataDir(), to, "--to");
        String text = body.read();
        if (delivery.ttl < 300 || delivery.ttl > 28 * 24 * 3600) {
            throw new UsageException("--ttl must be 300..2419200 seconds");
        }
        if (delivery.timeout < 1) {
            // checked before anything is queued: a message must not be left behind by a typo
            throw new UsageException("--timeout must be at least 1 second");
        }
        try (MailSession s = MailSession.open(spec, net, MailSession.Mode.ONLINE)) {
            long id = s.agent().send(fromAddr, toAddr, subject, text, delivery.ttl, delivery.encoding.value);
            Set<MessageStatus> done = delivery.waitForAck ? Set.of(MailStore.ACK_RECEIVED, MailStore.MSG_SENT_NO_ACK)
                    : Set.of(MailStore.MSG_SENT, MailStore.ACK_RECEIVED, MailStore.MSG_SENT_NO_ACK);
            Set<MessageStatus> stop = new HashSet<>(done);
            stop.add(MailStore.TOO_DIFFICULT);
            MailStore.SentEntry e = await(s, id, stop, !delivery.waitForAck);
            // msgqueued with its object made: the agent found no peer connected when it submitted
            boolean ready = e.objectMade() && (e.status().equals(MailStore.MSG_SENT)
                    || e.status().equals(MailStore.MSG_SENT_NO_ACK) || e.status().equals(MailStore.ACK_RECEIVED)
                    || e.status().equals(MailStore.MSG_QUEUED));
            if (ready) {
                // sent means a peer took it: the in-process node waits for one; a running node must have one
                boolean handedOver = s.remote() ? s.remoteConnected() : linger(s, spec);
                long now = System.currentTimeMillis() / 1000;
                if (handedOver) {
                    s.store().queuedHandedOver(now); // older queued objects went out with it
                    boolean earlierAwaitAck = s.store().sent().stream().anyMatch(x -> x.id() != id && x.nextTry() > 0
                            && (x.status().equals(MailStore.MSG_SENT) || x.status().equals(MailStore.MSG_QUEUED)));
                    if (!s.remote() && earlierAwaitAck) {
                        s.awaitSync(); // acks of messages sent by earlier commands come with the first inventory
                    }
                } else if (!e.status().equals(MailStore.ACK_RECEIVED)) {
                    s.store().transition(id, e.status(), MailStore.MSG_QUEUED, now);
                }
                e = s.store().sentEntry(id).orElseThrow();
            }
            report(e);
            if (e.status().equals(MailStore.MSG_QUEUED)) {
                Cli.err(spec).println("bmtool: message " + id + " is ready but no peer took it: it stays "
                        + MailStore.MSG_QUEUED + " and goes out the next time a node runs for this data dir ("
                        + (s.remote() ? "the running node, once it connects" : "'bmtool node run', or another send")
                        + ")");
                Cli.err(spec).flush();
                return dev.bmtool.cli.BmtoolCommand.EXIT_QUEUED;
            }
            if (e.status().equals(MailStore.TOO_DIFFICULT)) {
                Cli.err(spec).println("bmtool: message " + id + " not sent: " + e.note() + "; it stays queued as "
                        + MailStore.TOO_DIFFICULT + " and goes out once the limit allows it, while a node runs for"
                        + " this data dir");
                Cli.err(spec).flush();
                return 1;
            }
            if (!done.contains(e.status())) {
                Cli.err(spec).println("bmtool: message " + id + " is " + e.status() + " after " + delivery.timeout
                        + " s; it stays queued and goes on while a node runs for this data dir ('bmtool node run')");
                Cli.err(spec).flush();
                return 1;
            }
            return 0;
        }
    }

    /** Waits for one of {@code done}, or with {@code madeIsEnough} for the object to exist (then msgqueued). */
    private MailStore.SentEntry await(MailSession s, long id, Set<MessageStatus> done, boolean madeIsEnough)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + delivery.timeout * 1000;
        MailStore.SentEntry e = s.store().sentEntry(id).orElseThrow();
        MessageStatus last = e.status();
        while (!done.contains(e.status()) && !(madeIsEnough && e.objectMade()
                && e.status().equals(MailStore.MSG_QUEUED)) && System.currentTimeMillis() < deadline) {
            if (s.remote() || e.status().equals(MailStore.AWAITING_PUBKEY)) {
                s.agent().tick(); // a remote node's agent does this too; harmless twice (status transitions are atomic)
            }
            Thread.sleep(200);
            e = s.store().sentEntry(id).orElseThrow();
            if (!e.status().equals(last)) {
                last = e.status();
            }
        }
        return e;
    }

    /**
     * An in-process node dies with the command: wait for a peer connection, then until peers
     * have fetched every object this process submitted (getdata answered; PyBitmessage asks a
     * few seconds after our inv), and say so when that did not happen.
     */
    static boolean linger(MailSession s, CommandSpec spec) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (s.established() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        if (s.established() == 0) {
            Cli.err(spec).println("bmtool: warning: no peer connected; the object stays in the node's store and goes"
                    + " out the next time a node runs for this data dir ('bmtool node run')");
            Cli.err(spec).flush();
            return false;
        }
        deadline = System.currentTimeMillis() + 30_000;
        while (s.notFetched() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        int left = s.notFetched();
        if (left > 0) {
            Cli.err(spec).println("bmtool: warning: connected, but no peer fetched " + left + " new object"
                    + (left == 1 ? "" : "s") + " within 30 s; they stay in the node's store and go out the next time"
                    + " a node runs for this data dir ('bmtool node run')");
            Cli.err(spec).flush();
            return false;
        }
        return true;
    }

    private void report(MailStore.SentEntry e) {
        if (json.on()) {
            Cli.printJson(spec, sentJson(e));
        } else {
            Cli.out(spec).println("message " + e.id() + " to " + e.to() + ": " + e.status()
                    + (e.msgid() == null ? "" : " (msgid " + Hex.encode(e.msgid()) + ")"));
            Cli.out(spec).flush();
        }
    }

    static Map<String, Object> sentJson(MailStore.SentEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.kind());
        m.put("from", e.from());
        m.put("to", e.to());
        m.put("subject", e.subject());
        m.put("status", e.status().dbName());
        m.put("encoding", MessageEncoding.name(e.encoding()));
        m.put("msgid", e.msgid() == null ? null : Hex.encode(e.msgid()));
        m.put("ackData", Hex.encode(e.ackData()));
        m.put("ttl", e.ttl());
        m.put("retries", e.retries());
        m.put("created", e.created());
        m.put("lastAction", e.lastAction());
        m.put("engine", e.engine());
        long owner = MailStore.powOwner(e);
        if (owner > 0) {
            m.put("powProcess", owner); // the pid doing this message's proof of work
        } else if (e.note() != null) {
            m.put("note", e.note()); // why it is in its state (toodifficult, a failed send)
        }
        return m;
    }
}
