package dev.bmtool.pow.opencl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as discovered: native handles plus the properties shown by
 * {@code bmtool devices}. {@code index} numbers devices across all platforms (0, 1, ...).
 */
public record OpenClDevice(
        int index,
        String platformName,
        String platformVendor,
        String platformVersion,
        String name,
        String vendor,
        String driverVersion,
        String deviceVersion,
        String type,
        int computeUnits,
        int clockMhz,
        long globalMemBytes,
        long maxWorkGroupSize,
        long maxConstantBufferBytes,
        cl_platform_id platform,
        cl_device_id device) {

    /** True for CPU devices (pocl): they compete with the CPU engines for cores. */
    public boolean isCpu() {
        return type.equals("CPU");
    }

    /** Short label used in engine names and messages, e.g. {@code opencl:0 NVIDIA H100}. */
    public String label() {
        return "opencl:" + index + " " + name.trim();
    }

    /** The properties as an insertion-ordered map (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", (long) index);
        m.put("platform", platformName);
        m.put("platformVersion", platformVersion);
        m.put("name", name.trim());
        m.put("vendor", vendor);
        m.put("driver", driverVersion);
        m.put("version", deviceVersion);
        m.put("type", type);
        m.put("computeUnits", (long) computeUnits);
        m.put("clockMHz", (long) clockMhz);
        m.put("globalMemBytes", globalMemBytes);
        m.put("maxWorkGroupSize", maxWorkGroupSize);
        return m;
    }
}
