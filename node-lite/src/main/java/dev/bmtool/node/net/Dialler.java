package dev.bmtool.node.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * How an outbound peer connection is opened: the one place where the node creates a socket
 * towards a peer, so that with a proxy configured nothing can go around it.
 */
public interface Dialler {
    /**
     * A connected socket to {@code host:port}. Host names are resolved by whoever the dialler
     * connects through (the proxy), never here when {@link #proxied()}.
     */
    Socket connect(String host, int port, int timeoutMillis) throws IOException;

    /** True when connections go through a proxy (the peer sees the proxy's address, not ours). */
    boolean proxied();

    /** Plain TCP, resolving names locally. */
    static Dialler direct() {
        return new Dialler() {
            @Override
            public Socket connect(String host, int port, int timeoutMillis) throws IOException {
                Socket s = new Socket();
                try {
                    s.setTcpNoDelay(true);
                    s.connect(new InetSocketAddress(host, port), timeoutMillis);
                    return s;
                } catch (IOException | RuntimeException e) {
                    s.close();
                    throw e;
                }
            }

            @Override
            public boolean proxied() {
                return false;
            }
        };
    }

    /** The dialler for these settings: direct, or through their SOCKS proxy. */
    static Dialler of(ProxySettings p) {
        return p.proxied() ? new SocksDialler(p) : direct();
    }
}
