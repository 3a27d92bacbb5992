package dev.bmtool.node.mail;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Proof of work for the objects the mail agent sends, with the sender target of brief 7.3
 * (TTL taken when the search starts). The solver is pluggable: the default uses every CPU
 * thread on the fastest CPU engine; the CLI plugs in the scheduler (GPU when present).
 */
public final class MailPow implements AutoCloseable {

    /** Finds a nonce for a job; returns the engine's name with the result. */
    public interface Solver extends AutoCloseable {
        /** Solves {@code job}; gives up (throws) soon after {@code cancelled} turns true. */
        Solved solve(PowJob job, BooleanSupplier cancelled);

        @Override
        default void close() {
        }
    }

    /** A found nonce and what found it. */
    public record Solved(long nonce, String engine, long trials) {
    }

    /** A finished object with its PoW statistics. */
    public record Done(BitmessageObject object, String engine, long trials, Duration elapsed, long target) {
    }

    private final Solver solver;
    private final LongSupplier clock;
    private volatile boolean closed;

    public MailPow(Solver solver, LongSupplier clock) {
        this.solver = solver;
        this.clock = clock;
    }

    /** All CPU threads on the best CPU engine. */
    public static Solver cpuSolver() {
        PowEngine engine = CpuEngines.allCores();
        return new Solver() {
            @Override
            public Solved solve(PowJob job, BooleanSupplier cancelled) {
                PowMonitor monitor = new PowMonitor() {
                    @Override
                    public boolean isCancelled() {
                        return cancelled.getAsBoolean();
                    }

                    @Override
                    public void addTrials(long trials) {
                    }
                };
                PowResult r = engine.search(job, NonceRange.from(0), monitor);
                if (!r.found()) {
                    throw new IllegalStateException("proof of work failed: " + r.status());
                }
                return new Solved(r.nonce(), engine.name(), r.trials());
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    /** Does the PoW for {@code o} (nonce ignored) with the given difficulty; returns the object with its nonce. */
    public Done work(BitmessageObject o, long nonceTrialsPerByte, long extraBytes) {
        long ttl = Math.max(0, o.expiresTime() - clock.getAsLong());
        return workToTarget(o, PowMath.senderTarget(o.length(), ttl, nonceTrialsPerByte, extraBytes));
    }

    /** Does the PoW for {@code o} (nonce ignored) to a target the caller computed. */
    public Done workToTarget(BitmessageObject o, long target) {
        byte[] initial = PowMath.initialHash(o.bytesWithoutNonce());
        long t0 = System.nanoTime();
        if (closed) {
            throw new IllegalStateException("proof of work stopped: shutting down");
        }
        Solved s = solver.solve(new PowJob(initial, target), () -> closed || Thread.currentThread().isInterrupted());
        if (!PowMath.meets(s.nonce(), initial, target)) {
            throw new IllegalStateException("engine " + s.engine() + " returned a nonce that does not meet the target");
        }
        return new Done(o.withNonce(s.nonce()), s.engine(), s.trials(), Duration.ofNanos(System.nanoTime() - t0),
                target);
    }

    @Override
    public void close() {
        closed = true;
        solver.close();
    }
}
