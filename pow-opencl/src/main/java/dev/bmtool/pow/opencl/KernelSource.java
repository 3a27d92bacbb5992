package dev.bmtool.pow.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The OpenCL C source of the search kernel, loaded from the kernels module's classpath entry. */
final class KernelSource {
    static final String RESOURCE = "/dev/bmtool/kernels/bmpow.cl";

    private static volatile String cached;

    private KernelSource() {
    }

    static String text() {
        String s = cached;
        if (s == null) {
            try (InputStream in = KernelSource.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("kernel source " + RESOURCE + " missing from the classpath");
                }
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read kernel source " + RESOURCE + ": " + e.getMessage(), e);
            }
            cached = s;
        }
        return s;
    }

    static String sha256(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
