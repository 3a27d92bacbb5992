package dev.bmtool.mail;

import java.util.Locale;

/**
 * The status of a sent message or broadcast, with PyBitmessage's names; {@link #dbName()} is
 * the string stored in mail.db's {@code sent.status} (and in PyBitmessage's messages.dat) and
 * returned by the API's {@code getStatus}.
 */
public enum MessageStatus {
    /** Queued; the sender has not looked at it yet. */
    MSG_QUEUED,
    /** Doing the PoW of the getpubkey request for the recipient. */
    DOING_PUBKEY_POW,
    /** Waiting for the recipient's pubkey. */
    AWAITING_PUBKEY,
    /** Doing the msg's (and its ack's) PoW. */
    DOING_MSG_POW,
    /** PyBitmessage's user override of "too difficult" (kept for imported messages). */
    FORCE_POW,
    /** Sent; waiting for the ack. */
    MSG_SENT,
    /** Sent to a chan or to a recipient that does not acknowledge. */
    MSG_SENT_NO_ACK_EXPECTED,
    /** The recipient's ack arrived. */
    ACK_RECEIVED,
    /** The recipient demands more PoW than the limits in keys.dat allow. */
    TOO_DIFFICULT,
    /** The recipient's pubkey is unusable. */
    BAD_KEY,
    /** A broadcast waiting for its PoW. */
    BROADCAST_QUEUED,
    /** Doing a broadcast's PoW. */
    DOING_BROADCAST_POW,
    /** A broadcast handed to the network. */
    BROADCAST_SENT;

    private final String dbName = name().replace("_", "").toLowerCase(Locale.ROOT);

    /** PyBitmessage's name, as stored: {@code msgqueued}, {@code ackreceived}, ... */
    public String dbName() {
        return dbName;
    }

    /** The status stored as {@code name}; IllegalArgumentException for any other string. */
    public static MessageStatus of(String name) {
        for (MessageStatus s : values()) {
            if (s.dbName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown message status: " + name);
    }

    @Override
    public String toString() {
        return dbName;
    }
}
