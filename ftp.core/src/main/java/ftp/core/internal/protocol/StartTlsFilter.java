package ftp.core.internal.protocol;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.filter.ssl.SslHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MINA's SslFilter, made safe for a server facing the internet:
 * <ul>
 * <li>it can let one write pass in the clear: AUTH TLS installs the filter first and then writes
 * its 234 reply unencrypted, so the client's ClientHello, sent as soon as it reads 234, always
 * meets the filter (installing the filter after the reply left a window in which the ClientHello
 * reached the command decoder; MINA 2.2 has no DISABLE_ENCRYPTION_ONCE);</li>
 * <li>its engine gets no peer host name: MINA's asks {@code InetSocketAddress.getHostName()}, a
 * reverse DNS lookup on the I/O thread for every connection (a server engine does not need it);</li>
 * <li>its engine runs its delegated tasks itself ({@link InlineTasksEngine}): MINA logs a handshake
 * that fails in one as an ERROR with a stack trace;</li>
 * <li>a close always reaches the handler: MINA's {@code sessionClosed} lets an exception of the
 * TLS close (after a handshake that failed, for one) stop the
 * event, so the session's slot was never released;</li>
 * <li>{@link #failed} tells a handshake that failed, which MINA does not report at all.</li>
 * </ul>
 */
final class StartTlsFilter extends SslFilter {

    /** When present, the next write goes out in the clear and the attribute is removed. */
    static final AttributeKey CLEAR_ONCE = new AttributeKey(StartTlsFilter.class, "clearOnce");
    /** {@code System.nanoTime()} when the filter was added: the handshake's deadline counts from it. */
    static final AttributeKey STARTED = new AttributeKey(StartTlsFilter.class, "started");

    private static final Logger LOG = LoggerFactory.getLogger(StartTlsFilter.class);

    StartTlsFilter(SSLContext context, boolean autoStart) {
        super(context, autoStart);
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress address) {
        return new InlineTasksEngine(super.createEngine(session, null));
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        if (session.removeAttribute(CLEAR_ONCE) != null) {
            next.filterWrite(session, request);
        } else {
            super.filterWrite(next, session, request);
        }
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        try {
            onClose(next, session, false);
        } catch (Exception | Error e) {
            LOG.debug("{}: TLS close after a failure: {}", session.getRemoteAddress(), e.toString());
        } finally {
            next.sessionClosed(session);
        }
    }

    /** Whether the TLS handshake has completed. */
    static boolean secured(IoSession session) {
        return session.getAttribute(SSL_SECURED) != null;
    }

    /** Whether the handshake failed: the engine is closed before it was ever secured. */
    static boolean failed(IoSession session) {
        return !secured(session) && session.getAttribute(SSL_HANDLER) instanceof SslHandler handler && !handler.isOpen();
    }
}
