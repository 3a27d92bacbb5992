package dev.bmtool.node.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Outbound connections through a SOCKS5 (RFC 1928, with RFC 1929 user/password) or SOCKS4a
 * proxy. Peer host names and onion names go to the proxy as names (SOCKS5 address type 3,
 * SOCKS4a's 0.0.0.1 + name): no local DNS lookup of a peer ever happens. IP literals are sent
 * as addresses, as PyBitmessage does.
 */
final class SocksDialler implements Dialler {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String[] SOCKS5_ERRORS = {"succeeded", "general SOCKS server failure",
        "connection not allowed by ruleset", "network unreachable", "host unreachable", "connection refused",
        "TTL expired", "command not supported", "address type not supported"};

    private final ProxySettings proxy;

    SocksDialler(ProxySettings proxy) {
        this.proxy = proxy;
    }

    @Override
    public boolean proxied() {
        return true;
    }

    @Override
    public Socket connect(String host, int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            try {
                // the proxy's own name is resolved locally (PyBitmessage does the same)
                s.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeoutMillis);
            } catch (IOException e) {
                throw new IOException(proxy.type().keysDatName + " proxy " + proxy.host() + ":" + proxy.port()
                        + " unreachable: " + e.getMessage(), e);
            }
            int old = s.getSoTimeout();
            s.setSoTimeout(timeoutMillis); // the whole negotiation, including the proxy's connect
            try {
                if (proxy.type() == ProxySettings.Type.SOCKS5) {
                    socks5(s.getInputStream(), s.getOutputStream(), host, port);
                } else {
                    socks4a(s.getInputStream(), s.getOutputStream(), host, port);
                }
            } catch (SocketTimeoutException e) {
                throw new IOException("via proxy: no answer from the proxy in time", e);
            }
            s.setSoTimeout(old);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The SOCKS5 exchange up to the reply to CONNECT; exposed for the byte-level test. */
    void socks5(InputStream rawIn, OutputStream out, String host, int port) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        boolean auth = proxy.username() != null;
        out.write(auth ? new byte[] {5, 2, 0, 2} : new byte[] {5, 1, 0});
        out.flush();
        int version = in.readUnsignedByte();
        int method = in.readUnsignedByte();
        if (version != 5) {
            throw new IOException("via proxy: not a SOCKS5 proxy (version " + version + ")");
        }
        if (method == 2 && auth) {
            byte[] u = proxy.username().getBytes(StandardCharsets.UTF_8);
            byte[] p = proxy.password().getBytes(StandardCharsets.UTF_8);
            byte[] req = new byte[3 + u.length + p.length];
            req[0] = 1;
            req[1] = (byte) u.length;
            System.arraycopy(u, 0, req, 2, u.length);
            req[2 + u.length] = (byte) p.length;
            System.arraycopy(p, 0, req, 3 + u.length, p.length);
            out.write(req);
            out.flush();
            in.readUnsignedByte();
            if (in.readUnsignedByte() != 0) {
                throw new IOException("via proxy: SOCKS5 user name or password refused");
            }
        } else if (method == 0xFF) {
            throw new IOException("via proxy: SOCKS5 proxy accepts none of our authentication methods"
                    + (auth ? "" : " (it may need socksauthentication)"));
        } else if (method != 0) {
            throw new IOException("via proxy: SOCKS5 proxy chose an unknown method " + method);
        }
        byte[] addr = socks5Address(host);
        byte[] req = new byte[3 + addr.length + 2];
        req[0] = 5;
        req[1] = 1; // CONNECT
        req[2] = 0;
        System.arraycopy(addr, 0, req, 3, addr.length);
        req[3 + addr.length] = (byte) (port >> 8);
        req[4 + addr.length] = (byte) port;
        out.write(req);
        out.flush();
        if (in.readUnsignedByte() != 5) {
            throw new IOException("via proxy: bad SOCKS5 reply");
        }
        int rep = in.readUnsignedByte();
        if (rep != 0) {
            throw new IOException("via proxy: " + host + ":" + port + ": "
                    + (rep < SOCKS5_ERRORS.length ? SOCKS5_ERRORS[rep] : "SOCKS5 error " + rep));
        }
        in.readUnsignedByte();
        int atyp = in.readUnsignedByte();
        int skip = switch (atyp) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.readUnsignedByte();
            default -> throw new IOException("via proxy: bad SOCKS5 reply address type " + atyp);
        };
        in.readNBytes(skip + 2); // bound address and port: not needed
    }

    /** ATYP and address: IPv4/IPv6 literals as addresses, everything else as a name. */
    private static byte[] socks5Address(String host) throws IOException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IPV4.matcher(h).matches() || (h.indexOf(':') >= 0 && h.matches("[0-9a-fA-F:.]+"))) {
            byte[] ip = java.net.InetAddress.getByName(h).getAddress(); // a literal: parsed, not resolved
            byte[] b = new byte[1 + ip.length];
            b[0] = (byte) (ip.length == 4 ? 1 : 4);
            System.arraycopy(ip, 0, b, 1, ip.length);
            return b;
        }
        byte[] name = h.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length > 255) {
            throw new IOException("via proxy: host name too long for SOCKS5: " + host);
        }
        byte[] b = new byte[2 + name.length];
        b[0] = 3;
        b[1] = (byte) name.length;
        System.arraycopy(name, 0, b, 2, name.length);
        return b;
    }

    /** SOCKS4a CONNECT: IPv4 literals as addresses, names after the user id (remote resolution). */
    void socks4a(InputStream rawIn, OutputStream out, String host, int port) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        var req = new java.io.ByteArrayOutputStream();
        req.write(4);
        req.write(1);
        req.write(port >> 8);
        req.write(port);
        boolean literal = IPV4.matcher(host).matches();
        if (literal) {
            req.write(java.net.InetAddress.getByName(host).getAddress());
        } else if (host.indexOf(':') >= 0) {
            throw new IOException("via proxy: SOCKS4a cannot reach IPv6 address " + host);
        } else {
            req.write(new byte[] {0, 0, 0, 1});
        }
        if (proxy.username() != null) {
            req.write(proxy.username().getBytes(StandardCharsets.UTF_8)); // SOCKS4 has a user id, no password
        }
        req.write(0);
        if (!literal) {
            req.write(host.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            req.write(0);
        }
        out.write(req.toByteArray());
        out.flush();
        byte[] reply = new byte[8];
        try {
            in.readFully(reply);
        } catch (EOFException e) {
            throw new IOException("via proxy: SOCKS4a proxy closed the connection", e);
        }
        if (reply[0] != 0) {
            throw new IOException("via proxy: bad SOCKS4a reply");
        }
        int code = reply[1] & 0xFF;
        if (code != 0x5A) {
            throw new IOException("via proxy: " + host + ":" + port + ": SOCKS4a request rejected (code " + code + ")");
        }
    }
}
