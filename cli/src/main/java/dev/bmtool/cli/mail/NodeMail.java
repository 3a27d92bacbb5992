package dev.bmtool.cli.mail;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.Mailbox;
import dev.bmtool.node.OnionPeerPublisher;
import dev.bmtool.mail.maildir.MaildirFeed;
import dev.bmtool.node.net.ProxySettings;
import dev.bmtool.core.pow.service.PowService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The hook {@code node run} uses: a mail agent on the running node (receiving, acks, pubkeys, resends). */
public final class NodeMail {
    private NodeMail() {
    }

    /**
     * Attaches the agent and, with {@code maildir} set, delivers every received message into that
     * Maildir; close the result before the node (the agent stops first, then the Maildir catches up).
     * The PoW service warms the SIMD engine now (a node runs for long) and uses {@code powServers}
     * (else keys.dat's powservers).
     */
    public static Attached attach(Node node, NodeLog log, Path maildir, String engine, List<String> powServers)
            throws IOException {
        MailAgent.Listener l = e -> log.info("mail: " + e.step() + ": " + e.detail()
                + (e.engine() == null ? "" : " (PoW " + e.engine() + ", " + MailSession.seconds(e.pow()) + ")"));
        PowService pow = PowEngines.open(engine, 0, powServers, node.config().dataDir(), true,
                p -> log.info("pow: " + p), null);
        Mailbox box;
        try {
            box = Mailbox.attach(node, pow, MailSettings.defaults(), l);
        } catch (IOException | RuntimeException e) {
            pow.close();
            throw e;
        }
        // an onion service is announced with onionpeer objects (one small object a week, same engines)
        ProxySettings proxy = node.config().proxy();
        OnionPeerPublisher onion = proxy != null && proxy.hasOnion()
                ? OnionPeerPublisher.startIfOnion(node, pow.view(), log) : null;
        MaildirFeed feed = null;
        if (maildir != null) {
            try {
                feed = MaildirFeed.start(node.config().dataDir(), maildir, box.store(), log);
            } catch (IOException | RuntimeException e) {
                if (onion != null) {
                    onion.close();
                }
                box.close();
                throw new IOException("maildir " + maildir + ": " + e.getMessage(), e);
            }
        }
        // msgqueued/broadcastqueued objects are moved on by the agent's timers once a peer is connected
        MaildirFeed f = feed;
        return new Attached(box, () -> {
            if (onion != null) {
                onion.close();
            }
            try {
                box.agent().close();
            } finally {
                if (f != null) {
                    f.close(); // after the agent: delivers what it stored last
                }
                box.close();
            }
        });
    }

    /** The agent attached to a node (the PyBitmessage API works on its mailbox); closing stops it all. */
    public static final class Attached implements AutoCloseable {
        private final Mailbox mailbox;
        private final AutoCloseable stop;

        Attached(Mailbox mailbox, AutoCloseable stop) {
            this.mailbox = mailbox;
            this.stop = stop;
        }

        public Mailbox mailbox() {
            return mailbox;
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }
}
