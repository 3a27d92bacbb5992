package dev.bmtool.pow.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Discovery of every OpenCL platform and device, turning every failure into a message. */
public final class OpenClPlatforms {

    /** What discovery found: the devices, and one line per problem (no library, no ICD...). */
    public record Discovery(List<OpenClDevice> devices, List<String> problems) {
    }

    private OpenClPlatforms() {
    }

    /**
     * Lists every device of every platform. Never throws: a missing OpenCL library, no
     * installed driver (ICD) or a broken platform become lines in {@code problems}.
     */
    public static Discovery discover() {
        return discover(OpenClLibrary.LINUX_NAMES);
    }

    /** {@link #discover()} with the OpenCL library looked for under {@code libraryNames}. */
    static Discovery discover(List<String> libraryNames) {
        List<OpenClDevice> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<String> noLibrary = OpenClLibrary.problem(libraryNames);
        if (noLibrary.isPresent()) {
            problems.add(noLibrary.get());
            return new Discovery(devices, problems);
        }
        cl_platform_id[] platforms;
        try {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            try {
                clGetPlatformIDs(0, null, n);
            } catch (CLException e) {
                // the ICD loader's "no platform" (-1001) and similar: no driver installed
                problems.add("OpenCL: no platform found (" + e.getMessage() + "): no OpenCL driver (ICD) installed?");
                return new Discovery(devices, problems);
            }
            if (n[0] == 0) {
                problems.add("OpenCL: no platform found: no OpenCL driver (ICD) installed?");
                return new Discovery(devices, problems);
            }
            platforms = new cl_platform_id[n[0]];
            clGetPlatformIDs(n[0], platforms, null);
        } catch (LinkageError e) {
            problems.add("OpenCL unavailable: cannot load the OpenCL library (" + oneLine(e) + ")");
            return new Discovery(devices, problems);
        } catch (RuntimeException e) {
            problems.add("OpenCL unavailable: " + oneLine(e));
            return new Discovery(devices, problems);
        }
        int index = 0;
        for (cl_platform_id p : platforms) {
            String pname = "?";
            try {
                pname = platformString(p, CL_PLATFORM_NAME);
                String pvendor = platformString(p, CL_PLATFORM_VENDOR);
                String pversion = platformString(p, CL_PLATFORM_VERSION);
                int[] nd = new int[1];
                try {
                    clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
                } catch (CLException e) {
                    if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                        continue;
                    }
                    throw e;
                }
                cl_device_id[] ds = new cl_device_id[nd[0]];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, nd[0], ds, null);
                for (cl_device_id d : ds) {
                    try {
                        devices.add(describe(index, p, pname, pvendor, pversion, d));
                        index++;
                    } catch (RuntimeException e) {
                        problems.add("OpenCL platform " + pname + ": cannot query a device: " + oneLine(e));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                problems.add("OpenCL platform " + pname + ": " + oneLine(e));
            }
        }
        if (devices.isEmpty() && problems.isEmpty()) {
            problems.add("OpenCL: no device found");
        }
        return new Discovery(devices, problems);
    }

    private static OpenClDevice describe(int index, cl_platform_id p, String pname, String pvendor,
                                         String pversion, cl_device_id d) {
        long type = deviceLong(d, CL_DEVICE_TYPE);
        String typeName = (type & CL_DEVICE_TYPE_GPU) != 0 ? "GPU"
                : (type & CL_DEVICE_TYPE_CPU) != 0 ? "CPU"
                : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "ACCELERATOR" : "OTHER";
        return new OpenClDevice(index, pname, pvendor, pversion,
                deviceString(d, CL_DEVICE_NAME), deviceString(d, CL_DEVICE_VENDOR),
                deviceString(d, CL_DRIVER_VERSION), deviceString(d, CL_DEVICE_VERSION), typeName,
                deviceInt(d, CL_DEVICE_MAX_COMPUTE_UNITS), deviceInt(d, CL_DEVICE_MAX_CLOCK_FREQUENCY),
                deviceLong(d, CL_DEVICE_GLOBAL_MEM_SIZE), deviceSizeT(d, CL_DEVICE_MAX_WORK_GROUP_SIZE),
                deviceLong(d, CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE), p, d);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).trim();
    }

    static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    static int deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }

    static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    static long deviceSizeT(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }

    private static String cString(byte[] buf) {
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8).trim();
    }
}
