package dev.bmtool.cli.mail;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.mail.MailAgent;
import dev.bmtool.node.mail.MailPow;
import dev.bmtool.node.mail.MailSettings;
import dev.bmtool.node.mail.Mailbox;
import dev.bmtool.node.mail.OnionPeerPublisher;
import dev.bmtool.node.mailclient.MaildirFeed;
import dev.bmtool.node.net.ProxySettings;
import java.io.IOException;
import java.nio.file.Path;

/** The hook {@code node run} uses: a mail agent on the running node (receiving, acks, pubkeys, resends). */
public final class NodeMail {
    private NodeMail() {
    }

    /** Attaches the agent; close the result before the node. */
    public static AutoCloseable attach(Node node, NodeLog log) throws IOException {
        return attach(node, log, null);
    }

    /**
     * Attaches the agent and, with {@code maildir} set, delivers every received message into that
     * Maildir; close the result before the node (the agent stops first, then the Maildir catches up).
     */
    public static AutoCloseable attach(Node node, NodeLog log, Path maildir) throws IOException {
        MailAgent.Listener l = e -> log.info("mail: " + e.step() + ": " + e.detail()
                + (e.engine() == null ? "" : " (PoW " + e.engine() + ", " + MailSession.seconds(e.pow()) + ")"));
        Mailbox box = Mailbox.attach(node, PowEngines.open("auto", p -> log.info("pow: " + p)), MailSettings.defaults(),
                l);
        // an onion service is announced with onionpeer objects (CPU PoW: one small object a week)
        ProxySettings proxy = node.config().proxy();
        OnionPeerPublisher onion = proxy != null && proxy.hasOnion()
                ? OnionPeerPublisher.startIfOnion(node, MailPow.cpuSolver(), log) : null;
        MaildirFeed feed = null;
        if (maildir != null) {
            try {
                feed = MaildirFeed.start(node.config().dataDir(), maildir, box.store(), log);
            } catch (IOException | RuntimeException e) {
                box.close();
                if (onion != null) {
                    onion.close();
                }
                throw new IOException("maildir " + maildir + ": " + e.getMessage(), e);
            }
        }
        MaildirFeed f = feed;
        return () -> {
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
        };
    }
}
