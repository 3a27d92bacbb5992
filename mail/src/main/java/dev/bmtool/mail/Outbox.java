package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The way into the sent folder for both faces of the mail layer: the CLI (through
 * {@link MailAgent#queue} and {@link MailAgent#send}) and the PyBitmessage API queue messages
 * here, so the ackdata, the first status and the msgid placeholder are made one way. What each
 * face checks first (and how it reports a bad argument) stays with the face.
 */
public final class Outbox {
    /** PyBitmessage's msgid until the object exists: a uuid4's 16 bytes (an inventory hash has 32). */
    public static final int PLACEHOLDER_MSGID_LENGTH = 16;

    private final MailStore store;
    private final SecureRandom random;

    public Outbox(MailStore store) {
        this(store, new SecureRandom());
    }

    Outbox(MailStore store, SecureRandom random) {
        this.store = store;
        this.random = random;
    }

    /**
     * A new ackdata for an object in {@code stream} at PyBitmessage's {@code ackstealthlevel}
     * (keys.dat, see {@link AckData}).
     */
    public byte[] newAckData(int stealthLevel, long stream) {
        return AckData.generate(stealthLevel, stream, random);
    }

    /**
     * Queues a msg for the agent of this process, which looks for the recipient's pubkey and
     * sends it (status awaitingpubkey; no msgid until sent). Returns the sent-table id.
     */
    public long queueMsg(int stealthLevel, Address from, Address to, String subject, String body, long ttl,
            long encoding, long now) {
        return store.addSent(newAckData(stealthLevel, to.stream()), "msg", from.encode(), to.encode(), subject, body,
                ttl, MailStore.AWAITING_PUBKEY, now, encoding);
    }

    /**
     * Queues a msg ({@code broadcast} false) or a broadcast for the node's agent to do the proof
     * of work later, as PyBitmessage's API does: status msgqueued / broadcastqueued and a
     * 16-byte uuid placeholder as msgid until the object exists ({@link MailStore.SentEntry#objectMade}).
     * Returns the sent entry's id; its ackdata identifies it to API clients.
     */
    public long queueForNode(int stealthLevel, boolean broadcast, String from, String to, long stream,
            String subject, String body, long ttl, long encoding, long now) {
        byte[] ack = newAckData(stealthLevel, stream);
        long id = store.addSent(ack, broadcast ? "broadcast" : "msg", from, to, subject, body, ttl,
                broadcast ? MailStore.BROADCAST_QUEUED : MailStore.MSG_QUEUED, now, encoding);
        store.setMsgid(id, placeholderMsgid());
        return id;
    }

    private static byte[] placeholderMsgid() {
        UUID u = UUID.randomUUID();
        return ByteBuffer.allocate(PLACEHOLDER_MSGID_LENGTH).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
    }
}
