package dev.bmtool.core.address;

import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.VarInt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Creates identities the way PyBitmessage's addressGenerator does (protocol brief 8.3, 8.4). */
public final class AddressGenerator {
    /** Label prefix PyBitmessage gives chans. */
    public static final String CHAN_LABEL_PREFIX = "[chan] ";

    private AddressGenerator() {
    }

    /** Leading zero bytes required: 1 normally, 2 for a shorter ("eighteenByteRipe") address. */
    public static int zeroBytes(boolean shorter) {
        return shorter ? 2 : 1;
    }

    /**
     * Random identity: one signing key, then fresh encryption keys until the ripe starts with
     * {@code zeroBytes} zero bytes.
     */
    public static Identity random(String label, int version, long stream, int zeroBytes, SecureRandom rnd) {
        checkArgs(version, stream, zeroBytes);
        PrivateKey signing = PrivateKey.random(rnd);
        byte[] pubSig = signing.publicKey().uncompressed();
        while (true) {
            PrivateKey enc = PrivateKey.random(rnd);
            byte[] ripe = Hashes.bm160(Address.concat(pubSig, enc.publicKey().uncompressed()));
            if (leadingZeros(ripe) >= zeroBytes) {
                return Identity.of(label, version, stream, signing, enc);
            }
        }
    }

    /** Walks the deterministic key sequence of one passphrase; keeps its nonce position. */
    public static final class Deterministic {
        private final byte[] passphrase;
        private long signingNonce = 0;

        public Deterministic(byte[] passphrase) {
            this.passphrase = passphrase.clone();
        }

        public Deterministic(String passphrase) {
            this(passphrase.getBytes(StandardCharsets.UTF_8));
        }

        /** The signing nonce the next attempt will use (its encryption nonce is one more). */
        public long signingNonce() {
            return signingNonce;
        }

        /** The next identity whose ripe starts with {@code zeroBytes} zero bytes. */
        public Identity next(String label, int version, long stream, int zeroBytes) {
            checkArgs(version, stream, zeroBytes);
            // Candidates are independent, so a batch is tried in parallel; the first success in
            // nonce order wins, exactly as the sequential PyBitmessage loop would find it.
            int batch = zeroBytes <= 1 ? 64 : 1024;
            while (true) {
                long base = signingNonce;
                byte[][] ripes = new byte[batch][];
                IntStream.range(0, batch).parallel().forEach(i -> ripes[i] = ripe(base + 2L * i));
                for (int i = 0; i < batch; i++) {
                    if (leadingZeros(ripes[i]) >= zeroBytes) {
                        long sn = base + 2L * i;
                        signingNonce = sn + 2;
                        return Identity.of(label, version, stream, PrivateKey.of(key(sn)), PrivateKey.of(key(sn + 1)));
                    }
                }
                signingNonce = base + 2L * batch;
            }
        }

        /** The ripe of the key pair whose signing nonce is {@code sn} (encryption nonce sn + 1). */
        private byte[] ripe(long sn) {
            PrivateKey signing = PrivateKey.of(key(sn));
            PrivateKey enc = PrivateKey.of(key(sn + 1));
            return Hashes.bm160(Address.concat(signing.publicKey().uncompressed(), enc.publicKey().uncompressed()));
        }

        private byte[] key(long nonce) {
            return Arrays.copyOf(Hashes.sha512(passphrase, VarInt.encode(nonce)), 32);
        }
    }

    /** {@code count} deterministic identities from one passphrase (nonces continue between them). */
    public static List<Identity> deterministic(byte[] passphrase, int count, int version, long stream, int zeroBytes) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        Deterministic d = new Deterministic(passphrase);
        List<Identity> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(d.next("", version, stream, zeroBytes));
        }
        return out;
    }

    /** The chan of that name: deterministic v4 address (1 zero byte), passphrase = UTF-8 name. */
    public static Identity chan(String name, long stream) {
        Identity id = new Deterministic(name).next(CHAN_LABEL_PREFIX + name, 4, stream, 1);
        return id.asChan();
    }

    public static Identity chan(String name) {
        return chan(name, 1);
    }

    static int leadingZeros(byte[] b) {
        int i = 0;
        while (i < b.length && b[i] == 0) {
            i++;
        }
        return i;
    }

    private static void checkArgs(int version, long stream, int zeroBytes) {
        if (version < 3 || version > 4) {
            throw new IllegalArgumentException("only address versions 3 and 4 can be generated");
        }
        if (stream < 1) {
            throw new IllegalArgumentException("stream must be >= 1");
        }
        if (zeroBytes < 0 || zeroBytes > 3) {
            throw new IllegalArgumentException("zero bytes must be 0..3");
        }
    }
}
