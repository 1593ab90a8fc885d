package ftp.core.api;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.osgi.annotation.versioning.ConsumerType;

/** The TLS of one control connection and its data connections, from {@link SiteTls#connection()}. */
@ConsumerType
public interface ConnectionTls {

    /** The context the control connection's server-side engine is created from. */
    SSLContext context();

    /** The versions and cipher suites the site allows, for every engine and socket of this connection. */
    SSLParameters parameters();

    /**
     * Runs the server side of a TLS handshake on an accepted or connected data socket.
     *
     * @param control the control connection's TLS session
     * @param upload whether the client sends (STOR, APPE, STOU)
     * @return the protected socket
     * @throws ReplyException {@code 522} when the site requires session reuse and the handshake did
     *         not resume {@code control}; nothing has been read or written then
     */
    Socket protectData(Socket plain, SSLSession control, boolean upload) throws IOException;
}
