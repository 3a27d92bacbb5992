package dev.bmtool.pow.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowEngineProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery and the provider: never a crash, one clear line per problem. */
class OpenClEngineProviderTest {

    @Test
    void registeredForTheServiceLoader() {
        boolean found = false;
        for (PowEngineProvider p : ServiceLoader.load(PowEngineProvider.class)) {
            if (p instanceof OpenClEngineProvider) {
                found = true;
                assertEquals("opencl", p.kind());
                assertTrue(p.accelerated());
            }
        }
        assertTrue(found);
    }

    @Test
    void aMissingNativeLibraryIsOneLineNotACrash() {
        List<String> problems = new ArrayList<>();
        OpenClEngineProvider p = new OpenClEngineProvider(() -> {
            throw new UnsatisfiedLinkError("libOpenCL.so.1: cannot open shared object file");
        }, null);
        List<PowEngine> engines = p.open(problems::add);
        assertTrue(engines.isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("OpenCL unavailable: "), problems.get(0));
        assertTrue(problems.get(0).contains("libOpenCL"), problems.get(0));
    }

    @Test
    void withoutTheOpenClLibraryDiscoveryStopsBeforeJocl() {
        // JOCL prints its own load failure on stdout (corrupting --json); discovery must not get there
        OpenClPlatforms.Discovery d = OpenClPlatforms.discover(List.of("libbmtool-no-such-opencl.so.1"));
        assertTrue(d.devices().isEmpty());
        assertEquals(1, d.problems().size(), d.problems().toString());
        assertTrue(d.problems().get(0).startsWith("OpenCL unavailable: no OpenCL library (libbmtool-no-such-opencl.so.1)"),
                d.problems().get(0));
        assertTrue(OpenClLibrary.firstLoadable(List.of("libbmtool-no-such-opencl.so.1")).isEmpty());
        assertEquals("libc.so.6", OpenClLibrary.firstLoadable(List.of("libbmtool-no-such.so", "libc.so.6")).orElseThrow());
    }

    @Test
    void discoveryProblemsArePassedOn() {
        List<String> problems = new ArrayList<>();
        OpenClEngineProvider p = new OpenClEngineProvider(
                () -> new OpenClPlatforms.Discovery(List.of(), List.of("OpenCL: no platform found")), null);
        assertTrue(p.open(problems::add).isEmpty());
        assertEquals(List.of("OpenCL: no platform found"), problems);
    }

    @Test
    void offersAcceleratorsOnlyForNonCpuDevicesWithoutOpeningAnything() {
        OpenClPlatforms.Discovery d = OpenClPlatforms.discover();
        int[] calls = {0};
        OpenClEngineProvider p = new OpenClEngineProvider(() -> {
            calls[0]++;
            return d;
        }, PoclEngines.options());
        assertEquals(d.devices().stream().anyMatch(x -> !x.isCpu()), p.offersAccelerators());
        assertEquals(1, calls[0]);
        OpenClEngineProvider none = new OpenClEngineProvider(() -> {
            throw new UnsatisfiedLinkError("libOpenCL.so.1: cannot open shared object file");
        }, null);
        assertEquals(false, none.offersAccelerators());
        OpenClDevice cpu = PoclEngines.first().device();
        OpenClEngineProvider onlyCpu = new OpenClEngineProvider(
                () -> new OpenClPlatforms.Discovery(cpu.isCpu() ? List.of(cpu) : List.of(), List.of()), null);
        assertEquals(false, onlyCpu.offersAccelerators());
    }

    @Test
    void opensOneEnginePerDevice() {
        List<String> problems = new ArrayList<>();
        OpenClEngineProvider p = new OpenClEngineProvider(OpenClPlatforms::discover, PoclEngines.options());
        List<PowEngine> engines = p.open(problems::add);
        try {
            assertEquals(OpenClPlatforms.discover().devices().size(), engines.size(), problems.toString());
            assertTrue(!engines.isEmpty());
            for (PowEngine e : engines) {
                assertTrue(e.name().startsWith("opencl:"), e.name());
            }
        } finally {
            engines.forEach(PowEngine::close);
        }
    }

    /**
     * A fresh cache directory: built from source, then loaded from the cache. The variant (two
     * nonces per item, the rotate() builtin) is one the other tests do not build, so this also
     * checks it. (Rotate variant 3 is checked by the GPU benchmark's self-test only: pocl takes
     * minutes to compile it.)
     */
    @Test
    void programBinariesAreCached(@TempDir Path dir) {
        OpenClDevice d = PoclEngines.first().device();
        OpenClEngine.Options o = PoclEngines.options().withCacheDir(dir).withNoncesPerItem(2).withRotate(1);
        try (OpenClEngine a = OpenClEngine.open(d, o, null)) {
            assertTrue(!a.programFromCache());
        }
        try (OpenClEngine b = OpenClEngine.open(d, o, null)) {
            assertTrue(b.programFromCache());
            byte[] ih = KernelSelfTest.IH;
            long start = 0xFFFFFFFFL - 20;
            long[] want = new long[41];
            for (int i = 0; i < want.length; i++) {
                want[i] = dev.bmtool.core.pow.PowMath.trialValue(start + i, ih);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(want, b.trialValues(ih, start, want.length));
            // a search whose only winner may sit at either nonce of a work item
            long best = -1L;
            long bestNonce = 0;
            for (int i = 0; i < want.length; i++) {
                if (Long.compareUnsigned(want[i], best) < 0) {
                    best = want[i];
                    bestNonce = start + i;
                }
            }
            assertEquals(bestNonce, b.search(new dev.bmtool.core.pow.PowJob(ih, best),
                    new dev.bmtool.core.pow.NonceRange(start, want.length), dev.bmtool.core.pow.PowMonitor.NONE).nonce());
            assertEquals(OpenClEngineTest.SAMPLE_NONCE, b.search(
                    new dev.bmtool.core.pow.PowJob(ih, OpenClEngineTest.SAMPLE_TARGET),
                    new dev.bmtool.core.pow.NonceRange(OpenClEngineTest.SAMPLE_NONCE - 7, 20),
                    dev.bmtool.core.pow.PowMonitor.NONE).nonce());
        }
    }

    @Test
    void aCorruptCacheEntryIsRebuilt(@TempDir Path dir) throws Exception {
        OpenClDevice d = PoclEngines.first().device();
        OpenClEngine.Options o = PoclEngines.options().withCacheDir(dir);
        String key = ProgramCache.key(d, o.buildOptions(), KernelSource.text());
        Files.write(dir.resolve(key + ".bin"), "not a binary".getBytes(StandardCharsets.UTF_8));
        try (OpenClEngine e = OpenClEngine.open(d, o, null)) {
            assertTrue(!e.programFromCache());
            assertTrue(e.selfTest(KernelSelfTest.IH, 100, 16));
        }
    }

    /** No ICD at all (OCL_ICD_VENDORS pointing at an empty directory), in a child JVM. */
    @Test
    void noDriverInstalledIsOneLine(@TempDir Path empty) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ProviderProbe.class.getName());
        pb.environment().put("OCL_ICD_VENDORS", empty.toString() + File.separator);
        pb.environment().put("OPENCL_VENDOR_PATH", empty.toString());
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "child JVM hung");
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.contains("engines=0"), out);
        assertTrue(out.contains("problem: OpenCL: no platform found"), out);
        assertTrue(!out.contains("Exception"), out);
    }

    @Test
    void optionsFromSystemProperties() {
        System.setProperty("bmtool.opencl.npi", "4");
        System.setProperty("bmtool.opencl.rotate", "1");
        try {
            OpenClEngine.Options o = OpenClEngine.Options.defaults();
            assertEquals(4, o.noncesPerItem());
            assertEquals(1, o.rotate());
            System.setProperty("bmtool.opencl.rotate", "fast");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    OpenClEngine.Options::defaults);
            assertTrue(e.getMessage().contains("bmtool.opencl.rotate"), e.getMessage());
            // the provider turns it into one line, no engines, no exception
            List<String> problems = new ArrayList<>();
            assertTrue(new OpenClEngineProvider().open(problems::add).isEmpty());
            assertTrue(problems.stream().anyMatch(p -> p.contains("bmtool.opencl.rotate")), problems.toString());
        } finally {
            System.clearProperty("bmtool.opencl.npi");
            System.clearProperty("bmtool.opencl.rotate");
        }
    }
}
