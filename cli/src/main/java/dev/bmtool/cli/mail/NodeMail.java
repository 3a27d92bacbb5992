package dev.bmtool.cli.mail;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.mail.MailAgent;
import dev.bmtool.node.mail.MailSettings;
import dev.bmtool.node.mail.Mailbox;
import dev.bmtool.core.pow.service.PowService;
import java.io.IOException;
import java.util.List;

/** The hook {@code node run} uses: a mail agent on the running node (receiving, acks, pubkeys, resends). */
public final class NodeMail {
    private NodeMail() {
    }

    /**
     * Attaches the agent; close the result before the node. The PoW service warms the SIMD
     * engine now (a node runs for long) and uses {@code powServers} (else keys.dat's powservers).
     */
    public static AutoCloseable attach(Node node, NodeLog log, String engine, List<String> powServers)
            throws IOException {
        MailAgent.Listener l = e -> log.info("mail: " + e.step() + ": " + e.detail()
                + (e.engine() == null ? "" : " (PoW " + e.engine() + ", " + MailSession.seconds(e.pow()) + ")"));
        PowService pow = PowEngines.open(engine, 0, powServers, node.config().dataDir(), true,
                p -> log.info("pow: " + p), null);
        try {
            return Mailbox.attach(node, pow, MailSettings.defaults(), l);
        } catch (IOException | RuntimeException e) {
            pow.close();
            throw e;
        }
    }
}
