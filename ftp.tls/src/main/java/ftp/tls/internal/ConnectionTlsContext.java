package ftp.tls.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

import ftp.core.api.ConnectionTls;
import ftp.core.api.ReplyException;

/**
 * The TLS of one control connection: its own {@link SSLContext} (about 15 µs with the site's key
 * manager), so that only this connection's sessions can be resumed with it. A protected data
 * connection is accepted when its handshake was a resumption (the probe saw no full handshake)
 * and its session was created with the control session (same creation time: under TLS 1.3 a
 * resumed session is a new object with a new id, and the creation time is what survives).
 */
final class ConnectionTlsContext implements ConnectionTls {

    /**
     * Above the 7-day ticket lifetime limit SunJSSE sends no NewSessionTicket. curl (7.88) never
     * reads its upload socket, so a ticket sent there turns the close into a reset and loses bytes
     * (DESIGN section 6a). Used on TLS 1.3 upload handshakes only: under TLS 1.2 it breaks resumption.
     */
    private static final int NO_TICKET_TIMEOUT = 604_801;

    private final SSLContext context;
    private final ProbingKeyManager probe;
    private final SSLParameters parameters;
    private final boolean requireReuse;

    ConnectionTlsContext(X509ExtendedKeyManager keys, SSLParameters parameters, boolean requireReuse)
            throws GeneralSecurityException {
        this.probe = new ProbingKeyManager(keys);
        this.context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] { probe }, null, null);
        this.parameters = parameters;
        this.requireReuse = requireReuse;
    }

    @Override
    public SSLContext context() {
        return context;
    }

    @Override
    public SSLParameters parameters() {
        SSLParameters copy = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
        copy.setUseCipherSuitesOrder(true);
        return copy;
    }

    @Override
    public Socket protectData(Socket plain, SSLSession control, boolean upload) throws IOException {
        InetSocketAddress peer = (InetSocketAddress) plain.getRemoteSocketAddress();
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain,
                peer.getAddress().getHostAddress(), peer.getPort(), true);
        socket.setUseClientMode(false);
        socket.setSSLParameters(parameters());
        boolean suppressTicket = upload && "TLSv1.3".equals(control.getProtocol());
        SSLSessionContext sessions = context.getServerSessionContext();
        int timeout = sessions.getSessionTimeout();
        long before = probe.fullHandshakes();
        try {
            if (suppressTicket) {
                sessions.setSessionTimeout(NO_TICKET_TIMEOUT);
            }
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        } finally {
            if (suppressTicket) {
                sessions.setSessionTimeout(timeout);
            }
        }
        boolean resumed = probe.fullHandshakes() == before;
        boolean sameSession = socket.getSession().getCreationTime() == control.getCreationTime();
        if (requireReuse && !(resumed && sameSession)) {
            socket.close();
            throw new ReplyException(522, "Data connections must reuse the TLS session of the control connection");
        }
        return socket;
    }
}
