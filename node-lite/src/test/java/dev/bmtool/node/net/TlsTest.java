package dev.bmtool.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.SecureRandom;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our TLS server against the ClientHellos real peers send: an OpenSSL 3 client that offers
 * TLS 1.3 and 1.2 (a TLS 1.3 suite, a TLS 1.3 key share group and secp256k1) must get TLS 1.2
 * with 0xC019 on secp256k1, and an old TLS 1.0-only client (MiNode 2018 uses PROTOCOL_TLSv1)
 * must get TLS 1.0.
 */
@Timeout(30)
class TlsTest {
    /** A client configured like an OpenSSL 3 / MiNode one; remembers what the server chose. */
    private static final class ProbeClient extends DefaultTlsClient {
        private final ProtocolVersion[] versions;
        private final int[] suites;
        private final int[] groups;
        volatile int suite = -1;
        volatile ProtocolVersion version;

        ProbeClient(ProtocolVersion[] versions, int[] suites, int[] groups) {
            super(new BcTlsCrypto(new SecureRandom()));
            this.versions = versions;
            this.suites = suites;
            this.groups = groups;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return versions;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return suites;
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Vector getSupportedGroups(Vector namedGroupRoles) {
            Vector v = new Vector();
            for (int g : groups) {
                v.add(g);
            }
            return v;
        }

        @Override
        public void notifySelectedCipherSuite(int selected) {
            super.notifySelectedCipherSuite(selected);
            suite = selected;
        }

        @Override
        public void notifyServerVersion(ProtocolVersion v) throws IOException {
            super.notifyServerVersion(v);
            version = v;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate c) {
                }
            };
        }
    }

    /** Runs our server against {@code client} over pipes; returns after one echoed line. */
    private static void handshake(ProbeClient client) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            try {
                Tls.Streams s = Tls.server(serverIn, serverOut);
                int b = s.in().read();
                s.out().write(b + 1);
                s.out().flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            TlsClientProtocol p = new TlsClientProtocol(clientIn, clientOut);
            p.connect(client);
            p.getOutputStream().write(41);
            p.getOutputStream().flush();
            assertEquals(42, p.getInputStream().read(), "application data flows both ways");
            server.get(10, TimeUnit.SECONDS);
        } finally {
            clientOut.close();
            serverOut.close();
        }
    }

    @Test
    void openSsl3StyleClientOfferingTls13GetsTls12WithAnonymousEcdhOnSecp256k1() throws Exception {
        ProbeClient c = new ProbeClient(ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12),
                new int[] {CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_AES_128_GCM_SHA256,
                        CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA},
                new int[] {NamedGroup.x25519, NamedGroup.secp256k1});
        handshake(c);
        assertEquals(ProtocolVersion.TLSv12, c.version);
        assertEquals(CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA, c.suite);
    }

    @Test
    void tls10OnlyClientIsAccepted() throws Exception {
        ProbeClient c = new ProbeClient(new ProtocolVersion[] {ProtocolVersion.TLSv10},
                new int[] {CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA}, new int[] {NamedGroup.secp256k1});
        handshake(c);
        assertEquals(ProtocolVersion.TLSv10, c.version);
        assertEquals(CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA, c.suite);
    }

    @Test
    void clientWithoutSecp256k1IsRefused() {
        ProbeClient c = new ProbeClient(ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10),
                new int[] {CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA}, new int[] {NamedGroup.secp256r1});
        assertThrows(Exception.class, () -> handshake(c));
    }
}
