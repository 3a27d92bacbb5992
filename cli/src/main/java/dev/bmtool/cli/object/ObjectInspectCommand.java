package dev.bmtool.cli.object;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.BroadcastPayload;
import dev.bmtool.core.object.GetPubkeyPayload;
import dev.bmtool.core.object.MsgPayload;
import dev.bmtool.core.object.ObjectPayload;
import dev.bmtool.core.object.OnionPeerPayload;
import dev.bmtool.core.object.PubkeyPayload;
import dev.bmtool.core.object.UnknownPayload;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool object inspect}: header fields, hashes and a payload summary. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show an object's header fields, inventory hash and payload summary.")
public final class ObjectInspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ObjectInput input;

    @Option(names = "--at", paramLabel = "EPOCH_SECONDS", description = "Time to compute the TTL left at (default: now).")
    Long at;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        BitmessageObject o = input.load(System.in);
        long now = at != null ? at : System.currentTimeMillis() / 1000;
        Map<String, Object> m = describe(o, now);
        if (json.on()) {
            Cli.printJson(spec, m);
        } else {
            PrintWriter out = Cli.out(spec);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.printf("%-16s %s%n", e.getKey() + ":", e.getValue());
            }
            out.flush();
        }
        return 0;
    }

    /** All inspect fields, in display order. */
    static Map<String, Object> describe(BitmessageObject o, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", o.typeName());
        m.put("objectType", ObjectFormat.u64(o.objectType()));
        m.put("version", ObjectFormat.u64(o.version()));
        m.put("stream", ObjectFormat.u64(o.stream()));
        m.put("nonce", Hex.encode(o.write()).substring(0, 16));
        m.put("expiresTime", ObjectFormat.u64(o.expiresTime()));
        m.put("expires", ObjectFormat.isoTime(o.expiresTime()));
        BigInteger ttl = ObjectFormat.ttl(o.expiresTime(), now);
        m.put("ttl", ttl.bitLength() < 63 ? (Object) ttl.longValue() : ttl);
        m.put("ttlLeft", ObjectFormat.describeTtl(ttl));
        m.put("length", o.length());
        m.put("payloadLength", o.length() - o.payloadOffset());
        m.put("inventoryHash", Hex.encode(o.inventoryHash()));
        m.put("initialHash", Hex.encode(o.initialHash()));
        m.put("trialValue", ObjectFormat.u64(o.trialValue()));
        try {
            payloadSummary(o.decodePayload(), m);
        } catch (ProtocolException e) {
            m.put("payloadError", e.getMessage());
        }
        return m;
    }

    private static void payloadSummary(ObjectPayload p, Map<String, Object> m) {
        switch (p) {
            case GetPubkeyPayload g -> m.put(g.hasTag() ? "tag" : "ripe", Hex.encode(g.ripeOrTag()));
            case PubkeyPayload k -> {
                if (k.isEncrypted()) {
                    m.put("tag", Hex.encode(k.tag().orElseThrow()));
                    m.put("encryptedLength", k.encrypted().length);
                } else {
                    m.put("behaviorBitfield", String.format("%08x", k.behaviorBitfield()));
                    m.put("signingKey", Hex.encode(k.signingKey()));
                    m.put("encryptionKey", Hex.encode(k.encryptionKey()));
                    k.nonceTrialsPerByte().ifPresent(v -> m.put("nonceTrialsPerByte", ObjectFormat.u64(v)));
                    k.extraBytes().ifPresent(v -> m.put("extraBytes", ObjectFormat.u64(v)));
                    k.signature().ifPresent(s -> m.put("signatureLength", s.length));
                }
            }
            case MsgPayload msg -> m.put("encryptedLength", msg.encrypted().length);
            case BroadcastPayload b -> {
                b.tag().ifPresent(t -> m.put("tag", Hex.encode(t)));
                m.put("encryptedLength", b.encrypted().length);
            }
            case OnionPeerPayload op -> {
                m.put("onionHost", op.hostName());
                m.put("onionPort", op.port());
            }
            case UnknownPayload u -> m.put("payload", "unknown type/version, " + u.write().length + " bytes");
        }
    }
}
