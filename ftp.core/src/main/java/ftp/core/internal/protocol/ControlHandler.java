package ftp.core.internal.protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.ConnectionTls;
import ftp.core.api.FtpUser;
import ftp.core.api.Reply;
import ftp.core.api.SessionInfo;
import ftp.core.api.SiteSettings;

/**
 * MINA handler of a site's control connections: admission (connection limits, bans), the
 * connect banner, idle timeouts, the deadlines of {@link #sweep}, back-pressure
 * ({@link ControlFlow}), and handing each line to the session's dispatcher. Nothing here blocks:
 * these methods run on MINA's I/O threads.
 */
public final class ControlHandler extends IoHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);
    private static final String SESSION = ControlSession.class.getName();
    private static final String IMPLICIT_TLS = ConnectionTls.class.getName();
    /** {@code System.nanoTime()} after which a closing connection is closed without waiting for its last reply. */
    private static final AttributeKey CLOSE_BY = new AttributeKey(ControlHandler.class, "closeBy");
    /** Set once a connection's failed TLS handshake is logged. */
    private static final AttributeKey HANDSHAKE_LOGGED = new AttributeKey(ControlHandler.class, "handshakeLogged");
    /** How long a last reply (421, 221) may take to leave before the connection is simply closed. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SiteContext site;
    private final Map<Long, ControlSession> sessions = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    /** Every connection from its creation to its close, admitted or not. */
    private final Map<Long, IoSession> connections = new ConcurrentHashMap<>();

    public ControlHandler(SiteContext site) {
        this.site = site;
    }

    /** Implicit FTPS: TLS from the first byte, each connection with its own context. */
    @Override
    public void sessionCreated(IoSession io) {
        connections.put(io.getId(), io);
        if (((InetSocketAddress) io.getLocalAddress()).getPort() == site.settings().ftpsPort()) {
            ConnectionTls connection = site.tls().connection();
            io.setAttribute(IMPLICIT_TLS, connection);
            ControlSession.startTls(io, connection, false);
        }
    }

    @Override
    public void sessionOpened(IoSession io) {
        SiteSettings settings = site.settings();
        InetAddress client = ((InetSocketAddress) io.getRemoteAddress()).getAddress();
        String refusal = admit(client);
        if (refusal != null) {
            LOG.info("Site {}: refused {}: {}", settings.name(), io.getRemoteAddress(), refusal);
            closeWith(io, Reply.of(421, refusal));
            return;
        }
        ControlSession session = new ControlSession(io, site, (ConnectionTls) io.getAttribute(IMPLICIT_TLS));
        io.setAttribute(SESSION, session);
        sessions.put(io.getId(), session);
        site.activity().sessionOpened(io.getId(), session.remoteAddress());
        io.getConfig().setIdleTime(IdleStatus.READER_IDLE, (int) settings.limits().idleTimeout().toSeconds());
        session.reply(Reply.of(220, settings.banners().connect()));
    }

    /** Counts the connection in; returns why it is refused, or null. */
    private String admit(InetAddress client) {
        SiteSettings.Limits limits = site.settings().limits();
        if (site.authenticator().banned(client)) {
            return "Too many failed logins from your address; try again later";
        }
        if (sessions.size() >= limits.maxConnections()) {
            return "Too many connections; try again later";
        }
        AtomicInteger count = perAddress.computeIfAbsent(client, a -> new AtomicInteger());
        if (count.incrementAndGet() > limits.maxConnectionsPerIp()) {
            release(client);
            return "Too many connections from your address";
        }
        return null;
    }

    private void release(InetAddress client) {
        perAddress.computeIfPresent(client, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        ControlSession session = (ControlSession) io.getAttribute(SESSION);
        if (session != null && io.getAttribute(CLOSE_BY) == null) {
            session.dispatcher().received((String) message);
            session.flow().backlogChanged();
        }
    }

    @Override
    public void messageSent(IoSession io, Object message) {
        ControlSession session = (ControlSession) io.getAttribute(SESSION);
        if (session != null) {
            session.flow().sent();
        }
    }

    /**
     * Writes a last reply and closes the connection once it is sent, or after {@link #CLOSE_GRACE}
     * when it cannot leave (a client that reads nothing, a TLS handshake that never completes).
     * Lines that arrive meanwhile are ignored.
     */
    static void closeWith(IoSession io, Reply reply) {
        if (io.setAttributeIfAbsent(CLOSE_BY, System.nanoTime() + CLOSE_GRACE.toNanos()) == null) {
            io.write(reply).addListener(f -> io.closeNow());
        }
    }

    /**
     * Enforces the deadlines of every connection; runs on the site's scheduler a few times a
     * second, never on an I/O thread. A TLS handshake that failed, or did not complete within
     * {@code limits.tlsHandshakeTimeout}, ends the connection at once (nothing can be said to a
     * client without TLS); a command line not complete within {@code limits.lineTimeout}, or no
     * login within {@code limits.loginTimeout} of connecting, ends it with 421.
     */
    public void sweep() {
        long now = System.nanoTime();
        SiteSettings.Limits limits = site.settings().limits();
        for (IoSession io : connections.values()) {
            Long closeBy = (Long) io.getAttribute(CLOSE_BY);
            if (closeBy != null) {
                if (now - closeBy > 0) {
                    io.closeNow();
                }
                continue;
            }
            Long tlsStarted = (Long) io.getAttribute(StartTlsFilter.STARTED);
            if (tlsStarted != null && !StartTlsFilter.secured(io)) {
                boolean failed = StartTlsFilter.failed(io);
                if (failed || now - tlsStarted > limits.tlsHandshakeTimeout().toNanos()) {
                    LOG.info("Site {}: {}: TLS handshake {}; closing", site.settings().name(), io.getRemoteAddress(),
                            failed ? "failed" : "not complete within " + limits.tlsHandshakeTimeout().toSeconds() + " s");
                    io.closeNow();
                }
                continue;
            }
            Long lineStarted = (Long) io.getAttribute(CommandLineDecoder.PARTIAL_SINCE);
            ControlSession session = (ControlSession) io.getAttribute(SESSION);
            if (lineStarted != null && !io.isReadSuspended() && now - lineStarted > limits.lineTimeout().toNanos()) {
                LOG.info("Site {}: {} left a command line incomplete for {} s; closing", site.settings().name(),
                        io.getRemoteAddress(), limits.lineTimeout().toSeconds());
                closeWith(io, Reply.of(421, "Command line not complete within " + limits.lineTimeout().toSeconds()
                        + " s; closing control connection"));
            } else if (session != null && session.loginOverdue(now, limits.loginTimeout())) {
                LOG.info("Site {}: {} did not log in within {} s; closing", site.settings().name(), io.getRemoteAddress(),
                        limits.loginTimeout().toSeconds());
                closeWith(io, Reply.of(421, "No login within " + limits.loginTimeout().toSeconds()
                        + " s; closing control connection"));
            }
        }
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        ControlSession session = (ControlSession) io.getAttribute(SESSION);
        if (session != null && !session.data().transferring()) {
            LOG.info("Site {}: closing idle session {}", site.settings().name(), io.getRemoteAddress());
            session.close(Reply.of(421, "Idle timeout (" + site.settings().limits().idleTimeout().toSeconds()
                    + " s); closing control connection"));
        } else if (session == null) {
            io.closeNow();
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        String handshake = handshakeFailure(cause);
        if (cause instanceof ProtocolDecoderException && cause.getCause() instanceof CommandLineDecoder.LineTooLongException) {
            LOG.info("Site {}: {} sent an over-long command line", site.settings().name(), io.getRemoteAddress());
            closeWith(io, Reply.of(500, "Command line too long; closing control connection"));
        } else if (handshake != null) {
            // a client's refused handshake (an old version, no common cipher suite, not TLS at all)
            // is the client's business: one line, once (MINA logs none: InlineTasksEngine)
            if (io.setAttributeIfAbsent(HANDSHAKE_LOGGED, Boolean.TRUE) == null) {
                LOG.info("Site {}: TLS handshake with {} failed: {}", site.settings().name(), io.getRemoteAddress(),
                        handshake);
            }
            io.closeNow();
        } else if (cause instanceof IOException) {
            LOG.debug("Site {}: {}: {}", site.settings().name(), io.getRemoteAddress(), cause.toString());
            io.closeNow();
        } else {
            LOG.error("Site {}: session {} failed", site.settings().name(), io.getRemoteAddress(), cause);
            io.closeNow();
        }
    }

    /** The reason of a failed TLS handshake in {@code cause} or its causes, or null. */
    private static String handshakeFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || (t instanceof SSLException && t.getCause() == null)) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** A TLS handshake of a control connection completed (AUTH TLS or implicit FTPS): counted by version. */
    @Override
    public void event(IoSession io, FilterEvent event) {
        if (event == SslEvent.SECURED && io.getAttribute(SslFilter.SSL_SECURED) instanceof SSLSession tls) {
            site.activity().tlsSession(tls.getProtocol());
        }
    }

    @Override
    public void sessionClosed(IoSession io) {
        connections.remove(io.getId());
        ControlSession session = (ControlSession) io.removeAttribute(SESSION);
        if (session != null) {
            sessions.remove(io.getId());
            release(session.remoteAddress().getAddress());
            session.closed();
            site.activity().sessionClosed(io.getId(), session.remoteAddress(), session.user().map(FtpUser::name).orElse(null));
        }
    }

    /** Connections open now, admitted or not (for tests and operators). */
    public int connectionCount() {
        return connections.size();
    }

    public int sessionCount() {
        return sessions.size();
    }

    public List<SessionInfo> sessions() {
        return sessions.values().stream().map(ControlSession::info).toList();
    }
}
