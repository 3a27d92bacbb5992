package dev.bmtool.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.ProtocolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysDatTest {
    /** A keys.dat as PyBitmessage writes it (chan "general" and the v3 key pair of vectors 4.4). */
    static final String SAMPLE = """
            [bitmessagesettings]
            settingsversion = 10
            port = 8444
            timeformat = %%c

            [BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r]
            label = [chan] general
            enabled = true
            decoy = false
            chan = true
            noncetrialsperbyte = 1000
            payloadlengthextrabytes = 1000
            privsigningkey = 5Jnbdwc4u4DG9ipJxYLznXSvemkRFueQJNHujAQamtDDoX3N1eQ
            privencryptionkey = 5JrDcFtQDv5ydcHRW6dfGUEvThoxCCLNEUaxQfy8LXXgTJzVAcq
            lastpubkeysendtime = 0

            # a comment
            [BM-2DAjcCFrqFrp88FUxExhJ9kPqHdunQmiyn]
            label = Nuked Address
            enabled = false
            decoy = false
            noncetrialsperbyte = 320
            payloadlengthextrabytes = 14000
            privsigningkey = 5KU2gbe9u4rKJ8PHYb1rvwMnZnAJj4gtV5GLwoYckeYzygWUzB9
            privencryptionkey = 5KHd4c6cavd8xv4kzo3PwnVaYuBgEfg7voPQ5V97aZKgpYBXGck
            mailinglistname: list

            [BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK]
            label = broken
            privsigningkey = 5KU2gbe9u4rKJ8PHYb1rvwMnZnAJj4gtV5GLwoYckeYzygWUzB9
            privencryptionkey = 5KHd4c6cavd8xv4kzo3PwnVaYuBgEfg7voPQ5V97aZKgpYBXGck
            """;

    @Test
    void parsesPyBitmessageFile() {
        KeysDat k = KeysDat.parse(SAMPLE);
        KeysDat.Identities ids = k.identities();
        assertEquals(2, ids.identities().size());
        assertEquals(1, ids.problems().size()); // keys do not belong to that address
        Identity chan = ids.identities().get(0);
        assertTrue(chan.chan());
        assertEquals("[chan] general", chan.label());
        assertEquals("0", chan.settings().get("lastpubkeysendtime"));
        Identity nuked = ids.identities().get(1);
        assertFalse(nuked.enabled());
        assertEquals(320, nuked.nonceTrialsPerByte());
        assertEquals(14000, nuked.payloadLengthExtraBytes());
        assertEquals("list", nuked.settings().get("mailinglistname"));
        assertEquals("8444", k.section("bitmessagesettings").get("port"));
    }

    @Test
    void roundTripKeepsEverything() {
        KeysDat k = KeysDat.parse(SAMPLE);
        KeysDat again = KeysDat.parse(k.write());
        assertEquals(k.sectionNames(), again.sectionNames());
        for (String s : k.sectionNames()) {
            assertEquals(k.section(s), again.section(s), s);
        }
        // re-putting identities keeps their unknown keys
        for (Identity id : again.identities().identities()) {
            again.put(id);
        }
        assertEquals("0", again.section("BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r").get("lastpubkeysendtime"));
        assertEquals(k.identities().identities(), again.identities().identities());
    }

    @Test
    void malformedLines() {
        assertThrows(ProtocolException.class, () -> KeysDat.parse("key = value\n"));
        assertThrows(ProtocolException.class, () -> KeysDat.parse("[x\n"));
        assertThrows(ProtocolException.class, () -> KeysDat.parse("[x]\njunk\n"));
    }

    @Test
    void storeMergesAtomicallyWith0600(@TempDir Path dir) throws Exception {
        IdentityStore store = new IdentityStore(dir.resolve("data"));
        assertEquals(List.of(), store.list());
        Identity chan = AddressGenerator.chan("bitmessage");
        store.add(chan);
        assertEquals(List.of(chan), store.list());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        IdentityStore.MergeResult r = store.merge(KeysDat.parse(SAMPLE));
        assertEquals(2, r.added().size());
        assertEquals(1, r.problems().size());
        assertEquals(3, store.list().size());
        IdentityStore.MergeResult again = store.merge(KeysDat.parse(SAMPLE));
        assertEquals(0, again.added().size());
        assertEquals(2, again.alreadyPresent().size());
        assertEquals("10", store.load().section("bitmessagesettings").get("settingsversion"));
        // no temporary files left behind (only keys.dat and its lock file)
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(List.of("keys.dat", "keys.dat.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void concurrentAddsKeepEveryIdentity(@TempDir Path dir) throws Exception {
        IdentityStore store = new IdentityStore(dir);
        List<Identity> ids = List.of(AddressGenerator.chan("a"), AddressGenerator.chan("b"),
                AddressGenerator.chan("c"), AddressGenerator.chan("d"));
        ids.parallelStream().forEach(store::add);
        assertEquals(4, store.list().size());
    }

    @Test
    void failedWriteLeavesNothingBehind(@TempDir Path dir) throws Exception {
        // keys.dat is a non-empty directory: the final rename must fail
        Path blocker = dir.resolve(IdentityStore.FILE_NAME);
        Files.createDirectories(blocker.resolve("inside"));
        IdentityStore store = new IdentityStore(dir);
        KeysDat k = KeysDat.withDefaults();
        k.put(AddressGenerator.chan("general"));
        assertThrows(java.io.UncheckedIOException.class, () -> store.save(k));
        assertTrue(Files.isDirectory(blocker.resolve("inside")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // the temporary file was removed
        }
    }
}
