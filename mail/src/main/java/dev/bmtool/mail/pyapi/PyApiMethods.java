package dev.bmtool.mail.pyapi;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.AddressException;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.mail.AckData;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.NodeLink;
import dev.bmtool.mail.Outbox;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * PyBitmessage's API methods (its {@code BMRPCDispatcher}), each answering as PyBitmessage v0.6
 * does: return strings, JSON documents (base64 text, hex ids), error codes and texts, argument
 * defaults and aliases. The methods only read and write keys.dat and mail.db and hand objects to
 * the node; the mail agent of the running node does the sending and its proof of work, so a
 * call never waits for a PoW except {@code disseminatePreEncryptedMsg} with a zero nonce, which
 * is that method's purpose.
 */
public final class PyApiMethods {
    static final String STR_CHAN = "[chan]";
    static final String STR_BROADCAST_SUBSCRIBERS = "[Broadcast subscribers]";
    static final long DEFAULT_TTL = 4 * 24 * 60 * 60;
    static final long NETWORK_NTPB = PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE;
    static final long NETWORK_EXTRA = PowMath.DEFAULT_EXTRA_BYTES;

    /** What the methods work on. {@code node} and {@code pow} may be null (no node: those methods fail with 0021). */
    public record Context(IdentityStore identities, MailStore store, NodeLink node, PowService pow, LongSupplier clock,
            PyApiConfig.Variant variant, boolean testMode, Runnable shutdown, String softwareVersion) {
    }

    /** One call: the name it was called by, its arguments, and whether strings came as JSON (Python unicode). */
    record Call(String method, List<Object> args, boolean unicode) {
        Object arg(int i, Object dflt) {
            return i < args.size() ? args.get(i) : dflt;
        }
    }

    @FunctionalInterface
    interface Handler {
        Object handle(Call c);
    }

    /** A method: PyBitmessage's Python function name and parameters (for its argument-count errors). */
    record Method(String pyFunction, List<String> params, int required, Handler handler) {
    }

    private final Context ctx;
    private final Map<String, Method> methods = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Outbox outbox;
    private final Object keysLock = new Object();

    public PyApiMethods(Context ctx) {
        this.ctx = ctx;
        this.outbox = new Outbox(ctx.store());
        register();
    }

    /** The method names (aliases included) this variant serves, sorted, as system.listMethods lists them. */
    public List<String> names() {
        TreeSet<String> s = new TreeSet<>(methods.keySet());
        s.addAll(List.of("system.listMethods", "system.methodHelp", "system.methodSignature"));
        return List.copyOf(s);
    }

    /**
     * Named (JSON-RPC object) parameters in PyBitmessage's parameter order; a name it does not
     * know is Python's "unexpected keyword argument" (0000).
     */
    public List<Object> positional(String method, Map<String, Object> named) {
        Method m = methods.get(method);
        if (m == null) {
            throw new ApiError(20, "Invalid method: " + method);
        }
        for (String k : named.keySet()) {
            if (!m.params().contains(k)) {
                throw new ApiError(0, "Unexpected API Failure - " + m.pyFunction() + "() got an unexpected keyword"
                        + " argument '" + k + "'");
            }
        }
        List<Object> out = new ArrayList<>();
        for (String p : m.params()) {
            if (!named.containsKey(p)) {
                break;
            }
            out.add(named.get(p));
        }
        if (out.size() != named.size()) {
            throw new ApiError(0, "Unexpected API Failure - named parameters must be a leading run of "
                    + String.join(", ", m.params()));
        }
        return out;
    }

    /**
     * Runs a method. Faults are {@link ApiError}s with PyBitmessage's codes; nothing else escapes
     * (an unexpected failure is 0021, as in PyBitmessage).
     */
    public Object call(String method, List<Object> args, boolean unicode) {
        switch (method) {
            case "system.listMethods" -> {
                return names();
            }
            case "system.methodHelp" -> {
                Method m = args.size() == 1 ? methods.get(String.valueOf(args.getFirst())) : null;
                return m == null ? "" : "Commands: *" + args.getFirst() + "*";
            }
            case "system.methodSignature" -> {
                return "signatures not supported";
            }
            default -> {
            }
        }
        Method m = methods.get(method);
        if (m == null) {
            throw new ApiError(20, "Invalid method: " + method);
        }
        checkCount(method, m, args.size());
        try {
            return m.handler().handle(new Call(method, args, unicode));
        } catch (ApiError e) {
            throw e;
        } catch (ProtocolException e) {
            throw new ApiError(21, "Unexpected API Failure - " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ApiError(21, "Unexpected API Failure - " + e.getMessage());
        }
    }

    /** Python 2's TypeError text for a call of {@code m} with {@code given} arguments besides self. */
    private static String pythonCountError(Method m, int given) {
        int total = m.params().size() + 1;
        int required = m.required() + 1;
        boolean defaults = required < total;
        boolean tooMany = given + 1 > total;
        String kind = !defaults ? "exactly" : tooMany ? "at most" : "at least";
        int n = !defaults || tooMany ? total : required;
        return m.pyFunction() + "() takes " + kind + " " + n + " argument" + (n == 1 ? "" : "s") + " ("
                + (given + 1) + " given)";
    }

    /**
     * PyBitmessage's handling of a TypeError whose text mentions "argument" (_handle_request):
     * under Python 2 its counts include {@code self}, so too few arguments gives "takes at least
     * N parameters", far too many "takes at most N parameters", and anything between keeps
     * Python's own text. The legacy variant wraps every method in {@code wrapper(*args)}, whose
     * count is 0.
     */
    private ApiError argumentError(String method, Method m, int given, String pythonMessage) {
        boolean legacy = ctx.variant() == PyApiConfig.Variant.LEGACY;
        int max = legacy ? 0 : m.params().size() + 1;
        int min = legacy ? 0 : m.required() + 1;
        if (given > max) {
            return new ApiError(0, "Command " + method + " takes at most " + max + " parameters (" + given + " given)");
        }
        if (given < min) {
            return new ApiError(0, "Command " + method + " takes at least " + min + " parameters (" + given
                    + " given)");
        }
        return new ApiError(0, "Unexpected API Failure - " + pythonMessage);
    }

    private void checkCount(String method, Method m, int given) {
        if (given > m.params().size() || given < m.required()) {
            throw argumentError(method, m, given, pythonCountError(m, given));
        }
    }

    private void add(Handler h, String pyFunction, int required, List<String> params, String... names) {
        Method m = new Method(pyFunction, params, required, h);
        for (String n : names) {
            if (n.startsWith("legacy:")) {
                if (ctx.variant() == PyApiConfig.Variant.LEGACY) {
                    methods.put(n.substring(7), m);
                }
            } else {
                methods.put(n, m);
            }
        }
    }

    private void register() {
        add(c -> verifyAddressDict(c.arg(0, null)), "HandleDecodeAddress", 1, List.of("address"), "decodeAddress");
        add(this::listAddresses, "HandleListAddresses", 0, List.of(), "listAddresses", "listAddresses2");
        add(this::listAddressBook, "HandleListAddressBookEntries", 0, List.of("label"), "listAddressBookEntries",
                "legacy:listAddressbook");
        add(this::addAddressBook, "HandleAddAddressBookEntry", 2, List.of("address", "label"), "addAddressBookEntry",
                "legacy:addAddressbook");
        add(this::deleteAddressBook, "HandleDeleteAddressBookEntry", 1, List.of("address"), "deleteAddressBookEntry",
                "legacy:deleteAddressbook");
        add(this::createRandomAddress, "HandleCreateRandomAddress", 1,
                List.of("label", "eighteenByteRipe", "totalDifficulty", "smallMessageDifficulty"), "createRandomAddress");
        add(this::createDeterministicAddresses, "HandleCreateDeterministicAddresses", 1,
                List.of("passphrase", "numberOfAddresses", "addressVersionNumber", "streamNumber", "eighteenByteRipe",
                        "totalDifficulty", "smallMessageDifficulty"), "createDeterministicAddresses");
        add(this::getDeterministicAddress, "HandleGetDeterministicAddress", 3,
                List.of("passphrase", "addressVersionNumber", "streamNumber"), "getDeterministicAddress");
        add(this::createChan, "HandleCreateChan", 1, List.of("passphrase"), "createChan");
        add(this::joinChan, "HandleJoinChan", 2, List.of("passphrase", "suppliedAddress"), "joinChan");
        add(this::leaveChan, "HandleLeaveChan", 1, List.of("address"), "leaveChan");
        add(this::deleteAddress, "HandleDeleteAddress", 1, List.of("address"), "deleteAddress");
        add(this::enableAddress, "HandleEnableAddress", 1, List.of("address", "enable"), "enableAddress");
        add(this::allInbox, "HandleGetAllInboxMessages", 0, List.of(), "getAllInboxMessages");
        add(this::allInboxIds, "HandleGetAllInboxMessageIds", 0, List.of(), "getAllInboxMessageIds",
                "getAllInboxMessageIDs");
        add(this::inboxById, "HandleGetInboxMessageById", 1, List.of("hid", "readStatus"), "getInboxMessageById",
                "getInboxMessageByID");
        add(this::allSent, "HandleGetAllSentMessages", 0, List.of(), "getAllSentMessages");
        add(this::allSentIds, "HandleGetAllSentMessageIds", 0, List.of(), "getAllSentMessageIds",
                "getAllSentMessageIDs");
        add(this::inboxByReceiver, "HandleInboxMessagesByReceiver", 1, List.of("toAddress"),
                "getInboxMessagesByReceiver", "legacy:getInboxMessagesByAddress");
        add(this::sentById, "HandleGetSentMessageById", 1, List.of("hid"), "getSentMessageById",
                "getSentMessageByID");
        add(this::sentByAddress, "HandleGetSentMessagesByAddress", 1, List.of("fromAddress"),
                "getSentMessagesByAddress", "getSentMessagesBySender");
        add(this::sentByAck, "HandleGetSentMessagesByAckData", 1, List.of("ackData"), "getSentMessageByAckData");
        add(c -> trash(c, true, true, "Trashed message (assuming message existed)."), "HandleTrashMessage", 1,
                List.of("msgid"), "trashMessage");
        add(c -> trash(c, true, false, "Trashed inbox message (assuming message existed)."),
                "HandleTrashInboxMessage", 1, List.of("msgid"), "trashInboxMessage");
        add(c -> trash(c, false, true, "Trashed sent message (assuming message existed)."), "HandleTrashSentMessage",
                1, List.of("msgid"), "trashSentMessage");
        add(this::trashSentByAck, "HandleTrashSentMessageByAckDAta", 1, List.of("ackdata"),
                "trashSentMessageByAckData");
        add(this::sendMessage, "HandleSendMessage", 4,
                List.of("toAddress", "fromAddress", "subject", "message", "encodingType", "TTL"), "sendMessage");
        add(this::sendBroadcast, "HandleSendBroadcast", 3,
                List.of("fromAddress", "subject", "message", "encodingType", "TTL"), "sendBroadcast");
        add(this::getStatus, "HandleGetStatus", 1, List.of("ackdata"), "getStatus");
        add(this::addSubscription, "HandleAddSubscription", 1, List.of("address", "label"), "addSubscription");
        add(this::deleteSubscription, "HandleDeleteSubscription", 1, List.of("address"), "deleteSubscription");
        add(this::listSubscriptions, "ListSubscriptions", 0, List.of(), "listSubscriptions");
        add(this::disseminate, "HandleDisseminatePreparedObject", 1,
                List.of("encryptedPayload", "nonceTrialsPerByte", "payloadLengthExtraBytes"),
                "disseminatePreEncryptedMsg", "disseminatePreparedObject");
        add(this::disseminatePubkey, "HandleDissimatePubKey", 1, List.of("payload"), "disseminatePubkey");
        add(this::messageDataByHash, "HandleGetMessageDataByDestinationHash", 1, List.of("requestedHash"),
                "getMessageDataByDestinationHash", "getMessageDataByDestinationTag");
        add(this::clientStatus, "HandleClientStatus", 0, List.of(), "clientStatus");
        add(this::listConnections, "HandleListConnections", 0, List.of(), "listConnections");
        add(c -> concat(concat(c.arg(0, null), "-", c), c.arg(1, null), c), "HandleHelloWorld", 2, List.of("a", "b"),
                "helloWorld");
        add(c -> concat(c.arg(0, null), c.arg(1, null), c), "HandleAdd", 2, List.of("a", "b"), "add");
        add(c -> "success", "HandleStatusBar", 1, List.of("message"), "statusBar");
        if (ctx.testMode()) {
            add(this::undelete, "HandleUndeleteMessage", 1, List.of("msgid"), "undeleteMessage");
        }
        add(c -> {
            ctx.store().emptyTrashAndVacuum();
            return "done";
        }, "HandleDeleteAndVacuum", 0, List.of(), "deleteAndVacuum");
        add(c -> {
            if (ctx.shutdown() != null) {
                ctx.shutdown().run();
            }
            return "done";
        }, "HandleShutdown", 0, List.of(), "shutdown");
    }

    // ------------------------------------------------------------ helpers

    /** Python 2's type(x) text, for PyBitmessage's "saw <type 'int'> instead" messages. */
    static String pyType(Object v, boolean unicode) {
        String n = switch (v) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Integer i -> "int";
            case Double d -> "float";
            case String s -> unicode || !s.chars().allMatch(ch -> ch < 128) ? "unicode" : "str";
            case byte[] b -> "instance";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            default -> "object";
        };
        return "<type '" + n + "'>";
    }

    /** Python's repr of a string argument (for the "Had trouble while decoding string: %r" text). */
    static String pyRepr(Object v, boolean unicode) {
        if (!(v instanceof String s)) {
            return v == null ? "None" : v instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(v);
        }
        boolean u = unicode || !s.chars().allMatch(ch -> ch < 128);
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(u ? "u" : "").append(q);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch == q) {
                        sb.append('\\').append(ch);
                    } else if (ch < 32 || ch == 127 || (ch > 127 && !u)) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else if (ch > 127 && ch < 256) {
                        sb.append(String.format("\\x%02x", (int) ch));
                    } else if (ch >= 256) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }

    private static String decodeFailure(Object text, String why, Call c) {
        return "Decode error - " + why + ". Had trouble while decoding string: " + pyRepr(text, c.unicode());
    }

    /** PyBitmessage's _decode(text, 'hex'): error 0022 on failure. */
    static byte[] unhex(Object text, Call c) {
        if (!(text instanceof String s)) {
            throw new ApiError(22, decodeFailure(text, "must be string or buffer, not "
                    + pyType(text, c.unicode()).replaceAll("<type '(.*)'>", "$1"), c));
        }
        if (s.length() % 2 != 0) {
            throw new ApiError(22, decodeFailure(text, "Odd-length string", c));
        }
        try {
            return Hex.decode(s);
        } catch (RuntimeException e) {
            throw new ApiError(22, decodeFailure(text, "Non-hexadecimal digit found", c));
        }
    }

    /** PyBitmessage's _decode(text, 'base64') (Python 2: characters outside the alphabet are skipped). */
    static byte[] unbase64(Object text, Call c) {
        if (!(text instanceof String s)) {
            throw new ApiError(22, decodeFailure(text, "must be string or buffer, not "
                    + pyType(text, c.unicode()).replaceAll("<type '(.*)'>", "$1"), c));
        }
        StringBuilder clean = new StringBuilder(s.length());
        int pad = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '=') {
                pad++;
                clean.append(ch);
            } else if (pad == 0 && (Character.isLetterOrDigit(ch) && ch < 128 || ch == '+' || ch == '/')) {
                clean.append(ch);
            } else if (pad > 0 && (Character.isLetterOrDigit(ch) && ch < 128 || ch == '+' || ch == '/')) {
                // data after padding: Python stops at the pad; so do we
                break;
            }
        }
        String t = clean.toString();
        int eq = t.indexOf('=');
        String data = eq < 0 ? t : t.substring(0, eq);
        if (data.length() % 4 == 1) {
            throw new ApiError(22, decodeFailure(text, "Incorrect padding", c));
        }
        int needed = (4 - data.length() % 4) % 4;
        if (eq < 0 ? needed != 0 : t.length() - eq < needed) {
            throw new ApiError(22, decodeFailure(text, "Incorrect padding", c));
        }
        try {
            return Base64.getDecoder().decode(data + "=".repeat(needed));
        } catch (IllegalArgumentException e) {
            throw new ApiError(22, decodeFailure(text, "Incorrect padding", c));
        }
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Bytes as text: UTF-8, or PyBitmessage's note for data that is not (fixPotentiallyInvalidUTF8Data). */
    static String text(byte[] b) {
        if (isUtf8(b)) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return "Part of the message is corrupt. The message cannot be displayed the normal way.\n\n"
                + pyRepr(new String(b, StandardCharsets.ISO_8859_1), false);
    }

    /** Python truthiness of an argument. */
    private static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0;
            case String s -> !s.isEmpty();
            case byte[] b -> b.length > 0;
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** A numeric argument (Python compares bools as 0/1); anything else is 0021. */
    private static long integer(Object v, String name) {
        return switch (v) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            case Double d when d == Math.rint(d) && !d.isInfinite() -> d.longValue();
            default -> throw new ApiError(21, "Unexpected API Failure - " + name + " must be an integer");
        };
    }

    private static double number(Object v, String name) {
        return switch (v) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            case Double d -> d;
            default -> throw new ApiError(21, "Unexpected API Failure - " + name + " must be a number");
        };
    }

    private static String str(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> s;
            default -> String.valueOf(v);
        };
    }

    static String addBM(String address) {
        return address.startsWith("BM-") ? address : "BM-" + address;
    }

    /** PyBitmessage's _verifyAddress: the decoded address or its error (0007-0012, 0026). */
    static PyAddress verify(Object address) {
        String a = str(address);
        PyAddress d = PyAddress.decode(a);
        switch (d.status()) {
            case "success" -> {
            }
            case "checksumfailed" -> throw new ApiError(8, "Checksum failed for address: " + a);
            case "invalidcharacters" -> throw new ApiError(9, "Invalid characters in address: " + a);
            case "versiontoohigh" -> throw new ApiError(10, "Address version number too high (or zero) in address: " + a);
            case "varintmalformed" -> throw new ApiError(26, "Malformed varint in address: " + a);
            default -> throw new ApiError(7, "Could not decode address: " + a + " : " + d.status());
        }
        if (d.version() < 2 || d.version() > 4) {
            throw new ApiError(11, "The address version number currently must be 2, 3 or 4. Others aren't supported."
                    + " Check the address.");
        }
        if (d.stream() != 1) {
            throw new ApiError(12, "The stream number must be 1. Others aren't supported. Check the address.");
        }
        return d;
    }

    private static Object verifyAddressDict(Object address) {
        PyAddress d = verify(address);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status());
        m.put("addressVersion", d.version());
        m.put("streamNumber", d.stream());
        m.put("ripe", Base64.getEncoder().encodeToString(d.ripe()));
        return m;
    }

    private long now() {
        return ctx.clock().getAsLong();
    }

    private Map<String, String> settings() {
        return ctx.identities().load().section(KeysDat.SETTINGS_SECTION);
    }

    private NodeLink node() {
        if (ctx.node() == null) {
            throw new ApiError(21, "Unexpected API Failure - no node is running");
        }
        return ctx.node();
    }

    // ---------------------------------------------------------- addresses

    private Object listAddresses(Call c) {
        KeysDat k = ctx.identities().load();
        List<Object> out = new ArrayList<>();
        for (String name : k.sectionNames()) {
            if (!name.startsWith("BM-")) {
                continue;
            }
            Map<String, String> s = k.section(name);
            String label = s.getOrDefault("label", "");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", c.method().equals("listAddresses2") ? b64(label) : label);
            m.put("address", name);
            m.put("stream", PyAddress.decode(name).stream());
            m.put("enabled", KeysDat.isTrue(s.get("enabled")));
            m.put("chan", KeysDat.isTrue(s.get("chan")));
            out.add(m);
        }
        return Map.of("addresses", out);
    }

    private long defaultDifficulty(Object factor, String setting, long network) {
        double f = number(factor, setting);
        if (f != 0) {
            return (long) (network * f);
        }
        String v = settings().getOrDefault("default" + setting, "").strip();
        try {
            return v.isEmpty() ? network : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return network;
        }
    }

    private static void checkBool(Object v, String name, Call c, String end) {
        if (!(v instanceof Boolean)) {
            throw new ApiError(23, "Bool expected in " + name + ", saw " + pyType(v, c.unicode()) + " instead" + end);
        }
    }

    private Identity withDifficulty(Identity id, String label, long ntpb, long extra, boolean chan) {
        return new Identity(label, id.address(), id.signingKey(), id.encryptionKey(), ntpb, extra, chan, true, Map.of());
    }

    /** Adds identities not in keys.dat yet (never replaces one); returns the ones added. */
    private List<Identity> addNew(List<Identity> ids) {
        synchronized (keysLock) {
            return ctx.identities().update(k -> {
                List<Identity> added = new ArrayList<>();
                for (Identity id : ids) {
                    if (!k.contains(id.address().encode())) {
                        k.put(id);
                        added.add(id);
                    }
                }
                return added;
            });
        }
    }

    private Object createRandomAddress(Call c) {
        Object eighteen = c.arg(1, Boolean.FALSE);
        long ntpb = defaultDifficulty(c.arg(2, 0L), "noncetrialsperbyte", NETWORK_NTPB);
        long extra = defaultDifficulty(c.arg(3, 0L), "payloadlengthextrabytes", NETWORK_EXTRA);
        checkBool(eighteen, "eighteenByteRipe", c, "");
        byte[] label = unbase64(c.arg(0, null), c);
        if (!isUtf8(label)) {
            throw new ApiError(17, "Label is not valid UTF-8 data.");
        }
        Identity id = AddressGenerator.random(new String(label, StandardCharsets.UTF_8), 4, 1,
                AddressGenerator.zeroBytes((Boolean) eighteen), random);
        Identity saved = withDifficulty(id, id.label(), ntpb, extra, false);
        addNew(List.of(saved));
        return saved.address().encode();
    }

    private Object createDeterministicAddresses(Call c) {
        Object passphrase = c.arg(0, null);
        long ntpb = defaultDifficulty(c.arg(5, 0L), "noncetrialsperbyte", NETWORK_NTPB);
        long extra = defaultDifficulty(c.arg(6, 0L), "payloadlengthextrabytes", NETWORK_EXTRA);
        if (!truthy(passphrase)) {
            throw new ApiError(1, "The specified passphrase is blank.");
        }
        Object eighteen = c.arg(4, Boolean.FALSE);
        checkBool(eighteen, "eighteenByteRipe", c, "");
        byte[] pass = unbase64(passphrase, c);
        long version = integer(c.arg(2, 0L), "addressVersionNumber");
        if (version == 0) {
            version = 4;
        }
        if (version != 3 && version != 4) {
            throw new ApiError(2, "The address version number currently must be 3, 4, or 0 (which means auto-select). "
                    + version + " isn't supported.");
        }
        long stream = integer(c.arg(3, 0L), "streamNumber");
        if (stream == 0) {
            stream = 1;
        }
        if (stream != 1) {
            throw new ApiError(3, "The stream number must be 1 (or 0 which means auto-select). Others aren't supported.");
        }
        long count = integer(c.arg(1, 1L), "numberOfAddresses");
        if (count == 0) {
            throw new ApiError(4, "Why would you ask me to generate 0 addresses for you?");
        }
        if (count > 999) {
            throw new ApiError(5, "You have (accidentally?) specified too many addresses to make. Maximum 999. This check"
                    + " only exists to prevent mischief; if you really want to create more addresses than this, contact"
                    + " the Bitmessage developers and we can modify the check or you can do it yourself by searching the"
                    + " source code for this message.");
        }
        List<Object> out = new ArrayList<>();
        if (count > 0) {
            List<Identity> ids = new ArrayList<>();
            for (Identity id : AddressGenerator.deterministic(pass, (int) count, (int) version, 1,
                    AddressGenerator.zeroBytes((Boolean) eighteen))) {
                ids.add(withDifficulty(id, "unused API address", ntpb, extra, false));
            }
            addNew(ids).forEach(id -> out.add(id.address().encode()));
        }
        return Map.of("addresses", out);
    }

    private Object getDeterministicAddress(Call c) {
        Object passphrase = c.arg(0, null);
        if (!truthy(passphrase)) {
            throw new ApiError(1, "The specified passphrase is blank.");
        }
        byte[] pass = unbase64(passphrase, c);
        long version = integer(c.arg(1, null), "addressVersionNumber");
        if (version != 3 && version != 4) {
            throw new ApiError(2, "The address version number currently must be 3 or 4. " + version
                    + " isn't supported.");
        }
        if (integer(c.arg(2, null), "streamNumber") != 1) {
            throw new ApiError(3, " The stream number must be 1. Others aren't supported.");
        }
        return AddressGenerator.deterministic(pass, 1, (int) version, 1, 1).getFirst().address().encode();
    }

    private static String chanLabel(byte[] pass) {
        return STR_CHAN + " " + (isUtf8(pass) ? new String(pass, StandardCharsets.UTF_8)
                : pyRepr(new String(pass, StandardCharsets.ISO_8859_1), false));
    }

    private Identity chan(byte[] pass, String label, int version) {
        Identity id = new AddressGenerator.Deterministic(pass).next(label, version, 1, 1);
        return withDifficulty(id, label, NETWORK_NTPB, NETWORK_EXTRA, true);
    }

    private Object createChan(Call c) {
        byte[] pass = unbase64(c.arg(0, null), c);
        if (pass.length == 0) {
            throw new ApiError(1, "The specified passphrase is blank.");
        }
        Identity id = chan(pass, chanLabel(pass), 4);
        if (addNew(List.of(id)).isEmpty()) {
            throw new ApiError(24, "Chan address is already present.");
        }
        return id.address().encode();
    }

    private Object joinChan(Call c) {
        byte[] pass = unbase64(c.arg(0, null), c);
        if (pass.length == 0) {
            throw new ApiError(1, "The specified passphrase is blank.");
        }
        PyAddress d = verify(c.arg(1, null));
        String supplied = addBM(str(c.arg(1, null)).strip());
        Identity id = chan(pass, chanLabel(pass), (int) d.version());
        if (!id.address().encode().equals(supplied)) {
            throw new ApiError(18, "Chan name does not match address.");
        }
        if (addNew(List.of(id)).isEmpty()) {
            throw new ApiError(24, "Chan address is already present.");
        }
        return "success";
    }

    private Object leaveChan(Call c) {
        verify(c.arg(0, null));
        String a = addBM(str(c.arg(0, null)));
        synchronized (keysLock) {
            ctx.identities().update(k -> {
                if (!KeysDat.isTrue(k.section(a).get("chan"))) {
                    throw new ApiError(25, "Specified address is not a chan address. Use deleteAddress API call instead.");
                }
                k.remove(a);
                return null;
            });
        }
        return "success";
    }

    private Object deleteAddress(Call c) {
        verify(c.arg(0, null));
        String a = addBM(str(c.arg(0, null)));
        synchronized (keysLock) {
            ctx.identities().update(k -> {
                if (!k.contains(a)) {
                    throw new ApiError(13, "Could not find this address in your keys.dat file.");
                }
                k.remove(a);
                return null;
            });
        }
        return "success";
    }

    private Object enableAddress(Call c) {
        verify(c.arg(0, null));
        String a = addBM(str(c.arg(0, null)));
        String value = str(c.arg(1, Boolean.TRUE)); // Python's str(enable): "True" / "False"
        synchronized (keysLock) {
            ctx.identities().update(k -> {
                if (!k.contains(a)) {
                    throw new ApiError(21, "Unexpected API Failure - No section: '" + a + "'");
                }
                k.set(a, "enabled", value);
                return null;
            });
        }
        return "success";
    }

    // ------------------------------------------------------- address book

    private Object listAddressBook(Call c) {
        Object label = c.arg(0, null);
        List<Object> out = new ArrayList<>();
        for (MailStore.Contact ct : ctx.store().contacts()) {
            if (truthy(label) && !ct.label().equals(str(label))) {
                continue;
            }
            out.add(Map.of("label", b64(ct.label()), "address", ct.address().encode()));
        }
        return Map.of("addresses", out);
    }

    private Object addAddressBook(Call c) {
        byte[] label = unbase64(c.arg(1, null), c);
        String a = addBM(str(c.arg(0, null)));
        verify(a);
        Address addr = bmtoolAddress(a);
        if (ctx.store().contacts().stream().anyMatch(ct -> ct.address().equals(addr))) {
            throw new ApiError(16, "You already have this address in your address book.");
        }
        ctx.store().contactPut(addr, text(label));
        return "Added address " + a + " to address book";
    }

    private Object deleteAddressBook(Call c) {
        String a = addBM(str(c.arg(0, null)));
        verify(a);
        ctx.store().contactRemove(bmtoolAddress(a));
        return "Deleted address book entry for " + a + " if it existed";
    }

    /** An address PyBitmessage accepted that bmtool cannot hold (v1, odd streams) is an unexpected failure. */
    private static Address bmtoolAddress(String a) {
        try {
            return Address.decode(a);
        } catch (AddressException e) {
            throw new ApiError(21, "Unexpected API Failure - " + e.getMessage());
        }
    }

    // ----------------------------------------------------------- inbox

    private static Map<String, Object> dumpInbox(MailStore.InboxEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msgid", Hex.encode(e.msgid()));
        m.put("toAddress", e.to());
        m.put("fromAddress", e.from());
        m.put("subject", b64(e.subject()));
        m.put("message", b64(e.body()));
        m.put("encodingType", e.encoding());
        // PyBitmessage's inbox.received is a text column: the API returns the time as a string
        m.put("receivedTime", Long.toString(e.received()));
        m.put("read", e.read() ? 1L : 0L);
        return m;
    }

    private static Map<String, Object> dumpSent(MailStore.SentEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msgid", e.msgid() == null ? "" : Hex.encode(e.msgid()));
        m.put("toAddress", e.to());
        m.put("fromAddress", e.from());
        m.put("subject", b64(e.subject()));
        m.put("message", b64(e.body()));
        m.put("encodingType", e.encoding());
        m.put("lastActionTime", e.lastAction());
        m.put("status", e.status().dbName());
        m.put("ackData", Hex.encode(e.ackData()));
        return m;
    }

    private List<MailStore.InboxEntry> inbox() {
        List<MailStore.InboxEntry> l = new ArrayList<>(ctx.store().inbox(0));
        l.sort(Comparator.comparingLong(MailStore.InboxEntry::received));
        return l;
    }

    private List<MailStore.SentEntry> sent() {
        List<MailStore.SentEntry> l = new ArrayList<>(ctx.store().sent());
        l.sort(Comparator.comparingLong(MailStore.SentEntry::lastAction));
        return l;
    }

    private Object allInbox(Call c) {
        return Map.of("inboxMessages", inbox().stream().map(PyApiMethods::dumpInbox).toList());
    }

    private Object allInboxIds(Call c) {
        return Map.of("inboxMessageIds", inbox().stream().map(e -> Map.of("msgid", Hex.encode(e.msgid()))).toList());
    }

    private Object inboxById(Call c) {
        byte[] msgid = unhex(c.arg(0, null), c);
        Object read = c.arg(1, null);
        if (read != null) {
            checkBool(read, "readStatus", c, ".");
            List<MailStore.InboxEntry> l = ctx.store().inboxByMsgid(msgid);
            if (!l.isEmpty() && l.getFirst().read() != (Boolean) read) {
                ctx.store().setRead(msgid, (Boolean) read);
            }
        }
        List<MailStore.InboxEntry> l = ctx.store().inboxByMsgid(msgid);
        return l.isEmpty() ? null : Map.of("inboxMessage", List.of(dumpInbox(l.getFirst())));
    }

    private Object inboxByReceiver(Call c) {
        String to = str(c.arg(0, null));
        return Map.of("inboxMessages", ctx.store().inbox(0).stream().filter(e -> e.to().equals(to))
                .map(PyApiMethods::dumpInbox).toList());
    }

    private Object undelete(Call c) {
        ctx.store().moveInbox(unhex(c.arg(0, null), c), MailStore.FOLDER_INBOX);
        return "Undeleted message";
    }

    // ------------------------------------------------------------- sent

    private Object allSent(Call c) {
        return Map.of("sentMessages", sent().stream().map(PyApiMethods::dumpSent).toList());
    }

    private Object allSentIds(Call c) {
        return Map.of("sentMessageIds", sent().stream()
                .map(e -> Map.of("msgid", e.msgid() == null ? "" : Hex.encode(e.msgid()))).toList());
    }

    private Object sentById(Call c) {
        List<MailStore.SentEntry> l = ctx.store().sentByMsgid(unhex(c.arg(0, null), c));
        return l.isEmpty() ? null : Map.of("sentMessage", List.of(dumpSent(l.getFirst())));
    }

    private Object sentByAddress(Call c) {
        String from = str(c.arg(0, null));
        return Map.of("sentMessages", sent().stream().filter(e -> e.from().equals(from))
                .map(PyApiMethods::dumpSent).toList());
    }

    private Object sentByAck(Call c) {
        return ctx.store().sentByAck(unhex(c.arg(0, null), c))
                .map(e -> (Object) Map.of("sentMessage", List.of(dumpSent(e)))).orElse(null);
    }

    private Object trash(Call c, boolean inbox, boolean sent, String answer) {
        byte[] msgid = unhex(c.arg(0, null), c);
        if (inbox) {
            ctx.store().moveInbox(msgid, MailStore.FOLDER_TRASH);
        }
        if (sent) {
            ctx.store().moveSent("msgid", msgid, MailStore.FOLDER_TRASH);
        }
        return answer;
    }

    private Object trashSentByAck(Call c) {
        ctx.store().moveSent("ackdata", unhex(c.arg(0, null), c), MailStore.FOLDER_TRASH);
        return "Trashed sent message (assuming message existed).";
    }

    // ---------------------------------------------------------- sending

    /** Checks shared by sendMessage and sendBroadcast, in PyBitmessage's order; returns {subject, message}. */
    private byte[][] sendChecks(Call c, int first, long encoding) {
        if (encoding != 2 && encoding != 3) {
            throw new ApiError(6, "The encoding type must be 2 or 3.");
        }
        byte[] subject = unbase64(c.arg(first, null), c);
        byte[] message = unbase64(c.arg(first + 1, null), c);
        if (subject.length + message.length > (1 << 18) - 500) {
            throw new ApiError(27, "Message is too long.");
        }
        return new byte[][] {subject, message};
    }

    private void checkFrom(String from) {
        verify(from);
        Map<String, String> s = ctx.identities().load().section(from);
        if (s.isEmpty()) {
            throw new ApiError(13, "Could not find your fromAddress in the keys.dat file.");
        }
        if (!KeysDat.isTrue(s.get("enabled"))) {
            throw new ApiError(14, "Your fromAddress is disabled. Cannot send.");
        }
    }

    private static long clampTtl(long ttl) {
        return Math.max(60 * 60, Math.min(28 * 24 * 60 * 60, ttl));
    }

    private Object sendMessage(Call c) {
        long encoding = integer(c.arg(4, 2L), "encodingType");
        byte[][] text = sendChecks(c, 2, encoding);
        long ttl = clampTtl(integer(c.arg(5, DEFAULT_TTL), "TTL"));
        String to = addBM(str(c.arg(0, null)));
        String from = addBM(str(c.arg(1, null)));
        checkFrom(from);
        Address toAddr;
        try {
            toAddr = Address.decode(to);
        } catch (AddressException e) {
            // PyBitmessage's helper_sent.insert returns None for a bad toAddress, and hexlify(None)'s
            // TypeError mentions "argument", so it is reported as an argument-count problem
            throw argumentError(c.method(), methods.get(c.method()), c.args().size(),
                    "b2a_hex() argument 1 must be string or buffer, not None");
        }
        return queue(toAddr.encode(), from, toAddr.stream(), false, text, ttl, encoding);
    }

    private Object sendBroadcast(Call c) {
        long encoding = integer(c.arg(3, 2L), "encodingType");
        byte[][] text = sendChecks(c, 1, encoding);
        clampTtl(integer(c.arg(4, DEFAULT_TTL), "TTL"));
        String from = addBM(str(c.arg(0, null)));
        checkFrom(from);
        // PyBitmessage does not pass the TTL argument on: broadcasts get keys.dat's ttl setting
        long ttl = DEFAULT_TTL;
        String configured = settings().getOrDefault("ttl", "").strip();
        if (!configured.isEmpty()) {
            try {
                ttl = clampTtl(Long.parseLong(configured));
            } catch (NumberFormatException e) {
                throw new ApiError(21, "Unexpected API Failure - invalid literal for int() with base 10: '"
                        + configured + "'");
            }
        }
        return queue(STR_BROADCAST_SUBSCRIBERS, from, PyAddress.decode(from).stream(), true, text, ttl, encoding);
    }

    /** Into the sent folder the way every face queues (the node's agent does the PoW); returns the ackdata. */
    private String queue(String to, String from, long stream, boolean broadcast, byte[][] text, long ttl,
            long encoding) {
        long id = outbox.queueForNode(AckData.stealthLevel(settings()), broadcast, from, to, stream,
                text(text[0]), text(text[1]), ttl, encoding, now());
        return Hex.encode(ctx.store().sentEntry(id).orElseThrow().ackData());
    }

    private Object getStatus(Call c) {
        Object a = c.arg(0, null);
        if (str(a).length() < 76) {
            throw new ApiError(15, "Invalid ackData object size.");
        }
        return ctx.store().sentByAck(unhex(a, c)).map(e -> e.status().dbName()).orElse("notfound");
    }

    // ---------------------------------------------------- subscriptions

    private Object addSubscription(Call c) {
        Object labelArg = c.arg(1, "");
        String label = "";
        if (truthy(labelArg)) {
            byte[] l = unbase64(labelArg, c);
            if (!isUtf8(l)) {
                throw new ApiError(17, "Label is not valid UTF-8 data.");
            }
            label = new String(l, StandardCharsets.UTF_8);
        }
        verify(c.arg(0, null));
        Address a = bmtoolAddress(addBM(str(c.arg(0, null))));
        if (!ctx.store().subscribe(a, label, now())) {
            throw new ApiError(16, "You are already subscribed to that address.");
        }
        return "Added subscription.";
    }

    private Object deleteSubscription(Call c) {
        try {
            ctx.store().unsubscribe(Address.decode(addBM(str(c.arg(0, null)))));
        } catch (AddressException e) {
            // PyBitmessage deletes by the string; no such row can exist
        }
        return "Deleted subscription if it existed.";
    }

    private Object listSubscriptions(Call c) {
        List<Object> out = new ArrayList<>();
        for (MailStore.Subscription s : ctx.store().subscriptions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", b64(s.label()));
            m.put("address", s.address().encode());
            m.put("enabled", true); // bmtool's subscriptions are always active
            out.add(m);
        }
        return Map.of("subscriptions", out);
    }

    // ------------------------------------------------------ dissemination

    private Object disseminate(Call c) {
        byte[] payload = unhex(c.arg(0, null), c);
        long ntpb = integer(c.arg(1, NETWORK_NTPB), "nonceTrialsPerByte");
        long extra = integer(c.arg(2, NETWORK_EXTRA), "payloadLengthExtraBytes");
        if (payload.length < 8) {
            throw new ApiError(21, "Unexpected API Failure - unpack requires a string argument of length 8");
        }
        if (payload.length < 20) {
            throw new ApiError(21, "Unexpected API Failure - unpack requires a string argument of length 12");
        }
        BitmessageObject o;
        try {
            o = BitmessageObject.read(payload);
        } catch (ProtocolException e) {
            throw new ApiError(26, "Data contains a malformed varint. Some details: " + e.getMessage());
        }
        long nonce = ByteBuffer.wrap(payload, 0, 8).getLong();
        NodeLink node = node();
        if (nonce == 0) {
            if (ctx.pow() == null) {
                throw new ApiError(21, "Unexpected API Failure - no proof-of-work engine");
            }
            // PyBitmessage: TTL = expiresTime - time.time() + 300 (a float), then its sender formula
            double ttl = o.expiresTime() - System.currentTimeMillis() / 1000.0 + 300;
            long target = PowMath.senderTarget(o.length(), Math.max(0, (long) Math.ceil(ttl)), ntpb, extra);
            PowScheduler.Outcome done = ctx.pow().solve(new PowJob(PowMath.initialHash(o.bytesWithoutNonce()), target),
                    null);
            if (!done.found()) {
                throw new ApiError(21, "Unexpected API Failure - the proof of work was stopped");
            }
            o = o.withNonce(done.result().nonce());
        }
        try {
            return node.submit(o.write());
        } catch (NodeLink.RejectedException e) {
            throw new ApiError(21, "Unexpected API Failure - " + e.getMessage());
        }
    }

    private Object disseminatePubkey(Call c) {
        unhex(c.arg(0, null), c);
        throw new ApiError(21, "Unexpected API Failure - disseminatePubkey takes pre-v3 pubkeys, which the network no"
                + " longer accepts; use disseminatePreparedObject");
    }

    /**
     * PyBitmessage checks the hex string's length against 32 (so it wants a 16-byte value) and
     * compares it with bytes 17..49 of each stored msg object (a pre-v3 layout): kept as is.
     */
    private Object messageDataByHash(Call c) {
        Object h = c.arg(0, null);
        if (str(h).length() != 32) {
            throw new ApiError(19, "The length of hash should be 32 bytes (encoded in hex thus 64 characters).");
        }
        byte[] wanted = unhex(h, c);
        List<Object> out = new ArrayList<>();
        NodeLink node = node();
        long after = 0;
        while (true) {
            List<NodeLink.Stored> batch = node.objects(BitmessageObject.TYPE_MSG, null, after, 500, 0);
            for (NodeLink.Stored st : batch) {
                byte[] raw = st.raw();
                byte[] tag = Arrays.copyOfRange(raw, Math.min(17, raw.length), Math.min(49, raw.length));
                if (Arrays.equals(tag, wanted)) {
                    out.add(Map.of("data", Hex.encode(raw)));
                }
            }
            if (batch.isEmpty()) {
                break; // not "fewer than asked for": a link may cap its pages lower
            }
            after = batch.getLast().seq();
        }
        return Map.of("receivedMessageDatas", out);
    }

    // -------------------------------------------------------------- node

    private Object clientStatus(Call c) {
        NodeLink.Status status = node().status();
        long established = status.connections().stream().filter(NodeLink.PeerConnection::established).count();
        boolean inbound = status.connections().stream().anyMatch(p -> p.established() && p.inbound());
        Map<Long, Long> byType = status.objectsByTypeSinceStart();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkConnections", established);
        m.put("numberOfMessagesProcessed", byType.getOrDefault(2L, 0L));
        m.put("numberOfBroadcastsProcessed", byType.getOrDefault(3L, 0L));
        m.put("numberOfPubkeysProcessed", byType.getOrDefault(1L, 0L));
        m.put("pendingDownload", status.pendingDownload());
        m.put("networkStatus", established == 0 ? "notConnected"
                : inbound ? "connectedAndReceivingIncomingConnections"
                        : "connectedButHaveNotReceivedIncomingConnections");
        m.put("softwareName", "bmtool");
        m.put("softwareVersion", ctx.softwareVersion());
        return m;
    }

    private Object listConnections(Call c) {
        List<Object> in = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (NodeLink.PeerConnection conn : node().connections()) {
            String peer = conn.peer();
            int colon = peer.lastIndexOf(':');
            String host = peer.substring(0, Math.max(0, colon)).replace("[", "").replace("]", "");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", host);
            m.put("port", Long.parseLong(peer.substring(colon + 1)));
            m.put("fullyEstablished", conn.established());
            m.put("userAgent", String.valueOf(conn.userAgent()));
            (conn.inbound() ? in : out).add(m);
        }
        return Map.of("inbound", in, "outbound", out);
    }

    /** Python's a + b for the values XML-RPC and JSON carry; other mixes fail as Python's TypeError would. */
    private static Object concat(Object a, Object b, Call c) {
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        boolean na = a instanceof Long || a instanceof Boolean || a instanceof Double;
        boolean nb = b instanceof Long || b instanceof Boolean || b instanceof Double;
        if (na && nb) {
            if (a instanceof Double || b instanceof Double) {
                return number(a, "a") + number(b, "b");
            }
            return integer(a, "a") + integer(b, "b");
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> l = new ArrayList<>(x);
            l.addAll(y);
            return l;
        }
        String ta = pyType(a, c.unicode()).replaceAll("<type '(.*)'>", "$1");
        String tb = pyType(b, c.unicode()).replaceAll("<type '(.*)'>", "$1");
        if (a instanceof String && !(b instanceof String)) {
            throw new ApiError(21, "Unexpected API Failure - cannot concatenate '" + ta + "' and '" + tb + "' objects");
        }
        throw new ApiError(21, "Unexpected API Failure - unsupported operand type(s) for +: '" + ta + "' and '" + tb
                + "'");
    }

    /** MailAgent's name for the to-address of broadcasts, the same string PyBitmessage uses. */
    static {
        if (!MailAgent.BROADCAST_TO.equals(STR_BROADCAST_SUBSCRIBERS)) {
            throw new AssertionError("broadcast to-address differs");
        }
    }
}
