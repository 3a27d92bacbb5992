package dev.bmtool.node.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Vector;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The TLS upgrade exactly as PyBitmessage does it (brief 4.6): TLS 1.0-1.2, only
 * TLS_ECDH_anon_WITH_AES_256_CBC_SHA (0xC019), only the secp256k1 group, no certificates. The
 * JDK's JSSE cannot do this, so Bouncy Castle's low-level API is used in blocking mode.
 */
final class Tls {
    static final int[] SUITES = {CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tls() {
    }

    /** A finished TLS session's plaintext streams. */
    record Streams(InputStream in, OutputStream out, TlsProtocol protocol) {
    }

    /** TCP client side: TLS client. Blocks until the handshake is done. */
    static Streams client(InputStream rawIn, OutputStream rawOut) throws IOException {
        TlsClientProtocol p = new TlsClientProtocol(rawIn, rawOut);
        p.connect(new Client(new BcTlsCrypto(RANDOM)));
        return new Streams(p.getInputStream(), p.getOutputStream(), p);
    }

    /** TCP server side: TLS server. Blocks until the handshake is done. */
    static Streams server(InputStream rawIn, OutputStream rawOut) throws IOException {
        TlsServerProtocol p = new TlsServerProtocol(rawIn, rawOut);
        p.accept(new Server(new BcTlsCrypto(RANDOM)));
        return new Streams(p.getInputStream(), p.getOutputStream(), p);
    }

    private static final class Client extends DefaultTlsClient {
        Client(BcTlsCrypto crypto) {
            super(crypto);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return SUITES.clone();
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Vector getSupportedGroups(Vector namedGroupRoles) {
            Vector v = new Vector();
            v.add(NamedGroup.secp256k1);
            return v;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            // anonymous ECDH: the server sends no certificate, so there is nothing to check
            return new ServerOnlyTlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                }
            };
        }
    }

    private static final class Server extends DefaultTlsServer {
        Server(BcTlsCrypto crypto) {
            super(crypto);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return SUITES.clone();
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10);
        }

        @Override
        public int[] getSupportedGroups() {
            return new int[] {NamedGroup.secp256k1};
        }

        @Override
        protected int selectECDH(int minimumCurveBits) {
            int[] offered = context.getSecurityParametersHandshake().getClientSupportedGroups();
            if (offered == null) {
                return NamedGroup.secp256k1; // no extension: the client accepts any curve
            }
            for (int g : offered) {
                if (g == NamedGroup.secp256k1) {
                    return g;
                }
            }
            return -1;
        }
    }
}
