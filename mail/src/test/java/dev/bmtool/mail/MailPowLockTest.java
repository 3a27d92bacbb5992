package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Identity;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.service.PowService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent's lock is free while a proof of work runs: receiving and other calls go on. */
@Timeout(60)
class MailPowLockTest {
    @TempDir
    Path dir;

    private final List<byte[]> submitted = new CopyOnWriteArrayList<>();
    private final NodeLink link = new NodeLink() {
        @Override
        public String submit(byte[] object) {
            submitted.add(object.clone());
            return dev.bmtool.core.encoding.Hex.encode(PowMath.inventoryHash(object));
        }

        @Override
        public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
            return List.of();
        }

        @Override
        public String describe() {
            return "test";
        }
    };

    @Test
    void aBroadcastsProofOfWorkDoesNotHoldTheAgentsLock() throws Exception {
        Identity me = MailTesting.newIdentity(dir, "me");
        CountDownLatch searching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a PoW backend that waits for the test before it answers (with a real nonce)
        PowService pow = PowService.of((job, listener) -> {
            searching.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            PowResult r = CpuEngines.scalar().search(job, NonceRange.from(0), PowMonitor.NONE);
            return new PowScheduler.Outcome(r, "test", Duration.ZERO);
        });
        // own threads: the common pool may have a single worker, which the waiting broadcast occupies
        try (MailStore store = MailStore.open(dir);
                ExecutorService threads = Executors.newCachedThreadPool()) {
            MailAgent agent = new MailAgent(dir, store, link, pow, MailTesting.SETTINGS, MailAgent.Listener.NONE,
                    MailAgent::systemClock);
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(
                    () -> agent.broadcast(me.address(), "s", "b", 3600), threads);
            assertTrue(searching.await(30, TimeUnit.SECONDS), "the proof of work started");
            // while it runs: synchronized methods of the agent answer at once, and receiving works
            CompletableFuture<Long> other = CompletableFuture.supplyAsync(agent::skipped, threads);
            assertEquals(0L, other.get(5, TimeUnit.SECONDS));
            assertEquals(0, CompletableFuture.supplyAsync(() -> agent.poll(0), threads).get(5, TimeUnit.SECONDS));
            assertTrue(submitted.isEmpty());
            release.countDown();
            long id = sent.get(30, TimeUnit.SECONDS);
            assertEquals(1, submitted.size());
            assertEquals(MailStore.BROADCAST_SENT, store.sentEntry(id).orElseThrow().status());
        } finally {
            pow.close();
        }
    }

    @Test
    void aMsgsProofOfWorkInTheTimersDoesNotHoldTheAgentsLock() throws Exception {
        Identity me = MailTesting.newIdentity(dir, "me");
        CountDownLatch searching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PowService pow = PowService.of((job, listener) -> {
            searching.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            PowResult r = CpuEngines.scalar().search(job, NonceRange.from(0), PowMonitor.NONE);
            return new PowScheduler.Outcome(r, "test", Duration.ZERO);
        });
        try (MailStore store = MailStore.open(dir);
                ExecutorService threads = Executors.newCachedThreadPool()) {
            MailAgent agent = new MailAgent(dir, store, link, pow, MailTesting.SETTINGS, MailAgent.Listener.NONE,
                    MailAgent::systemClock);
            // to ourselves: the pubkey is known, so the timers go straight to the msg's proof of work
            long first = agent.queue(me.address(), me.address(), "s", "b", 3600, 2);
            CompletableFuture<Void> tick = CompletableFuture.runAsync(agent::tick, threads);
            assertTrue(searching.await(30, TimeUnit.SECONDS), "the proof of work started");
            assertEquals(MailStore.DOING_MSG_POW, store.sentEntry(first).orElseThrow().status());
            // while it runs, another face queues a message and reads the agent's counters
            long second = CompletableFuture.supplyAsync(
                    () -> agent.queue(me.address(), me.address(), "t", "c", 3600, 2), threads).get(5, TimeUnit.SECONDS);
            assertEquals(MailStore.AWAITING_PUBKEY, store.sentEntry(second).orElseThrow().status());
            assertEquals(0L, CompletableFuture.supplyAsync(agent::skipped, threads).get(5, TimeUnit.SECONDS));
            assertTrue(submitted.isEmpty());
            release.countDown();
            tick.get(30, TimeUnit.SECONDS);
            assertEquals(MailStore.MSG_SENT_NO_ACK, store.sentEntry(first).orElseThrow().status());
        } finally {
            pow.close();
        }
    }
}
