package dev.bmtool.node;

import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Message;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.Packet;
import dev.bmtool.core.wire.Verack;
import dev.bmtool.core.wire.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/** A hand-driven peer on a raw socket (plain TCP), for protocol and misbehaviour tests. */
final class TestPeer implements AutoCloseable {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    TestPeer(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static Version version(long nonce) {
        NetworkAddress a = NetworkAddress.ofShort(1, HostAddress.parse("127.0.0.1"), 8444);
        return new Version(3, 1, System.currentTimeMillis() / 1000, a, a, nonce, "/test:1.0/", List.of(1L));
    }

    /** Sends version, waits for verack and version, answers verack. */
    TestPeer handshake() throws IOException {
        send(version(new java.util.Random().nextLong()));
        boolean verack = false;
        boolean version = false;
        while (!(verack && version)) {
            Message m = read();
            if (m instanceof Verack) {
                verack = true;
            } else if (m instanceof Version) {
                version = true;
                send(new Verack());
            }
        }
        return this;
    }

    void send(Message m) throws IOException {
        out.write(m.toPacket().write());
        out.flush();
    }

    Message read() throws IOException {
        return Packet.read(in).decode();
    }

    /** True if the node closed the connection within {@code millis} (reading and discarding). */
    boolean closedWithin(long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        byte[] buf = new byte[65536];
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, Math.min(500, deadline - System.currentTimeMillis())));
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
