package dev.bmtool.pow.opencl.vanity;

import static org.jocl.CL.*;

import dev.bmtool.core.vanity.VanityDeviceData;
import dev.bmtool.core.vanity.VanityEngine;
import dev.bmtool.core.vanity.VanityListener;
import dev.bmtool.core.vanity.VanityPattern;
import dev.bmtool.core.vanity.VanityProgress;
import dev.bmtool.core.vanity.VanityResult;
import dev.bmtool.core.vanity.VanityVerifier;
import dev.bmtool.pow.opencl.OpenClDevice;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * Vanity search on one OpenCL device. Every work item walks its own run of encryption keys
 * ({@link #BATCH} per launch); all share one signing key, which is replaced after each accepted
 * hit so results never share keys. Reports from the device are re-checked on the host (exact
 * pattern test on a Bouncy Castle derivation) before {@link VanityVerifier} builds the result.
 */
public final class OpenClVanityEngine implements VanityEngine, AutoCloseable {
    static final String RESOURCE = "/dev/bmtool/kernels/vanity.cl";
    /** Keys on each side of a work item's centre per launch (private memory grows with it). */
    public static final int HALF = 32;
    /** Candidates per work item per launch. */
    public static final int BATCH = 2 * HALF + 1;
    static final int MAX_HITS = 64;

    private final OpenClDevice device;
    private final int items;
    private final SecureRandom random = new SecureRandom();
    private cl_context context;
    private cl_command_queue queue;
    private cl_program program;
    private cl_kernel kernel;
    /** Device reports the exact host test rejected (more zero bytes than asked, range ends). */
    private volatile long rejectedReports;
    /** Device reports that fail even the device's own (looser) test when redone on the host: a kernel bug. */
    private volatile long badReports;

    private OpenClVanityEngine(OpenClDevice device, int items) {
        this.device = device;
        this.items = items;
    }

    /**
     * Builds the kernel on a device.
     *
     * @param items work items per launch
     * @throws IllegalStateException with one clear line when the device cannot be used
     */
    public static OpenClVanityEngine open(OpenClDevice device, int items) {
        OpenClVanityEngine e = new OpenClVanityEngine(device, items);
        try {
            org.jocl.CL.setExceptionsEnabled(true);
            cl_device_id[] ds = {device.device()};
            e.context = clCreateContext(null, 1, ds, null, null, null);
            e.queue = createQueue(e.context, device.device());
            e.program = clCreateProgramWithSource(e.context, 1, new String[] {source()}, null, null);
            try {
                clBuildProgram(e.program, 1, ds, "-DVHALF=" + HALF + " -DVMAXHITS=" + MAX_HITS, null, null);
            } catch (CLException ex) {
                throw new IllegalStateException(device.label() + ": the vanity kernel does not build: "
                        + buildLog(e.program, ds[0]), ex);
            }
            e.kernel = clCreateKernel(e.program, "vanity_walk", null);
            return e;
        } catch (RuntimeException | LinkageError ex) {
            e.close();
            if (ex instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(device.label() + ": cannot set up OpenCL (" + ex.getMessage() + ")", ex);
        }
    }

    @SuppressWarnings("deprecation")
    private static cl_command_queue createQueue(cl_context ctx, cl_device_id dev) {
        return clCreateCommandQueue(ctx, dev, 0, null);
    }

    static String source() {
        try (InputStream in = OpenClVanityEngine.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + RESOURCE + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static String buildLog(cl_program p, cl_device_id d) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(p, d, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buf = new byte[(int) size[0]];
            clGetProgramBuildInfo(p, d, CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
            String log = new String(buf, StandardCharsets.UTF_8).replace("\0", "").trim();
            String[] lines = log.split("\n");
            return String.join(" | ", java.util.Arrays.copyOf(lines, Math.min(3, lines.length)));
        } catch (RuntimeException e) {
            return "(no build log)";
        }
    }

    @Override
    public String name() {
        return "opencl (" + device.label() + ")";
    }

    long rejectedReports() {
        return rejectedReports;
    }

    long badReports() {
        return badReports;
    }

    /** The kernel's test, on the host: at least zeroBytes zeros; more zeros, or inside a range (ends inclusive). */
    static boolean deviceTest(byte[] ripe, int zeroBytes, long[] ranges, int nranges) {
        int z = 0;
        while (z < 20 && ripe[z] == 0) {
            z++;
        }
        if (z < zeroBytes) {
            return false;
        }
        if (z > zeroBytes || nranges == 0) {
            return true;
        }
        long a = word(ripe, 0, 8);
        long b = word(ripe, 8, 8);
        long c = word(ripe, 16, 4);
        for (int i = 0; i < nranges; i++) {
            int o = 6 * i;
            if (cmp(a, b, c, ranges[o], ranges[o + 1], ranges[o + 2]) >= 0
                    && cmp(a, b, c, ranges[o + 3], ranges[o + 4], ranges[o + 5]) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static long word(byte[] b, int off, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static int cmp(long a1, long b1, long c1, long a2, long b2, long c2) {
        int x = Long.compareUnsigned(a1, a2);
        if (x != 0) {
            return x;
        }
        x = Long.compareUnsigned(b1, b2);
        return x != 0 ? x : Long.compareUnsigned(c1, c2);
    }

    private BigInteger randomKey() {
        BigInteger n = VanityDeviceData.order();
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.compareTo(n) >= 0);
        return k;
    }

    private long[] signingWords(BigInteger signing) {
        return VanityDeviceData.signingPrecompute(VanityDeviceData.publicKey65(signing));
    }

    @Override
    public synchronized List<VanityResult> search(VanityPattern pattern, int count, VanityListener listener)
            throws InterruptedException {
        BigInteger n = VanityDeviceData.order();
        BigInteger[] centers = new BigInteger[items];
        long[] pts = new long[8 * items];
        for (int i = 0; i < items; i++) {
            reseed(centers, pts, i);
        }
        BigInteger signing = randomKey();
        byte[] signingPub = VanityDeviceData.publicKey65(signing);
        long[] table = VanityDeviceData.stepTable(HALF);
        long[] ranges = VanityDeviceData.ranges(pattern);
        int nranges = ranges.length / 6;
        if (ranges.length == 0) {
            ranges = new long[6]; // no zero-size buffers
        }
        int[] hits = new int[1 + 2 * MAX_HITS];
        int[] status = new int[items];
        List<cl_mem> mems = new ArrayList<>();
        List<VanityResult> results = new ArrayList<>();
        try {
            cl_mem ptsBuf = buffer(mems, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, pts);
            cl_mem tabBuf = buffer(mems, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, table);
            cl_mem sigBuf = buffer(mems, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, signingWords(signing));
            cl_mem rangeBuf = buffer(mems, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, ranges);
            cl_mem hitBuf = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) Sizeof.cl_uint * hits.length, null, null);
            mems.add(hitBuf);
            cl_mem statusBuf = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) Sizeof.cl_int * items, null, null);
            mems.add(statusBuf);
            clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(ptsBuf));
            clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(tabBuf));
            clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(sigBuf));
            clSetKernelArg(kernel, 3, Sizeof.cl_mem, Pointer.to(rangeBuf));
            clSetKernelArg(kernel, 4, Sizeof.cl_uint, Pointer.to(new int[] {nranges}));
            clSetKernelArg(kernel, 5, Sizeof.cl_uint, Pointer.to(new int[] {pattern.zeroBytes()}));
            clSetKernelArg(kernel, 6, Sizeof.cl_mem, Pointer.to(hitBuf));
            clSetKernelArg(kernel, 7, Sizeof.cl_mem, Pointer.to(statusBuf));
            long start = System.nanoTime();
            long lastProgress = start;
            long candidates = 0;
            int[] zero = {0};
            while (results.size() < count) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                clEnqueueWriteBuffer(queue, hitBuf, CL_TRUE, 0, Sizeof.cl_uint, Pointer.to(zero), 0, null, null);
                clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {items}, null, 0, null, null);
                clEnqueueReadBuffer(queue, hitBuf, CL_TRUE, 0, (long) Sizeof.cl_uint * hits.length, Pointer.to(hits),
                        0, null, null);
                clEnqueueReadBuffer(queue, statusBuf, CL_TRUE, 0, (long) Sizeof.cl_int * items, Pointer.to(status),
                        0, null, null);
                int reported = Math.min(hits[0], MAX_HITS);
                boolean accepted = false;
                for (int h = 0; h < reported && !accepted; h++) {
                    int gid = hits[1 + 2 * h];
                    int offset = hits[2 + 2 * h];
                    BigInteger key = centers[gid].add(BigInteger.valueOf(offset)).mod(n);
                    byte[] ripe = VanityVerifier.ripe(signingPub, VanityDeviceData.publicKey65(key));
                    if (!pattern.matchesRipe(ripe)) {
                        rejectedReports++;
                        if (!deviceTest(ripe, pattern.zeroBytes(), ranges, nranges)) {
                            badReports++;
                        }
                        continue;
                    }
                    VanityResult r = VanityVerifier.verify(toBytes(signing), toBytes(key), pattern,
                            candidates + (long) items * BATCH);
                    results.add(r);
                    listener.found(r);
                    accepted = true;
                }
                candidates += (long) items * BATCH;
                if (accepted && results.size() < count) {
                    // the other reports of this launch used the old signing key: a fresh identity from here
                    signing = randomKey();
                    signingPub = VanityDeviceData.publicKey65(signing);
                    long[] sw = signingWords(signing);
                    clEnqueueWriteBuffer(queue, sigBuf, CL_TRUE, 0, (long) Sizeof.cl_ulong * sw.length, Pointer.to(sw),
                            0, null, null);
                }
                for (int i = 0; i < items; i++) {
                    if (status[i] != 0) {
                        reseed(centers, pts, i);
                        clEnqueueWriteBuffer(queue, ptsBuf, CL_TRUE, (long) Sizeof.cl_ulong * 8 * i,
                                (long) Sizeof.cl_ulong * 8, Pointer.to(pts).withByteOffset((long) Sizeof.cl_ulong * 8 * i),
                                0, null, null);
                    } else {
                        centers[i] = centers[i].add(BigInteger.valueOf(BATCH)).mod(n);
                    }
                }
                long now = System.nanoTime();
                if (now - lastProgress > 1_000_000_000L && results.size() < count) {
                    lastProgress = now;
                    listener.progress(VanityProgress.of(candidates, (now - start) / 1e9, results.size(), count,
                            pattern.probability()));
                }
            }
        } catch (CLException e) {
            throw new IllegalStateException(device.label() + ": vanity kernel failed (" + e.getMessage() + ")", e);
        } finally {
            for (cl_mem m : mems) {
                clReleaseMemObject(m);
            }
        }
        return List.copyOf(results);
    }

    private void reseed(BigInteger[] centers, long[] pts, int i) {
        long[] p;
        do {
            centers[i] = randomKey();
            p = VanityDeviceData.point(centers[i]);
        } while (p == null);
        System.arraycopy(p, 0, pts, 8 * i, 8);
    }

    private cl_mem buffer(List<cl_mem> mems, long flags, long[] data) {
        cl_mem m = clCreateBuffer(context, flags, (long) Sizeof.cl_ulong * data.length, Pointer.to(data), null);
        mems.add(m);
        return m;
    }

    private static byte[] toBytes(BigInteger k) {
        byte[] raw = k.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    @Override
    public synchronized void close() {
        if (kernel != null) {
            clReleaseKernel(kernel);
            kernel = null;
        }
        if (program != null) {
            clReleaseProgram(program);
            program = null;
        }
        if (queue != null) {
            clReleaseCommandQueue(queue);
            queue = null;
        }
        if (context != null) {
            clReleaseContext(context);
            context = null;
        }
    }
}
