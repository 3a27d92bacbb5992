package dev.bmtool.pow.opencl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Compiled kernel binaries on disk, keyed by a hash of everything that affects them (kernel
 * source, build options, platform, device and driver), so a warm start skips the OpenCL C
 * compiler. Cache problems are never fatal: the kernel is then built from source.
 */
final class ProgramCache {
    private final Path dir;

    ProgramCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The default directory: system property {@code bmtool.opencl.cache}, else env
     * {@code BMTOOL_OPENCL_CACHE}, else {@code $XDG_CACHE_HOME/bmtool/opencl}, else
     * {@code ~/.cache/bmtool/opencl}. An empty value disables the cache (returns null).
     */
    static Path defaultDir() {
        String p = System.getProperty("bmtool.opencl.cache");
        if (p == null) {
            p = System.getenv("BMTOOL_OPENCL_CACHE");
        }
        if (p != null) {
            return p.isBlank() ? null : Paths.get(p);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("bmtool").resolve("opencl");
    }

    static String key(OpenClDevice d, String buildOptions, String source) {
        return KernelSource.sha256(source, buildOptions, d.platformName(), d.platformVersion(), d.name(),
                d.vendor(), d.driverVersion(), d.deviceVersion());
    }

    private Path file(String key) {
        return dir.resolve(key + ".bin");
    }

    byte[] load(String key) {
        if (dir == null) {
            return null;
        }
        try {
            Path f = file(key);
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void store(String key, byte[] binary) {
        if (dir == null || binary == null || binary.length == 0) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, binary);
            Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk only costs a rebuild next time
        }
    }

    void remove(String key) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException | RuntimeException e) {
            // ignore: see store
        }
    }
}
