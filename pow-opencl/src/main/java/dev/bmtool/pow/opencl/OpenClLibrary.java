package dev.bmtool.pow.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the system's OpenCL library (the ICD loader) can be loaded, asked before JOCL is
 * touched: when JOCL's native code fails to load it, it prints "Could not load libOpenCL.so.1"
 * on the process's standard output, which would corrupt {@code --json} output on every machine
 * without OpenCL.
 */
final class OpenClLibrary {
    /** The names JOCL itself tries on Linux, in its order. */
    static final List<String> LINUX_NAMES = List.of("libOpenCL.so.1", "libOpenCL.so");

    private OpenClLibrary() {
    }

    /**
     * The first of {@code names} that the dynamic linker loads, or empty when none does. The
     * library stays loaded (JOCL loads it next anyway).
     */
    static Optional<String> firstLoadable(List<String> names) {
        for (String name : names) {
            try {
                SymbolLookup.libraryLookup(name, Arena.global());
                return Optional.of(name);
            } catch (IllegalArgumentException | IllegalCallerException e) {
                // not found, or native access not granted: try the next one
            }
        }
        return Optional.empty();
    }

    /**
     * Empty when OpenCL may be loaded (or this is not Linux, where JOCL's own loading is quiet
     * enough), else the one-line problem.
     */
    static Optional<String> problem(List<String> names) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || firstLoadable(names).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("OpenCL unavailable: no OpenCL library (" + String.join(", ", names)
                + "); install an OpenCL driver, e.g. Debian's ocl-icd-libopencl1 with pocl-opencl-icd"
                + " or your GPU vendor's");
    }
}
