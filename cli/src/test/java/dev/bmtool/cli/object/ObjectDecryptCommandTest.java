package dev.bmtool.cli.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.address.CliRunner;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.object.BitmessageObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ObjectDecryptCommandTest {

    /** vectors.md 8.4 V1Msg.payload. */
    private static final String V1MSG = """
            0000000008b9af4b00000000558419c5000000020101b849bacfeafde7aec236
            a5313110e5e202ca0020520106fea8e1e9abf56566d593362d46812bb0fe539f
            6314f4fc36fc5d073e1f0020eb1db953332c8a52fd107768d61e4a65ccbaac08
            453d77a9fee4ebc0566576edf2554d9a704a53d568e01cee8dadc8ef3d028bed
            eabe85605430e7130c2c06fdf8268f388225942964a70a162002b477c04b0423
            84e7846c6c42df9b68daf448d06b0af89612cab22ba5787722f17a0490d29e44
            b08834a35b9e995fef2cb6559fa5595620cb1de338d3dbe2e1113b3d44726674
            760190f0d93a1428aa62554b62a729816b45e0f43ac6a918288c1e7312a0f16a
            2cb34831d4005295ddb6265f1a0102157706ea29bb5dbc5427d1906d2a81f6b9
            def325f14db8f2f7d0ede2be812e305c4ffb3aa18404eb50d2afe675276ba78a
            28ca3bcc349ac986c46287a3c7157d2a2f9cca4f0d3a3ea179413dac02d4991f
            e32051c46300671a7a37df1fcb68e827ebfd27a82c15a4bee8639ce9c9c3c540
            8abd6ee287db3dcae161853a6a1156f01b6731aa243fd0e096ae7d29ed5cf5ca
            61acd8e0026ddd4d86a53f5ad6e754873705b17eb8215ec3976a30cd""";

    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        all[2] = "object";
        all[3] = "decrypt";
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRunner.run(cl, all);
    }

    @Test
    void realMsgWithWif() throws Exception {
        Path f = dir.resolve("V1Msg.hex");
        Files.writeString(f, V1MSG);
        CliRunner.Result r = run(f.toString(), "--key-wif", "5KUSCKA5Pg5gKr358PEs1ygHvgWfxAD61gDHh1ofNxy2a2dLQVu",
                "--json");
        assertEquals(0, r.rc(), r.err());
        Map<String, Object> m = Json.parseObject(r.out());
        assertEquals("msg", m.get("type"));
        assertEquals("BM-2cXxfcSetKnbHJX2Y85rSkaVpsdNUZ5q9h", m.get("sender"));
        assertEquals(true, m.get("signatureValid"));
        assertEquals("Test", m.get("subject"));
        assertEquals("Hallo, das ist ein Test von der v4-Adresse", m.get("body"));
        // raw binary file works too, and text output
        Path bin = dir.resolve("V1Msg.payload");
        Files.write(bin, Hex.decode(V1MSG));
        CliRunner.Result t = run(bin.toString(), "--key-wif", "5KUSCKA5Pg5gKr358PEs1ygHvgWfxAD61gDHh1ofNxy2a2dLQVu");
        assertEquals(0, t.rc(), t.err());
        assertTrue(t.out().contains("Hallo, das ist ein Test"), t.out());
    }

    @Test
    void wrongKeyFailsCleanly() {
        CliRunner.Result r = run("--hex", V1MSG.replaceAll("\\s", ""), "--key-wif",
                "5JFMokYtcBU7Kaj5HBmbdeWWygzHKfFPucft74K7W2jxKNJj5YU");
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("bmtool: "), r.err());
        assertTrue(r.err().contains("MAC"), r.err());
    }

    @Test
    void msgWithStoredIdentityAndBroadcastWithAddress() {
        SecureRandom rnd = new SecureRandom();
        Identity alice = AddressGenerator.random("alice", 4, 1, 1, rnd);
        Identity bob = AddressGenerator.random("bob", 4, 1, 1, rnd);
        new IdentityStore(dir.resolve("data")).add(bob);
        BitmessageObject msg = ObjectCrypto.encryptMsg(alice, bob.address(), bob.publicEncryptionKey(),
                MessageEncoding.SIMPLE, MessageEncoding.encodeSimple("hi", "there"), new byte[0], 1_800_000_000L);
        CliRunner.Result r = run("--hex", Hex.encode(msg.write()), "--json");
        assertEquals(0, r.rc(), r.err());
        Map<String, Object> m = Json.parseObject(r.out());
        assertEquals(bob.address().encode(), m.get("recipient"));
        assertEquals(true, m.get("destinationMatches"));
        assertEquals("there", m.get("body"));

        BitmessageObject bc = ObjectCrypto.encryptBroadcast(alice, MessageEncoding.SIMPLE,
                MessageEncoding.encodeSimple("news", "text"), 1_800_000_000L);
        CliRunner.Result b = run("--hex", Hex.encode(bc.write()), "--address", alice.address().encode(), "--json");
        assertEquals(0, b.rc(), b.err());
        assertEquals("news", Json.parseObject(b.out()).get("subject"));
        CliRunner.Result bw = run("--hex", Hex.encode(bc.write()), "--key-wif",
                Wif.encode(alice.address().broadcastKey()));
        assertEquals(0, bw.rc(), bw.err());
        assertEquals(2, run("--hex", Hex.encode(bc.write())).rc()); // no key given

        BitmessageObject pk = ObjectCrypto.encryptPubkey(alice, 1_800_000_000L);
        CliRunner.Result p = run("--hex", Hex.encode(pk.write()), "--address", alice.address().encode(), "--json");
        assertEquals(0, p.rc(), p.err());
        assertEquals(alice.address().encode(), Json.parseObject(p.out()).get("address"));
    }

    @Test
    void garbageInput() {
        assertEquals(2, run("--hex", "zz").rc()); // not hex: usage error
        assertEquals(1, run("--hex", "00").rc());
        CliRunner.Result wif = run("--hex", ObjectCommandTest.SAMPLE, "--key-wif", "5bad");
        assertEquals(2, wif.rc());
        assertTrue(wif.err().startsWith("bmtool: --key-wif: not a valid WIF private key"), wif.err());
        assertEquals(2, run(dir.resolve("nope").toString()).rc());
    }
}
