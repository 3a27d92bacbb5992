package dev.bmtool.cli.object;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.crypto.DecryptionException;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.MsgContent;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.message.SenderKeys;
import dev.bmtool.core.object.BitmessageObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool object decrypt}: decrypts a msg (recipient's encryption key, or every identity in
 * the store), a broadcast or a v4 pubkey (address-derived key as WIF, or {@code --address}), or
 * reads a cleartext v2/v3 pubkey; prints the fields and whether the signature verifies. Exit 0
 * only when the signature verifies and the sender is consistent with the object.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt a msg, broadcast or pubkey object and verify its signature.")
public final class ObjectDecryptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ObjectInput input;

    @Option(names = "--key-wif", paramLabel = "WIF",
            description = "msg: recipient's private encryption key; broadcast/pubkey: the address-derived key.")
    String keyWif;

    @Option(names = "--address", paramLabel = "ADDRESS|NAME",
            description = "broadcast/pubkey: the sender's address, contact name or identity label (derives the key"
                    + " and checks the sender).")
    String address;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        BitmessageObject obj = input.load(System.in);
        PrivateKey key;
        try {
            key = keyWif == null ? null : Wif.decode(keyWif);
        } catch (dev.bmtool.core.encoding.ProtocolException e) {
            throw new UsageException("--key-wif: not a valid WIF private key (" + e.getMessage() + ")");
        }
        Address addr = address == null ? null
                : dev.bmtool.cli.AddressNames.any(dev.bmtool.cli.Cli.root(spec).dataDir(), address, "--address");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", obj.typeName());
        m.put("version", obj.version());
        m.put("stream", obj.stream());
        m.put("expiresTime", obj.expiresTime());
        boolean ok;
        long type = obj.objectType();
        if (type == BitmessageObject.TYPE_MSG) {
            if (addr != null) {
                throw new UsageException("a msg is decrypted with the recipient's key: use --key-wif, not --address");
            }
            ok = msg(obj, key, m);
        } else if (type == BitmessageObject.TYPE_BROADCAST) {
            if (key == null && addr == null) {
                throw new UsageException("a broadcast needs --key-wif (address-derived key) or --address");
            }
            ObjectCrypto.DecryptedBroadcast d = addr != null ? ObjectCrypto.decryptBroadcast(obj, addr)
                    : ObjectCrypto.decryptBroadcast(obj, key);
            m.put("sender", d.sender().encode());
            m.put("signatureValid", d.signatureValid());
            m.put("senderMatches", d.senderMatches());
            sender(d.content().sender(), m);
            message(d.content().encoding(), d.content().message(), m);
            ok = d.signatureValid() && d.senderMatches();
        } else if (type == BitmessageObject.TYPE_PUBKEY) {
            ObjectCrypto.DecryptedPubkey d;
            if (obj.version() == 4) {
                if (key == null && addr == null) {
                    throw new UsageException("a v4 pubkey needs --key-wif (address-derived key) or --address");
                }
                d = addr != null ? ObjectCrypto.decryptPubkey(obj, addr) : ObjectCrypto.decryptPubkey(obj, key);
            } else {
                d = addr != null ? ObjectCrypto.decryptPubkey(obj, addr) : ObjectCrypto.readPubkey(obj);
            }
            m.put("address", d.address().encode());
            m.put("signatureValid", d.signatureValid());
            m.put("addressMatches", d.addressMatches());
            sender(d.content().keys(), m);
            ok = d.signatureValid() && d.addressMatches();
        } else {
            throw new UsageException("object type " + m.get("type") + " is not encrypted; nothing to decrypt");
        }
        print(m);
        if (!ok) {
            Cli.err(spec).println("bmtool: signature or sender check failed");
            Cli.err(spec).flush();
            return 1;
        }
        return 0;
    }

    private boolean msg(BitmessageObject obj, PrivateKey key, Map<String, Object> m) {
        ObjectCrypto.DecryptedMsg d = null;
        Identity recipient = null;
        if (key != null) {
            d = ObjectCrypto.decryptMsg(obj, key);
        } else {
            // try every stored identity, like PyBitmessage does with its own keys
            ObjectCrypto.ReceivedMsg got = ObjectCrypto.tryDecryptMsg(obj,
                    new IdentityStore(Cli.root(spec).dataDir()).list()).orElseThrow(() -> new DecryptionException(
                            "none of the stored identities can decrypt this msg (give --key-wif)"));
            d = got.msg();
            recipient = got.recipient();
            m.put("recipient", recipient.address().encode());
        }
        MsgContent c = d.content();
        m.put("sender", d.sender().encode());
        m.put("signatureValid", d.signatureValid());
        m.put("destinationRipe", Hex.encode(c.destinationRipe()));
        boolean destOk = true;
        if (recipient != null) {
            destOk = d.isFor(recipient.address().ripe());
            m.put("destinationMatches", destOk);
        }
        sender(c.sender(), m);
        message(c.encoding(), c.message(), m);
        m.put("ackDataLength", c.ackData().length);
        return d.signatureValid() && destOk;
    }

    private static void sender(SenderKeys k, Map<String, Object> m) {
        m.put("bitfield", k.bitfield());
        m.put("publicSigningKey", Hex.encode(k.signingKey().bytes()));
        m.put("publicEncryptionKey", Hex.encode(k.encryptionKey().bytes()));
        m.put("nonceTrialsPerByte", k.nonceTrialsPerByte());
        m.put("payloadLengthExtraBytes", k.payloadLengthExtraBytes());
    }

    private static void message(long encoding, byte[] message, Map<String, Object> m) {
        m.put("encoding", MessageEncoding.name(encoding));
        if (encoding == MessageEncoding.SIMPLE || encoding == MessageEncoding.TRIVIAL
                || encoding == MessageEncoding.EXTENDED) {
            try {
                MessageEncoding.Text t = MessageEncoding.decode(encoding, message);
                m.put("subject", t.subject());
                m.put("body", t.body());
            } catch (ProtocolException e) {
                m.put("messageError", e.getMessage());
                m.put("messageHex", Hex.encode(message));
            }
        } else {
            m.put("messageHex", Hex.encode(message));
        }
    }

    private void print(Map<String, Object> m) {
        if (json.on()) {
            Cli.printJson(spec, m);
            return;
        }
        PrintWriter out = Cli.out(spec);
        for (var e : m.entrySet()) {
            if (e.getKey().equals("body")) {
                continue;
            }
            out.printf("%-24s %s%n", e.getKey() + ":", e.getValue());
        }
        if (m.containsKey("body")) {
            out.println("body:");
            out.println(m.get("body"));
        }
        out.flush();
    }
}
