package dev.bmtool.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.store.NodeDatabase;
import dev.bmtool.node.store.ObjectStore;
import dev.bmtool.node.store.Peer;
import dev.bmtool.node.store.PeerStore;
import dev.bmtool.node.store.StoredObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private static BitmessageObject obj(long type, long version, long expires, byte[] payload) {
        return BitmessageObject.of(7, expires, type, version, 1, payload);
    }

    @Test
    void storesListsAndSurvivesReopen() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        byte[] tag = new byte[32];
        tag[0] = 0x42;
        byte[] pubkeyPayload = new byte[200];
        System.arraycopy(tag, 0, pubkeyPayload, 0, 32);
        BitmessageObject a = obj(BitmessageObject.TYPE_PUBKEY, 4, now + 1000, pubkeyPayload);
        BitmessageObject b = obj(BitmessageObject.TYPE_MSG, 1, now + 1000, new byte[50]);
        BitmessageObject old = obj(BitmessageObject.TYPE_MSG, 1, now - 7200, new byte[51]);
        try (NodeDatabase db = NodeDatabase.open(dir.resolve("objects.db"))) {
            ObjectStore s = new ObjectStore(db);
            assertTrue(s.put(a, now));
            assertFalse(s.put(a, now), "a second put of the same object is not new");
            assertTrue(s.put(b, now));
            assertTrue(s.put(old, now));
            assertEquals(3, s.count());
            assertEquals("ok", db.integrityCheck());
        }
        try (NodeDatabase db = NodeDatabase.open(dir.resolve("objects.db"))) {
            ObjectStore s = new ObjectStore(db);
            assertEquals(3, s.count());
            byte[] ha = PowMath.inventoryHash(a.write());
            assertTrue(s.contains(ha));
            assertArrayEquals(a.write(), s.getRaw(ha).orElseThrow());
            List<StoredObject> pubkeys = s.list(BitmessageObject.TYPE_PUBKEY, null, 0, 100, false);
            assertEquals(1, pubkeys.size());
            assertArrayEquals(tag, pubkeys.get(0).tag());
            assertNull(pubkeys.get(0).raw());
            assertEquals(1, s.list(null, tag, 0, 100, true).size());
            assertEquals(0, s.list(null, new byte[32], 0, 100, true).size());
            assertNull(s.list(BitmessageObject.TYPE_MSG, null, 0, 100, false).get(0).tag(), "msg has no tag");
            assertEquals(2, s.inventory(now).size(), "expired object not in the inventory");
            assertEquals(1, s.deleteExpired(now, 3600));
            assertEquals(2, s.count());
            long first = s.list(null, null, 0, 1, false).get(0).seq();
            assertEquals(1, s.list(null, null, first, 100, false).size());
        }
    }

    @Test
    void countsByTypeFromATime() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        try (NodeDatabase db = NodeDatabase.open(dir.resolve("objects.db"))) {
            ObjectStore s = new ObjectStore(db);
            s.put(obj(BitmessageObject.TYPE_MSG, 1, now + 1000, new byte[50]), now - 100); // before: not counted
            s.put(obj(BitmessageObject.TYPE_MSG, 1, now + 1000, new byte[51]), now);
            s.put(obj(BitmessageObject.TYPE_MSG, 1, now + 1000, new byte[52]), now + 5);
            s.put(obj(BitmessageObject.TYPE_BROADCAST, 4, now + 1000, new byte[53]), now);
            assertEquals(java.util.Map.of(BitmessageObject.TYPE_MSG, 2L, BitmessageObject.TYPE_BROADCAST, 1L),
                    s.countByTypeReceivedSince(now));
            assertEquals(java.util.Map.of(), s.countByTypeReceivedSince(now + 6));
        }
    }

    @Test
    void tagOnlyForTaggedTypes() {
        byte[] p = new byte[40];
        p[0] = 1;
        assertEquals(32, ObjectStore.tagOf(obj(BitmessageObject.TYPE_GETPUBKEY, 4, 1, p)).length);
        assertNull(ObjectStore.tagOf(obj(BitmessageObject.TYPE_GETPUBKEY, 3, 1, p)));
        assertEquals(32, ObjectStore.tagOf(obj(BitmessageObject.TYPE_BROADCAST, 5, 1, p)).length);
        assertNull(ObjectStore.tagOf(obj(BitmessageObject.TYPE_BROADCAST, 4, 1, p)));
        assertNull(ObjectStore.tagOf(obj(BitmessageObject.TYPE_PUBKEY, 4, 1, new byte[10])), "too short for a tag");
    }

    @Test
    void peerTableSeedsRatesAndForgets() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        try (NodeDatabase db = NodeDatabase.open(dir.resolve("objects.db"))) {
            PeerStore p = new PeerStore(db);
            p.seedDefaults(now);
            assertEquals(PeerStore.DEFAULT_NODES.size(), p.count());
            p.seedDefaults(now);
            assertEquals(PeerStore.DEFAULT_NODES.size(), p.count(), "seeding twice adds nothing");
            p.heard("1.2.3.4", 8444, 1, 1, now - 100, "addr");
            p.heard("1.2.3.4", 8444, 1, 3, now - 10, "addr");
            Peer one = p.list(100).stream().filter(x -> x.host().equals("1.2.3.4")).findFirst().orElseThrow();
            assertEquals(now - 10, one.lastSeen());
            assertEquals(3, one.services());
            assertEquals(1, p.recent(now, 500).size(), "defaults are 28 d old, not recent");
            p.rate("1.2.3.4", 8444, -0.7, 0);
            p.heard("9.9.9.9", 8444, 1, 1, now - 4 * 3600, "addr");
            p.rate("9.9.9.9", 8444, -0.6, 0);
            p.heard("127.0.0.1", 9000, 1, 1, now - 40L * 24 * 3600, "config");
            // defaults are 28 d - 10 min old: they go 10 minutes later
            assertEquals(1, p.cleanup(now), "9.9.9.9: bad rating and not seen for 3 h");
            assertEquals(PeerStore.DEFAULT_NODES.size(), p.cleanup(now + 601));
            assertTrue(p.list(100).stream().anyMatch(x -> x.source().equals("config")), "configured peers kept");
            assertTrue(p.list(100).stream().anyMatch(x -> x.host().equals("1.2.3.4")), "seen recently: kept");
        }
    }
}
