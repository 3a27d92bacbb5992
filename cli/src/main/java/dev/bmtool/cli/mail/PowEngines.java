package dev.bmtool.cli.mail;

import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.MultiThreadPowEngine;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowEngineProvider;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.ScalarPowEngine;
import dev.bmtool.node.mail.MailPow;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * {@code --engine} for the messaging commands: {@code auto} (CPU for small jobs, the first
 * OpenCL device for large ones when there is one), {@code cpu} (all threads, SIMD when
 * available), {@code simd}, {@code scalar}, {@code opencl}.
 */
final class PowEngines {
    /** Jobs expected to need fewer trials stay on the CPU (GPU set-up would cost more). */
    static final double ACCELERATOR_MIN_TRIALS = 1 << 24;

    private PowEngines() {
    }

    static MailPow.Solver open(String kind, Consumer<String> problems) {
        int threads = Runtime.getRuntime().availableProcessors();
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> solver(CpuEngines.allCores(), null);
            case "simd" -> {
                if (!CpuEngines.simdAvailable()) {
                    throw new UsageException("--engine simd: " + CpuEngines.simdProblem().orElse("unavailable"));
                }
                yield solver(CpuEngines.allCores(), null);
            }
            case "scalar" -> solver(MultiThreadPowEngine.of(threads, ScalarPowEngine::new, false), null);
            case "opencl" -> {
                PowEngine gpu = openCl(problems);
                if (gpu == null) {
                    throw new UsageException("--engine opencl: no OpenCL device available");
                }
                yield solver(gpu, null);
            }
            case "auto" -> solver(CpuEngines.allCores(), openCl(problems));
            default -> throw new UsageException("--engine must be auto, cpu, simd, scalar or opencl, got '" + kind + "'");
        };
    }

    private static PowEngine openCl(Consumer<String> problems) {
        try {
            for (PowEngineProvider p : ServiceLoader.load(PowEngineProvider.class)) {
                if (!p.kind().equals("opencl")) {
                    continue;
                }
                List<PowEngine> engines = new ArrayList<>(p.open(problems));
                if (!engines.isEmpty()) {
                    for (PowEngine extra : engines.subList(1, engines.size())) {
                        extra.close();
                    }
                    return engines.getFirst();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            problems.accept("OpenCL unavailable: " + e.getMessage());
        }
        return null;
    }

    /** CPU for small jobs, the accelerator (if any) for large ones. */
    private static MailPow.Solver solver(PowEngine cpu, PowEngine accelerator) {
        return new MailPow.Solver() {
            @Override
            public synchronized MailPow.Solved solve(PowJob job) {
                PowEngine e = accelerator != null && PowMath.expectedTrials(job.target()) >= ACCELERATOR_MIN_TRIALS
                        ? accelerator : cpu;
                PowResult r = e.search(job, NonceRange.from(0), PowMonitor.NONE);
                if (!r.found()) {
                    throw new IllegalStateException("proof of work on " + e.name() + " ended without a nonce: "
                            + r.status());
                }
                return new MailPow.Solved(r.nonce(), e.name(), r.trials());
            }

            @Override
            public void close() {
                cpu.close();
                if (accelerator != null) {
                    accelerator.close();
                }
            }
        };
    }
}
