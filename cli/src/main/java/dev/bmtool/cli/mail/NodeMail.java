package dev.bmtool.cli.mail;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.mail.MailAgent;
import dev.bmtool.node.mail.MailSettings;
import dev.bmtool.node.mail.Mailbox;
import java.io.IOException;

/** The hook {@code node run} uses: a mail agent on the running node (receiving, acks, pubkeys, resends). */
public final class NodeMail {
    private NodeMail() {
    }

    /** Attaches the agent; close the result before the node. */
    public static Mailbox attach(Node node, NodeLog log) throws IOException {
        MailAgent.Listener l = e -> log.info("mail: " + e.step() + ": " + e.detail()
                + (e.engine() == null ? "" : " (PoW " + e.engine() + ", " + MailSession.seconds(e.pow()) + ")"));
        return Mailbox.attach(node, PowEngines.open("auto", p -> log.info("pow: " + p)), MailSettings.defaults(), l);
    }
}
