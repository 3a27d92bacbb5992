package dev.bmtool.cli.mail;

import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.node.mail.MailPow;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code --engine} for the messaging commands through the {@link PowScheduler}: {@code auto}
 * (CPU for small jobs, CPU and every OpenCL device for large ones), {@code cpu}, {@code simd},
 * {@code scalar}, {@code opencl}.
 */
final class PowEngines {
    private PowEngines() {
    }

    static MailPow.Solver open(String kind, Consumer<String> problems) {
        return open(kind, problems, null);
    }

    /** With {@code progress}: a line every few seconds while a long job runs (rate, done, ETA). */
    static MailPow.Solver open(String kind, Consumer<String> problems, Consumer<String> progress) {
        PowScheduler.EngineKind k;
        try {
            k = PowScheduler.EngineKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine: " + e.getMessage());
        }
        PowScheduler scheduler;
        try {
            scheduler = PowScheduler.open(new PowScheduler.Options(k, 0, false), problems);
        } catch (IllegalStateException e) {
            throw new UsageException("--engine " + kind + ": " + e.getMessage());
        }
        return new MailPow.Solver() {
            @Override
            public MailPow.Solved solve(PowJob job, BooleanSupplier cancelled) {
                PowScheduler.Outcome o = scheduler.solve(job, new PowScheduler.Listener() {
                    private long lastPrint = System.nanoTime();

                    @Override
                    public boolean cancelled() {
                        return cancelled.getAsBoolean();
                    }

                    @Override
                    public void progress(PowScheduler.Progress p) {
                        long now = System.nanoTime();
                        if (progress == null || now - lastPrint < 3_000_000_000L) {
                            return;
                        }
                        lastPrint = now;
                        progress.accept(String.format(Locale.ROOT,
                                "  proof of work: %.1f M trials (%.0f%% of expected), %.2f M/s, ETA %d s",
                                p.trials() / 1e6, 100 * p.fraction(), p.rate() / 1e6, p.eta().toSeconds()));
                    }
                });
                if (!o.found()) {
                    throw new IllegalStateException("proof of work on " + o.engine() + " ended without a nonce: "
                            + o.result().status());
                }
                return new MailPow.Solved(o.result().nonce(), o.engine(), o.result().trials());
            }

            @Override
            public void close() {
                scheduler.close();
            }
        };
    }
}
