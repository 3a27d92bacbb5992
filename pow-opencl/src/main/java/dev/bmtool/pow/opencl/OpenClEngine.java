package dev.bmtool.pow.opencl;

import static org.jocl.CL.*;

import dev.bmtool.core.pow.BatchPowEngine;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * Proof of work on one OpenCL device. The context, program, queue and buffers live as long as
 * the engine, so a warm engine starts a job with two small writes. A job runs as a stream of
 * launches, two in flight, each followed by a non-blocking read of the hit counter; launch
 * sizes start small (a short job finishes early) and double up to the size that keeps one
 * launch at about {@link Options#launchMillis()} (cancellation within two launches).
 *
 * <p>Every nonce the device reports is re-checked on the CPU with {@link PowMath#trialValue};
 * a wrong answer disables the engine (one message through the problem sink, then
 * {@link OpenClException} from this and every later search). Thread-safe: searches on one
 * engine are serialised.
 */
public final class OpenClEngine implements BatchPowEngine {
    /** Nonces per launch stay below 2^31: the kernel reports winners as 32-bit launch indexes. */
    static final long MAX_LAUNCH_NONCES = 1L << 31;
    /** Jobs per batch launch (bounded by the device's constant buffer size too). */
    static final int MAX_BATCH = 64;
    /** Work-group size unless {@link Options#localSize()} says otherwise. */
    static final long DEFAULT_LOCAL = 256;

    /**
     * Tunables. {@code noncesPerItem} and {@code rotate} are kernel build options;
     * {@code fixedItems > 0} pins the work items per launch (benchmarks), otherwise it is tuned
     * from measured kernel times; {@code localSize > 0} pins the work-group size.
     */
    public record Options(int noncesPerItem, int rotate, double launchMillis, long fixedItems, long localSize,
                          Path cacheDir) {
        public Options {
            if (noncesPerItem < 1 || noncesPerItem > 1024) {
                throw new IllegalArgumentException("nonces per item must be 1..1024: " + noncesPerItem);
            }
            if (rotate < 1 || rotate > 3) {
                throw new IllegalArgumentException("rotate variant must be 1, 2 or 3: " + rotate);
            }
            if (!(launchMillis > 0 && launchMillis <= 1000)) {
                throw new IllegalArgumentException("launch time must be in (0, 1000] ms: " + launchMillis);
            }
            if (localSize < 0 || fixedItems < 0) {
                throw new IllegalArgumentException("work sizes must not be negative");
            }
        }

        /**
         * One nonce per work item, shift rotates, 10 ms launches, work groups of 256, default
         * cache directory; each can be overridden by a system property or environment variable
         * ({@code bmtool.opencl.npi} / {@code BMTOOL_OPENCL_NPI}, {@code bmtool.opencl.rotate} /
         * {@code BMTOOL_OPENCL_ROTATE}, {@code bmtool.opencl.launch-ms} / {@code BMTOOL_OPENCL_LAUNCH_MS},
         * {@code bmtool.opencl.local} / {@code BMTOOL_OPENCL_LOCAL}). A bad value throws
         * {@link IllegalArgumentException} naming it.
         */
        public static Options defaults() {
            return new Options((int) setting("npi", 1), (int) setting("rotate", 2), setting("launch-ms", 10.0),
                    0, (long) setting("local", 0), ProgramCache.defaultDir());
        }

        /**
         * {@link #defaults()} with the shape saved by {@code bmtool devices --tune} for
         * {@code device}, unless nonces per item or the rotate variant are set explicitly.
         */
        public static Options forDevice(OpenClDevice device) {
            Options o = defaults();
            if (explicit("npi") || explicit("rotate")) {
                return o;
            }
            return OpenClTuning.load(o.cacheDir(), device)
                    .map(t -> o.withNoncesPerItem(t.noncesPerItem()).withRotate(t.rotate()))
                    .orElse(o);
        }

        private static boolean explicit(String name) {
            return System.getProperty("bmtool.opencl." + name) != null
                    || System.getenv("BMTOOL_OPENCL_" + name.toUpperCase(java.util.Locale.ROOT)) != null;
        }

        private static double setting(String name, double dflt) {
            String v = System.getProperty("bmtool.opencl." + name);
            String source = "bmtool.opencl." + name;
            if (v == null) {
                source = "BMTOOL_OPENCL_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
                v = System.getenv(source);
            }
            if (v == null || v.isBlank()) {
                return dflt;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " is not a number: " + v);
            }
        }

        public Options withNoncesPerItem(int n) {
            return new Options(n, rotate, launchMillis, fixedItems, localSize, cacheDir);
        }

        public Options withRotate(int r) {
            return new Options(noncesPerItem, r, launchMillis, fixedItems, localSize, cacheDir);
        }

        public Options withLaunchMillis(double ms) {
            return new Options(noncesPerItem, rotate, ms, fixedItems, localSize, cacheDir);
        }

        public Options withFixedItems(long items) {
            return new Options(noncesPerItem, rotate, launchMillis, items, localSize, cacheDir);
        }

        public Options withLocalSize(long local) {
            return new Options(noncesPerItem, rotate, launchMillis, fixedItems, local, cacheDir);
        }

        public Options withCacheDir(Path dir) {
            return new Options(noncesPerItem, rotate, launchMillis, fixedItems, localSize, dir);
        }

        String buildOptions() {
            return "-D BM_NPI=" + noncesPerItem + " -D BM_ROT=" + rotate;
        }
    }

    private final OpenClDevice device;
    private final Options options;
    private final Consumer<String> problems;
    private final int maxBatch;
    private cl_context context;
    private cl_command_queue queue;
    private cl_program program;
    private cl_kernel searchKernel;
    private cl_kernel batchKernel;
    private cl_kernel trialsKernel;
    /**
     * The largest work group all three kernels accept here (CL_KERNEL_WORK_GROUP_SIZE): with
     * many registers per item a GPU allows less than the device's maximum.
     */
    private long kernelLocalLimit = Long.MAX_VALUE;
    private cl_mem jobBuf;
    private cl_mem batchBuf;
    /** Two result areas (launch parity) of maxBatch {hits, smallest launch index} pairs. */
    private cl_mem resBuf;
    /** Batch jobs solved so far, set by the kernel, cleared per batch. */
    private cl_mem solvedBuf;
    private final ByteBuffer[] resultReads = new ByteBuffer[2];
    private final boolean fromCache;
    private volatile String disabled;
    private volatile boolean closed;
    /** Measured nonces per nanosecond (kernel time), 0 until the first launch. */
    private volatile double rate;
    /** Test hook: rewrites each nonce the device reports before the CPU re-check. */
    private volatile LongUnaryOperator tamper;

    private OpenClEngine(OpenClDevice device, Options options, Consumer<String> problems) {
        this.device = device;
        this.options = options;
        this.problems = problems;
        this.maxBatch = (int) Math.max(1, Math.min(MAX_BATCH, device.maxConstantBufferBytes() / JobRecord.BYTES));
        boolean cached = false;
        try {
            org.jocl.CL.setExceptionsEnabled(true);
            cl_device_id[] ds = {device.device()};
            context = clCreateContext(null, 1, ds, null, null, null);
            queue = createQueue(context, device.device());
            cached = buildProgram(ds);
            searchKernel = clCreateKernel(program, "bm_search", null);
            batchKernel = clCreateKernel(program, "bm_search_batch", null);
            trialsKernel = clCreateKernel(program, "bm_trials", null);
            for (cl_kernel k : new cl_kernel[] {searchKernel, batchKernel, trialsKernel}) {
                kernelLocalLimit = Math.min(kernelLocalLimit, kernelWorkGroupSize(k, device.device()));
            }
            jobBuf = clCreateBuffer(context, CL_MEM_READ_ONLY, JobRecord.BYTES, null, null);
            batchBuf = clCreateBuffer(context, CL_MEM_READ_ONLY, (long) JobRecord.BYTES * maxBatch, null, null);
            resBuf = clCreateBuffer(context, CL_MEM_READ_WRITE, 2L * 2 * Integer.BYTES * maxBatch, null, null);
            solvedBuf = clCreateBuffer(context, CL_MEM_READ_WRITE, (long) Integer.BYTES * maxBatch, null, null);
            for (int i = 0; i < resultReads.length; i++) {
                // direct: the reads are non-blocking and must not target memory the GC may move
                resultReads[i] = ByteBuffer.allocateDirect(2 * Integer.BYTES * maxBatch).order(ByteOrder.nativeOrder());
            }
        } catch (CLException e) {
            releaseAll();
            throw new OpenClException(device.label() + ": cannot set up OpenCL (" + OpenClPlatforms.oneLine(e) + ")", e);
        } catch (RuntimeException | LinkageError e) {
            releaseAll();
            if (e instanceof OpenClException oe) {
                throw oe;
            }
            throw new OpenClException(device.label() + ": cannot set up OpenCL (" + OpenClPlatforms.oneLine(e) + ")", e);
        }
        this.fromCache = cached;
    }

    /**
     * Opens an engine on {@code device}: context, queue, program (from the binary cache when
     * possible), kernels and buffers. Throws {@link OpenClException} with one clear line when
     * the device cannot be used.
     */
    public static OpenClEngine open(OpenClDevice device, Options options, Consumer<String> problems) {
        Objects.requireNonNull(device);
        Objects.requireNonNull(options);
        return new OpenClEngine(device, options, problems == null ? s -> { } : problems);
    }

    @SuppressWarnings("deprecation")
    private static cl_command_queue createQueue(cl_context ctx, cl_device_id dev) {
        // clCreateCommandQueue works on 1.2 and later platforms alike
        return clCreateCommandQueue(ctx, dev, CL_QUEUE_PROFILING_ENABLE, null);
    }

    private boolean buildProgram(cl_device_id[] ds) {
        String source = KernelSource.text();
        String opts = options.buildOptions();
        ProgramCache cache = new ProgramCache(options.cacheDir());
        String key = ProgramCache.key(device, opts, source);
        byte[] bin = cache.load(key);
        if (bin != null) {
            cl_program p = null;
            try {
                p = clCreateProgramWithBinary(context, 1, ds, new long[] {bin.length}, new byte[][] {bin}, null, null);
                clBuildProgram(p, 1, ds, opts, null, null);
                program = p;
                return true;
            } catch (CLException e) {
                if (p != null) {
                    clReleaseProgram(p);
                }
                cache.remove(key); // stale or foreign binary: rebuild below
            }
        }
        program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(program, 1, ds, opts, null, null);
        } catch (CLException e) {
            String log = buildLog(program, ds[0]);
            throw new OpenClException(device.label() + ": the kernel does not build (" + OpenClPlatforms.oneLine(e)
                    + (log.isBlank() ? "" : "): " + firstLines(log, 3)));
        }
        cache.store(key, programBinary(program));
        return false;
    }

    private static String buildLog(cl_program p, cl_device_id d) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(p, d, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buf = new byte[(int) size[0]];
            clGetProgramBuildInfo(p, d, CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
            return new String(buf, StandardCharsets.UTF_8).replace("\0", "").trim();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join(" | ", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }

    private static byte[] programBinary(cl_program p) {
        try {
            long[] size = new long[1];
            clGetProgramInfo(p, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(size), null);
            if (size[0] <= 0 || size[0] > Integer.MAX_VALUE) {
                return null;
            }
            byte[] bin = new byte[(int) size[0]];
            Pointer binPtr = Pointer.to(bin);
            clGetProgramInfo(p, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(binPtr), null);
            return bin;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "opencl:" + device.index();
    }

    public OpenClDevice device() {
        return device;
    }

    /** CPU devices (pocl) compute on the host's cores: {@code auto} leaves them out next to the CPU engines. */
    @Override
    public boolean usesHostCpu() {
        return device.isCpu();
    }

    public Options options() {
        return options;
    }

    /** True when the program came from the on-disk binary cache. */
    public boolean programFromCache() {
        return fromCache;
    }

    /** Why the engine was disabled, or null while it is usable. */
    public String disabledReason() {
        return disabled;
    }

    /** The measured kernel rate in nonces per second (0 before the first launch). */
    public double measuredRate() {
        return rate * 1e9;
    }

    /** Test hook: every nonce the device reports goes through {@code op} before the CPU re-check. */
    void tamperResultsForTest(LongUnaryOperator op) {
        this.tamper = op;
    }

    private void checkUsable() {
        if (closed) {
            throw new OpenClException(device.label() + ": engine is closed");
        }
        String d = disabled;
        if (d != null) {
            throw new OpenClException(d);
        }
    }

    private OpenClException disable(String reason) {
        String msg = device.label() + " disabled: " + reason;
        if (disabled == null) {
            disabled = msg;
            problems.accept(msg);
        }
        return new OpenClException(msg);
    }

    // ---------------------------------------------------------------- single job

    @Override
    public synchronized PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        checkUsable();
        try {
            return runSearch(job, range, monitor);
        } catch (CLException e) {
            throw disable("OpenCL error during search (" + OpenClPlatforms.oneLine(e) + ")");
        }
    }

    /**
     * One launch in flight: its kernel event, the event of the result read, the host buffer
     * that read fills, its first range index and its nonces (in total, and per job of a batch).
     */
    private record Launch(cl_event kernel, cl_event read, ByteBuffer result, long offset, long nonces, long[] perJob) {
    }

    /** Byte offset of result area {@code parity} in resBuf. */
    private long resOffset(int parity) {
        return (long) parity * maxBatch * 2 * Integer.BYTES;
    }

    /** Clears result area {@code parity} for {@code jobs} jobs: hits 0, smallest index 0xffffffff. */
    private void clearResults(int parity, int jobs) {
        clEnqueueFillBuffer(queue, resBuf, Pointer.to(new int[] {0, -1}), 2 * Integer.BYTES, resOffset(parity),
                (long) jobs * 2 * Integer.BYTES, 0, null, null);
    }

    private PowResult runSearch(PowJob job, NonceRange range, PowMonitor monitor) {
        long[] rec = JobRecord.of(job, range);
        clEnqueueWriteBuffer(queue, jobBuf, CL_TRUE, 0, JobRecord.BYTES, Pointer.to(rec), 0, null, null);
        clSetKernelArg(searchKernel, 0, Sizeof.cl_mem, Pointer.to(jobBuf));
        clSetKernelArg(searchKernel, 3, Sizeof.cl_mem, Pointer.to(resBuf));

        final int npi = options.noncesPerItem();
        boolean full = range.size() == 0; // all 2^64 nonces
        long left = range.size();          // unsigned; meaningful when !full
        long offset = 0;                   // next index within the range
        long items = firstItems();
        long trials = 0;
        int parity = 0;
        ArrayDeque<Launch> inFlight = new ArrayDeque<>(2);
        try {
            while (true) {
                while (inFlight.size() < 2 && (full || left != 0) && !monitor.isCancelled()) {
                    long launchItems = roundToLocal(items);
                    long n = launchItems * npi;
                    if (!full && Long.compareUnsigned(n, left) > 0) {
                        n = left; // the kernel skips indexes past the range's last
                    }
                    clearResults(parity, 1);
                    clSetKernelArg(searchKernel, 1, Sizeof.cl_ulong, Pointer.to(new long[] {offset}));
                    clSetKernelArg(searchKernel, 2, Sizeof.cl_uint, Pointer.to(new int[] {parity * maxBatch}));
                    cl_event kev = new cl_event();
                    clEnqueueNDRangeKernel(queue, searchKernel, 1, null, new long[] {launchItems}, localSize(),
                            0, null, kev);
                    ByteBuffer rb = resultReads[parity];
                    cl_event rev = new cl_event();
                    clEnqueueReadBuffer(queue, resBuf, CL_FALSE, resOffset(parity), 2 * Integer.BYTES, Pointer.to(rb),
                            0, null, rev);
                    clFlush(queue);
                    inFlight.add(new Launch(kev, rev, rb, offset, n, null));
                    parity ^= 1;
                    offset += n;
                    left = full ? -n : left - n; // 2^64 - n when the range was all nonces
                    full = false;
                    items = nextItems(items);
                }
                if (inFlight.isEmpty()) {
                    return monitor.isCancelled() ? PowResult.cancelled(trials) : PowResult.exhausted(trials);
                }
                Launch l = inFlight.poll();
                trials += complete(l, monitor);
                if (l.result().getInt(0) != 0) {
                    long index = l.offset() + Integer.toUnsignedLong(l.result().getInt(Integer.BYTES));
                    trials += drain(inFlight, monitor);
                    return verified(job, range, range.start() + index, trials);
                }
                if (monitor.isCancelled()) {
                    trials += drain(inFlight, monitor);
                    return PowResult.cancelled(trials);
                }
            }
        } finally {
            abandon(inFlight); // only after an exception
        }
    }

    private static void abandon(ArrayDeque<Launch> inFlight) {
        for (Launch l : inFlight) {
            try {
                clWaitForEvents(1, new cl_event[] {l.read()});
            } catch (CLException e) {
                // the error that got us here is the one to report
            }
            release(l);
        }
        inFlight.clear();
    }

    /** Waits for a launch, learns the rate from its kernel time, reports its trials. */
    private long complete(Launch l, PowMonitor monitor) {
        try {
            clWaitForEvents(1, new cl_event[] {l.read()});
            learnRate(l.kernel(), l.nonces());
        } finally {
            release(l);
        }
        monitor.addTrials(l.nonces());
        return l.nonces();
    }

    private long drain(ArrayDeque<Launch> inFlight, PowMonitor monitor) {
        long t = 0;
        while (!inFlight.isEmpty()) {
            t += complete(inFlight.poll(), monitor);
        }
        return t;
    }

    private static void release(Launch l) {
        clReleaseEvent(l.kernel());
        clReleaseEvent(l.read());
    }

    private void learnRate(cl_event kev, long nonces) {
        long[] start = new long[1];
        long[] end = new long[1];
        try {
            clGetEventProfilingInfo(kev, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
            clGetEventProfilingInfo(kev, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
        } catch (CLException e) {
            return; // no profiling data: keep the last estimate
        }
        long ns = end[0] - start[0];
        // tiny launches are dominated by fixed costs: learn only from launches of 0.2 ms or more
        if (ns >= 200_000 && nonces > 0) {
            double r = (double) nonces / ns;
            double old = rate;
            rate = old == 0 ? r : 0.7 * old + 0.3 * r;
        }
    }

    /** Work items of a launch that takes about launchMillis at the measured rate. */
    private long steadyItems() {
        long cap = MAX_LAUNCH_NONCES / options.noncesPerItem();
        if (options.fixedItems() > 0) {
            return Math.min(options.fixedItems(), cap);
        }
        double r = rate;
        if (r == 0) {
            return cap; // unknown yet: keep doubling until the first measurement
        }
        double items = r * options.launchMillis() * 1e6 / options.noncesPerItem();
        return Math.max(minItems(), Math.min((long) items, cap));
    }

    private long minItems() {
        return Math.max(local(), (long) device.computeUnits() * 64);
    }

    /**
     * First launch of a job: a sixteenth of a steady launch, so a short job (the default
     * difficulty takes a few milliseconds on a GPU) is seen to end early; then doubling.
     */
    private long firstItems() {
        if (options.fixedItems() > 0) {
            return steadyItems();
        }
        if (rate == 0) {
            return minItems();
        }
        return Math.max(minItems(), steadyItems() / 16);
    }

    private long nextItems(long items) {
        long steady = steadyItems();
        return items >= steady ? steady : Math.min(steady, items * 2);
    }

    /**
     * The work-group size: the option if set, else 256 (or the device maximum). Always fixed:
     * leaving it to the driver lets pocl pick a new size, and compile a new kernel variant, for
     * every new global size of the launch ramp.
     */
    /** The work-group size launches use: the requested one, within what the device and kernels allow. */
    public long workGroupSize() {
        return local();
    }

    /** The largest work group every search kernel accepts on this device. */
    public long kernelWorkGroupLimit() {
        return Math.min(device.maxWorkGroupSize(), kernelLocalLimit);
    }

    private long local() {
        long l = options.localSize() > 0 ? options.localSize() : DEFAULT_LOCAL;
        return Math.max(1, Math.min(l, Math.min(device.maxWorkGroupSize(), kernelLocalLimit)));
    }

    private static long kernelWorkGroupSize(cl_kernel k, cl_device_id d) {
        long[] v = new long[1];
        clGetKernelWorkGroupInfo(k, d, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(v), null);
        return v[0] > 0 ? v[0] : Long.MAX_VALUE;
    }

    private long roundToLocal(long items) {
        long local = local();
        return (items + local - 1) / local * local;
    }

    private long[] localSize() {
        return new long[] {local()};
    }

    /** Re-checks a device answer on the CPU; a wrong one disables the engine. */
    private PowResult verified(PowJob job, NonceRange range, long nonce, long trials) {
        LongUnaryOperator t = tamper;
        if (t != null) {
            nonce = t.applyAsLong(nonce);
        }
        long index = nonce - range.start();
        long trial = PowMath.trialValue(nonce, job.initialHash());
        boolean inRange = range.size() == 0 || Long.compareUnsigned(index, range.size()) < 0;
        if (!inRange || Long.compareUnsigned(trial, job.target()) > 0) {
            throw disable("it returned a wrong answer (nonce " + Long.toUnsignedString(nonce) + " has trial value "
                    + Long.toUnsignedString(trial) + (inRange ? " above the target " + Long.toUnsignedString(job.target())
                    : " but lies outside the searched range") + "); its results are not trusted any more");
        }
        return PowResult.found(nonce, trial, trials);
    }

    // ---------------------------------------------------------------- batches

    /**
     * Searches many jobs together, several per launch (the job index is the kernel's second
     * dimension), so small jobs keep a large device busy. Returns one result per job, in
     * order; a found nonce is any valid one of its range; trials are the nonces dispatched for
     * that job. Solved jobs drop out on the device.
     */
    @Override
    public synchronized List<PowResult> searchBatch(List<PowJob> jobs, List<NonceRange> ranges, PowMonitor monitor) {
        if (jobs.size() != ranges.size()) {
            throw new IllegalArgumentException("jobs and ranges differ in size: " + jobs.size() + " vs " + ranges.size());
        }
        checkUsable();
        List<PowResult> out = new ArrayList<>(jobs.size());
        try {
            for (int from = 0; from < jobs.size(); from += maxBatch) {
                int to = Math.min(jobs.size(), from + maxBatch);
                out.addAll(runBatch(jobs.subList(from, to), ranges.subList(from, to), monitor));
            }
        } catch (CLException e) {
            throw disable("OpenCL error during a batch search (" + OpenClPlatforms.oneLine(e) + ")");
        }
        return out;
    }

    private List<PowResult> runBatch(List<PowJob> jobs, List<NonceRange> ranges, PowMonitor monitor) {
        final int nj = jobs.size();
        final int npi = options.noncesPerItem();
        long[] recs = new long[nj * JobRecord.LONGS];
        for (int j = 0; j < nj; j++) {
            JobRecord.write(recs, j * JobRecord.LONGS, jobs.get(j), ranges.get(j));
        }
        clEnqueueWriteBuffer(queue, batchBuf, CL_TRUE, 0, (long) recs.length * Long.BYTES, Pointer.to(recs), 0, null, null);
        clEnqueueWriteBuffer(queue, solvedBuf, CL_TRUE, 0, (long) nj * Integer.BYTES, Pointer.to(new int[nj]), 0, null, null);
        clSetKernelArg(batchKernel, 0, Sizeof.cl_mem, Pointer.to(batchBuf));
        clSetKernelArg(batchKernel, 3, Sizeof.cl_mem, Pointer.to(resBuf));
        clSetKernelArg(batchKernel, 4, Sizeof.cl_mem, Pointer.to(solvedBuf));

        long[] trials = new long[nj];
        boolean[] solved = new boolean[nj];
        long[] winner = new long[nj];
        long offset = 0;
        boolean wrapped = false;
        long items = Math.max(local(), firstItems() / nj);
        int parity = 0;
        boolean cancelled = false;
        ArrayDeque<Launch> inFlight = new ArrayDeque<>(2);
        try {
            while (true) {
                while (inFlight.size() < 2 && !wrapped && anyOpen(ranges, solved, offset) && !monitor.isCancelled()) {
                    long launchItems = roundToLocal(items);
                    long n = launchItems * npi;
                    long[] share = new long[nj];
                    long total = 0;
                    for (int j = 0; j < nj; j++) {
                        if (!solved[j]) {
                            share[j] = noncesLeftIn(ranges.get(j), offset, n);
                            total += share[j];
                        }
                    }
                    clearResults(parity, nj);
                    clSetKernelArg(batchKernel, 1, Sizeof.cl_ulong, Pointer.to(new long[] {offset}));
                    clSetKernelArg(batchKernel, 2, Sizeof.cl_uint, Pointer.to(new int[] {parity * maxBatch}));
                    cl_event kev = new cl_event();
                    clEnqueueNDRangeKernel(queue, batchKernel, 2, null, new long[] {launchItems, nj},
                            new long[] {local(), 1}, 0, null, kev);
                    ByteBuffer rb = resultReads[parity];
                    cl_event rev = new cl_event();
                    clEnqueueReadBuffer(queue, resBuf, CL_FALSE, resOffset(parity), (long) nj * 2 * Integer.BYTES,
                            Pointer.to(rb), 0, null, rev);
                    clFlush(queue);
                    inFlight.add(new Launch(kev, rev, rb, offset, total, share));
                    parity ^= 1;
                    long next = offset + n;
                    wrapped = Long.compareUnsigned(next, offset) < 0;
                    offset = next;
                    items = Math.min(items * 2, Math.max(local(), steadyItems() / nj));
                }
                if (inFlight.isEmpty()) {
                    cancelled = monitor.isCancelled();
                    break;
                }
                Launch l = inFlight.poll();
                complete(l, monitor);
                for (int j = 0; j < nj; j++) {
                    trials[j] += l.perJob()[j];
                    if (!solved[j] && l.result().getInt(j * 2 * Integer.BYTES) != 0) {
                        solved[j] = true;
                        winner[j] = ranges.get(j).start() + l.offset()
                                + Integer.toUnsignedLong(l.result().getInt((j * 2 + 1) * Integer.BYTES));
                    }
                }
                if (monitor.isCancelled()) {
                    cancelled = true;
                    while (!inFlight.isEmpty()) {
                        Launch rest = inFlight.poll();
                        complete(rest, monitor);
                        for (int j = 0; j < nj; j++) {
                            trials[j] += rest.perJob()[j];
                        }
                    }
                    break;
                }
            }
        } finally {
            abandon(inFlight);
        }
        List<PowResult> results = new ArrayList<>(nj);
        for (int j = 0; j < nj; j++) {
            if (solved[j]) {
                results.add(verified(jobs.get(j), ranges.get(j), winner[j], trials[j]));
            } else {
                results.add(cancelled ? PowResult.cancelled(trials[j]) : PowResult.exhausted(trials[j]));
            }
        }
        return results;
    }

    /** Nonces of {@code range} with index in [offset, offset+n) (unsigned arithmetic). */
    private static long noncesLeftIn(NonceRange range, long offset, long n) {
        long size = range.size();
        if (size == 0) {
            return n;
        }
        if (Long.compareUnsigned(offset, size) >= 0) {
            return 0;
        }
        long left = size - offset;
        return Long.compareUnsigned(left, n) < 0 ? left : n;
    }

    private static boolean anyOpen(List<NonceRange> ranges, boolean[] solved, long offset) {
        for (int j = 0; j < solved.length; j++) {
            long size = ranges.get(j).size();
            if (!solved[j] && (size == 0 || Long.compareUnsigned(offset, size) < 0)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- diagnostics

    /** The device's trial values for nonces {@code start .. start+n-1} (kernel self-test). */
    public synchronized long[] trialValues(byte[] initialHash, long start, int n) {
        checkUsable();
        if (n <= 0) {
            return new long[0];
        }
        try {
            long[] rec = JobRecord.of(new PowJob(initialHash, 0), new NonceRange(start, n));
            clEnqueueWriteBuffer(queue, jobBuf, CL_TRUE, 0, JobRecord.BYTES, Pointer.to(rec), 0, null, null);
            cl_mem out = clCreateBuffer(context, CL_MEM_WRITE_ONLY, (long) n * Long.BYTES, null, null);
            try {
                clSetKernelArg(trialsKernel, 0, Sizeof.cl_mem, Pointer.to(jobBuf));
                clSetKernelArg(trialsKernel, 1, Sizeof.cl_uint, Pointer.to(new int[] {n}));
                clSetKernelArg(trialsKernel, 2, Sizeof.cl_mem, Pointer.to(out));
                clEnqueueNDRangeKernel(queue, trialsKernel, 1, null, new long[] {roundToLocal(n)}, localSize(), 0, null, null);
                long[] values = new long[n];
                clEnqueueReadBuffer(queue, out, CL_TRUE, 0, (long) n * Long.BYTES, Pointer.to(values), 0, null, null);
                return values;
            } finally {
                clReleaseMemObject(out);
            }
        } catch (CLException e) {
            throw disable("OpenCL error in the self-test (" + OpenClPlatforms.oneLine(e) + ")");
        }
    }

    /**
     * Compares the device's trial values with the CPU reference for {@code n} nonces from
     * {@code start} (crossing interesting bit patterns is up to the caller); a mismatch
     * disables the engine. Returns true when all match.
     */
    public boolean selfTest(byte[] initialHash, long start, int n) {
        long[] got = trialValues(initialHash, start, n);
        for (int i = 0; i < n; i++) {
            long want = PowMath.trialValue(start + i, initialHash);
            if (got[i] != want) {
                disable("self-test failed (nonce " + Long.toUnsignedString(start + i) + ": device "
                        + Long.toHexString(got[i]) + ", CPU " + Long.toHexString(want) + ")");
                return false;
            }
        }
        return true;
    }

    /** Runs a search that cannot succeed for about {@code time} and returns nonces per second. */
    public double measure(Duration time) {
        byte[] ih = PowMath.initialHash(("bmtool opencl rate " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + time.toNanos();
        long[] done = new long[1];
        PowMonitor m = new PowMonitor() {
            @Override
            public boolean isCancelled() {
                return System.nanoTime() - deadline >= 0;
            }

            @Override
            public synchronized void addTrials(long trials) {
                done[0] += trials;
            }
        };
        long t0 = System.nanoTime();
        PowResult r = search(new PowJob(ih, 0), NonceRange.from(0), m);
        long ns = System.nanoTime() - t0;
        return ns <= 0 ? 0 : r.trials() * 1e9 / ns;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (queue != null) {
                clFinish(queue);
            }
        } catch (CLException e) {
            // releasing below is all that is left to do
        }
        releaseAll();
    }

    private void releaseAll() {
        try {
            if (jobBuf != null) {
                clReleaseMemObject(jobBuf);
            }
            if (batchBuf != null) {
                clReleaseMemObject(batchBuf);
            }
            if (resBuf != null) {
                clReleaseMemObject(resBuf);
            }
            if (solvedBuf != null) {
                clReleaseMemObject(solvedBuf);
            }
            if (searchKernel != null) {
                clReleaseKernel(searchKernel);
            }
            if (batchKernel != null) {
                clReleaseKernel(batchKernel);
            }
            if (trialsKernel != null) {
                clReleaseKernel(trialsKernel);
            }
            if (program != null) {
                clReleaseProgram(program);
            }
            if (queue != null) {
                clReleaseCommandQueue(queue);
            }
            if (context != null) {
                clReleaseContext(context);
            }
        } catch (RuntimeException e) {
            // best effort on the way out
        } finally {
            jobBuf = batchBuf = resBuf = solvedBuf = null;
            searchKernel = batchKernel = trialsKernel = null;
            program = null;
            queue = null;
            context = null;
        }
    }

    @Override
    public String toString() {
        return name() + " (" + device.name().trim() + ", " + device.platformName() + ")";
    }
}
