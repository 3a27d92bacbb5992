package dev.bmtool.cli.mail;

import dev.bmtool.cli.Cli;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.Mailbox;
import dev.bmtool.mail.maildir.MailFormat;
import dev.bmtool.mail.maildir.MailParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool sendmail}: a sendmail-compatible entry for mail programs. Reads one RFC 5322
 * message on stdin, sends its text from the identity in From to every recipient (one
 * Bitmessage msg each), and exits with sendmail's sysexits codes: 0 once every msg is queued,
 * which is when a mail program may forget the message. The node running for the data dir does
 * the proof of work and the sending (or the next one started).
 */
@Command(name = "sendmail", exitCodeOnInvalidInput = SendmailCommand.EX_USAGE,
        description = {"Send an RFC 5322 message from a mail program (sendmail conventions).",
            "Reads the message on stdin; recipients are the arguments, plus the To/Cc/Bcc headers with -t. "
            + "Addresses are BM-...@bitmessage (or a contact name). Plain text only: MIME text parts are decoded "
            + "(quoted-printable, base64, any charset), attachments and HTML-only mail are refused. Exit codes "
            + "as sendmail: 0 queued, 64 usage, 65 message refused, 67 unknown recipient, 68 not a Bitmessage "
            + "address, 74 input error, 75 try again later, 77 From is not one of your identities.",
            "Mail program setup (mutt): set sendmail=\"bmtool --data-dir DIR sendmail\""})
public final class SendmailCommand implements Callable<Integer> {
    static final int EX_OK = 0;
    static final int EX_USAGE = 64;
    static final int EX_DATAERR = 65;
    static final int EX_NOUSER = 67;
    static final int EX_NOHOST = 68;
    static final int EX_SOFTWARE = 70;
    static final int EX_IOERR = 74;
    static final int EX_TEMPFAIL = 75;
    static final int EX_NOPERM = 77;

    /** The most stdin bytes read (a Bitmessage msg carries at most about 256 KiB). */
    static final int MAX_INPUT = 4 << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--help", usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "-t", description = "Also send to the addresses in the To, Cc and Bcc headers.")
    boolean fromHeaders;

    @Option(names = "-i", description = "A line with a single '.' does not end the message (as -oi).")
    boolean ignoreDots;

    @Option(names = "-o", paramLabel = "OPT", description = "sendmail -o options: -oi as -i; others accepted and ignored.")
    List<String> options = new ArrayList<>();

    @Option(names = {"-f", "-r"}, paramLabel = "ADDR", description = "Sender when the message has no From header.")
    String envelopeFrom;

    @Option(names = {"-F", "-B", "-N", "-R", "-V", "-b", "-X", "-L", "-C", "-h", "-q"}, paramLabel = "ARG",
            hidden = true, description = "sendmail options without meaning here (accepted, ignored).")
    List<String> ignored = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "345600",
            description = "Time to live of each msg, 300..2419200 (default: ${DEFAULT-VALUE} = 4 days).")
    long ttl;

    @Mixin
    JsonOption json;

    @Option(names = "-v", description = "Say what was queued (silent on success otherwise, as sendmail).")
    boolean verbose;

    @Parameters(paramLabel = "RECIPIENT", arity = "0..*", description = "Recipients (BM-...@bitmessage, BM-..., or a contact name).")
    List<String> recipients = new ArrayList<>();

    /** A refusal with its sysexits code. */
    static final class Refused extends Exception {
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public Integer call() {
        try {
            return send();
        } catch (Refused e) {
            return fail(e.code, e.getMessage());
        } catch (UsageException e) {
            return fail(EX_USAGE, e.getMessage());
        } catch (IOException e) {
            return fail(EX_TEMPFAIL, e.getMessage() + "; the mail program may try again later");
        } catch (RuntimeException e) {
            return fail(EX_SOFTWARE, String.valueOf(e.getMessage()));
        }
    }

    private int fail(int code, String message) {
        Cli.err(spec).println("bmtool sendmail: " + message);
        Cli.err(spec).flush();
        return code;
    }

    private int send() throws Refused, IOException {
        if (ttl < 300 || ttl > MailSettings.MAX_TTL) {
            throw new Refused(EX_USAGE, "--ttl must be 300..2419200 seconds");
        }
        boolean dots = !(ignoreDots || options.stream().anyMatch(o -> o.equals("i")));
        byte[] raw = readStdin(System.in, dots);
        MailParser.Parsed mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MailParser.Rejected e) {
            throw new Refused(EX_DATAERR, e.getMessage());
        }
        var dataDir = Cli.root(spec).dataDir();
        Address from = sender(mail, new IdentityStore(dataDir));
        Set<String> wanted = new LinkedHashSet<>(recipients);
        if (fromHeaders) {
            wanted.addAll(mail.to());
            wanted.addAll(mail.cc());
            wanted.addAll(mail.bcc());
        }
        if (wanted.isEmpty()) {
            throw new Refused(EX_USAGE, "no recipients: give them as arguments, or use -t to take To/Cc/Bcc");
        }
        List<Map<String, Object>> queued = new ArrayList<>();
        try (Mailbox box = Mailbox.queueing(dataDir)) {
            // all recipients are checked before anything is queued: a mail program retries the whole message
            Map<String, Address> to = new LinkedHashMap<>();
            for (String r : wanted) {
                Address a = recipient(r, box.store());
                to.putIfAbsent(a.encode(), a);
            }
            for (Address a : to.values()) {
                long id;
                try {
                    id = box.agent().queue(from, a, mail.subject(), mail.body(), ttl, MessageEncoding.SIMPLE);
                } catch (IllegalArgumentException e) {
                    throw new Refused(queued.isEmpty() ? EX_DATAERR : EX_SOFTWARE, e.getMessage());
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("from", from.encode());
                m.put("to", a.encode());
                m.put("status", MailStore.AWAITING_PUBKEY.dbName());
                queued.add(m);
            }
        }
        boolean nodeRuns = MailSession.running(dataDir) != null;
        if (json.on()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("queued", queued);
            out.put("subject", mail.subject());
            out.put("nodeRunning", nodeRuns);
            Cli.printJson(spec, out);
        } else if (verbose) {
            for (Map<String, Object> m : queued) {
                Cli.out(spec).println("message " + m.get("id") + " to " + m.get("to") + ": queued");
            }
            Cli.out(spec).flush();
        }
        if (!nodeRuns) {
            Cli.err(spec).println("bmtool sendmail: no node is running for " + dataDir.toAbsolutePath()
                    + "; queued, and sent once 'bmtool node run' starts for it");
            Cli.err(spec).flush();
        }
        return EX_OK;
    }

    /** Everything on stdin, up to a line "." unless -i (sendmail's rule), bounded. */
    static byte[] readStdin(InputStream in, boolean dotEnds) throws Refused {
        byte[] all;
        try {
            all = in.readNBytes(MAX_INPUT + 1);
        } catch (IOException e) {
            throw new Refused(EX_IOERR, "cannot read the message on stdin: " + e.getMessage());
        }
        if (all.length > MAX_INPUT) {
            throw new Refused(EX_DATAERR, "message over " + (MAX_INPUT >> 20) + " MiB; Bitmessage carries about 256 KiB");
        }
        if (all.length == 0) {
            throw new Refused(EX_DATAERR, "no message on stdin");
        }
        if (dotEnds) {
            int lineStart = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    int len = i - lineStart;
                    if ((len == 1 && all[lineStart] == '.') || (len == 2 && all[lineStart] == '.'
                            && all[lineStart + 1] == '\r')) {
                        return java.util.Arrays.copyOf(all, lineStart);
                    }
                    lineStart = i + 1;
                }
            }
            if (all.length - lineStart == 1 && all[lineStart] == '.') {
                return java.util.Arrays.copyOf(all, lineStart);
            }
        }
        return all;
    }

    /** The identity in From (or -f): must be one of ours and enabled. */
    private Address sender(MailParser.Parsed mail, IdentityStore ids) throws Refused {
        String spec0 = !mail.from().isEmpty() ? mail.from().getFirst() : envelopeFrom;
        if (spec0 == null || spec0.isBlank()) {
            throw new Refused(EX_USAGE, "no From header (or -f): say which of your addresses sends,"
                    + " as BM-...@bitmessage");
        }
        String local = localPart(spec0);
        if (!Address.isValid(local)) {
            throw new Refused(EX_NOPERM, "From " + spec0 + " is not a Bitmessage address; set your mail program's"
                    + " From to one of your addresses as BM-...@" + MailFormat.DOMAIN);
        }
        Address a = Address.decode(local);
        Optional<Identity> id = ids.list().stream().filter(i -> i.address().equals(a)).findFirst();
        if (id.isEmpty()) {
            throw new Refused(EX_NOPERM, "From " + a + " is not one of your identities (bmtool identity list)");
        }
        if (!id.get().enabled()) {
            throw new Refused(EX_NOPERM, "From " + a + " is disabled in keys.dat");
        }
        return a;
    }

    /** BM-...@bitmessage, BM-..., or a contact name (also as name@bitmessage). */
    private static Address recipient(String spec0, MailStore book) throws Refused {
        String s = spec0.strip();
        int at = s.lastIndexOf('@');
        String domain = at < 0 ? "" : s.substring(at + 1);
        if (!domain.isEmpty() && !domain.toLowerCase(Locale.ROOT).equals(MailFormat.DOMAIN)) {
            throw new Refused(EX_NOHOST, s + ": only Bitmessage addresses (BM-...@" + MailFormat.DOMAIN
                    + ") can be reached from here");
        }
        String local = localPart(s);
        if (Address.isValid(local)) {
            return Address.decode(local);
        }
        List<MailStore.Contact> named = book.contacts().stream().filter(c -> c.label().equals(local)).toList();
        if (named.size() == 1) {
            return named.getFirst().address();
        }
        throw new Refused(EX_NOUSER, s + ": " + (named.size() > 1 ? named.size() + " contacts have this name"
                : local.startsWith("BM-") ? "not a valid Bitmessage address (checksum or length)"
                : "neither a Bitmessage address nor a contact name"));
    }

    private static String localPart(String addr) {
        String s = addr.strip();
        int at = s.lastIndexOf('@');
        return at < 0 ? s : s.substring(0, at);
    }

    /** For tests: decode one message the way the command does. */
    static MailParser.Parsed parse(String message) throws MailParser.Rejected {
        return MailParser.parse(message.getBytes(StandardCharsets.UTF_8));
    }
}
