package dev.bmtool.core.pow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The native PoW search library ({@code libbmtoolpow.so}, built from {@code core/src/main/c} by
 * Maven where a C compiler is installed), bound through JNI (the FFM linker would cost about
 * 90 ms of class generation at every JVM start; see pow_jni.c). Compiled C needs no JIT
 * warm-up, which the Vector API engine does (about a second of C2 compilation on a 2-core
 * machine, the whole budget of a one-shot job; docs/benchmarks.md), and its AVX-512 code is
 * faster even once that is compiled.
 *
 * <p>The library travels as a resource of this module; from a jar it is copied to a temporary
 * file first, since the dynamic linker loads only files, unless {@value #DIR_PROPERTY} names a
 * folder holding a copy (the launcher's, made at build time). Anything that goes wrong (not built, a
 * platform it was not built for, a temp directory mounted noexec, native access denied) becomes
 * {@link #problem()}, and the Java engines are used.
 */
final class NativePow {
    /** The implementations of pow.h, index = id. */
    private static final String[] IMPL_NAMES = {"", "generic", "avx2", "avx512"};

    private static final class Holder {
        static final NativePow LIB;
        static final String PROBLEM;

        static {
            NativePow lib = null;
            String problem;
            try {
                lib = load();
                problem = null;
            } catch (IOException | RuntimeException | LinkageError e) {
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            LIB = lib;
            PROBLEM = problem;
        }
    }

    /** One implementation of the library: its id in pow.h, name and lanes. */
    record Implementation(int id, String name, int lanes) {
    }

    private final List<Implementation> available;

    private NativePow(List<Implementation> available) {
        this.available = available;
    }

    private static native int best0();

    private static native int lanes0(int impl);

    private static native long search0(int impl, byte[] initialHash, long target, long start, long count, long[] value);

    /** The library, or empty with {@link #problem()} saying why. */
    static Optional<NativePow> get() {
        return Optional.ofNullable(Holder.LIB);
    }

    /** Why the native library cannot be used here, if it cannot. */
    static Optional<String> problem() {
        return Optional.ofNullable(Holder.PROBLEM);
    }

    /** The resource path of the library for this JVM's platform. */
    static String resource() {
        String arch = System.getProperty("os.arch", "");
        arch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : "other";
        return "/native/" + os + "-" + arch + "/libbmtoolpow.so";
    }

    /** System property naming a folder that holds the library (the launcher sets it; see cli/src/build). */
    static final String DIR_PROPERTY = "bmtool.native.dir";

    private static NativePow load() throws IOException {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && Files.isRegularFile(Path.of(dir, "libbmtoolpow.so"))) {
            try {
                System.load(Path.of(dir, "libbmtoolpow.so").toAbsolutePath().toString());
            } catch (UnsatisfiedLinkError e) {
                throw new IllegalStateException("native PoW library in " + dir + " does not load (" + e.getMessage() + ")", e);
            }
            return bind();
        }
        URL url = NativePow.class.getResource(resource());
        if (url == null) {
            throw new IllegalStateException("native PoW library not built for this platform ("
                    + resource().substring(8) + "; building it needs a C compiler)");
        }
        Path file;
        if (url.getProtocol().equals("file")) {
            try {
                file = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("native PoW library at an odd path: " + url, e);
            }
        } else {
            file = Files.createTempFile("bmtoolpow-", ".so");
            try (InputStream in = url.openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            System.load(file.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("native PoW library does not load (" + e.getMessage()
                    + "; a temporary directory mounted noexec?)", e);
        } finally {
            if (!url.getProtocol().equals("file")) {
                Files.deleteIfExists(file); // mapped by now; nothing left behind in /tmp
            }
        }
        return bind();
    }

    /** Asks the loaded library what this CPU runs. */
    private static NativePow bind() {
        int bestId = best0();
        List<Implementation> available = new ArrayList<>();
        for (int id = IMPL_NAMES.length - 1; id >= 1; id--) { // best first
            int lanes = lanes0(id);
            if (lanes >= 1 && id <= bestId) {
                available.add(new Implementation(id, IMPL_NAMES[id], lanes));
            }
        }
        if (available.isEmpty() || available.getFirst().id() != bestId) {
            throw new IllegalStateException("native PoW library reports implementation " + bestId + " as its best, "
                    + "and " + available + " as available");
        }
        return new NativePow(List.copyOf(available));
    }

    /** What this CPU runs, best first: avx512 (8 nonces per pass), avx2 (5: 4 vector lanes, 1 scalar), generic (1). */
    List<Implementation> implementations() {
        return available;
    }

    /** The best of {@link #implementations()}. */
    Implementation best() {
        return available.getFirst();
    }

    /**
     * With {@code impl}, searches {@code count} nonces from {@code start} (count >= 1, not wrapping
     * past 2^64-1); returns the offset of the first one meeting {@code target}, its trial value
     * in {@code value[0]}, or -1.
     */
    long search(Implementation impl, byte[] initialHash, long target, long start, long count, long[] value) {
        long r = search0(impl.id(), initialHash, target, start, count, value);
        if (r < -1) {
            throw new IllegalArgumentException("native PoW search refused its arguments (initial hash of "
                    + initialHash.length + " bytes, value array of " + value.length + ")");
        }
        return r;
    }
}
