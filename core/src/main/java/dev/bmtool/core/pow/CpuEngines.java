package dev.bmtool.core.pow;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Factory for the CPU engines. The native engine ({@link NativePow}: C, built with the project
 * where a C compiler is installed) is the first choice when it runs SIMD code here (AVX-512 or
 * AVX2): it needs no JIT warm-up. The SIMD engine needs the incubating {@code jdk.incubator.vector}
 * module in the boot layer (JVM option {@code --add-modules jdk.incubator.vector}); without it,
 * or on hardware whose preferred vector holds a single long, {@link #best()} is the scalar
 * engine. {@code SimdPowEngine} is only loaded after that check, so a JVM without the module
 * never sees a linkage error.
 */
public final class CpuEngines {
    private CpuEngines() {
    }

    /** Name of the Vector API module. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final class Probe {
        static final String PROBLEM = probe();

        private static String probe() {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                return "the JVM runs without --add-modules " + VECTOR_MODULE;
            }
            try {
                int lanes = SimdPowEngine.lanes();
                return lanes < 2 ? "the CPU's preferred vector holds only " + lanes + " 64-bit lane" : null;
            } catch (LinkageError | RuntimeException e) {
                return "the Vector API failed to load: " + e;
            }
        }
    }

    /** True when the SIMD engine can run here. */
    public static boolean simdAvailable() {
        return Probe.PROBLEM == null;
    }

    /** Why the SIMD engine cannot run here, if it cannot. */
    public static Optional<String> simdProblem() {
        return Optional.ofNullable(Probe.PROBLEM);
    }

    /** 64-bit lanes of the SIMD engine (8 with AVX-512, 4 with AVX2), or 1 when unavailable. */
    public static int simdLanes() {
        return simdAvailable() ? SimdPowEngine.lanes() : 1;
    }

    /** True when the native engine's library loaded here. */
    public static boolean nativeAvailable() {
        return NativePow.get().isPresent();
    }

    /** Why the native engine cannot run here, if it cannot. */
    public static Optional<String> nativeProblem() {
        return NativePow.problem();
    }

    /** True when the native engine runs SIMD code here (AVX-512 or AVX2), and so is the CPU engine of choice. */
    public static boolean nativeSimd() {
        return NativePow.get().map(lib -> lib.best().lanes() > 1).orElse(false);
    }

    /** The native implementations this CPU runs, best first ({@code avx512}, {@code avx2}, {@code generic}); empty without the library. */
    public static List<String> nativeImplementations() {
        return NativePow.get().map(lib -> lib.implementations().stream().map(NativePow.Implementation::name).toList())
                .orElse(List.of());
    }

    /** A new single-threaded native engine, best implementation; {@link IllegalStateException} when unavailable. */
    public static PowEngine nativeEngine() {
        NativePow lib = nativeLibrary();
        return new NativePowEngine(lib, lib.best());
    }

    /** A new single-threaded native engine with the named implementation (one of {@link #nativeImplementations()}). */
    public static PowEngine nativeEngine(String implementation) {
        NativePow lib = nativeLibrary();
        for (NativePow.Implementation impl : lib.implementations()) {
            if (impl.name().equals(implementation)) {
                return new NativePowEngine(lib, impl);
            }
        }
        throw new IllegalArgumentException("native implementation '" + implementation + "' does not run here (this CPU runs "
                + nativeImplementations() + ")");
    }

    private static NativePow nativeLibrary() {
        return NativePow.get().orElseThrow(() -> new IllegalStateException(
                "native engine unavailable: " + NativePow.problem().orElse("?")));
    }

    /** A new single-threaded scalar engine. */
    public static PowEngine scalar() {
        return new ScalarPowEngine();
    }

    /** A new single-threaded SIMD engine; {@link IllegalStateException} when unavailable. */
    public static PowEngine simd() {
        if (!simdAvailable()) {
            throw new IllegalStateException("SIMD engine unavailable: " + Probe.PROBLEM);
        }
        return new SimdPowEngine();
    }

    /** The fastest single-threaded engine available: native SIMD, else SIMD, else scalar. */
    public static PowEngine best() {
        return bestFactory().get();
    }

    /** Factory for per-thread engines of the fastest kind available. */
    public static Supplier<PowEngine> bestFactory() {
        return nativeSimd() ? CpuEngines::nativeEngine : simdAvailable() ? SimdPowEngine::new : ScalarPowEngine::new;
    }

    /** All threads of this machine, each with the fastest single-threaded engine. */
    public static MultiThreadPowEngine allCores() {
        return MultiThreadPowEngine.of(Runtime.getRuntime().availableProcessors(), bestFactory(), false);
    }
}
