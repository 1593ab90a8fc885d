package ftp.core.internal.protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.ConnectionTls;
import ftp.core.api.Reply;
import ftp.core.api.SessionInfo;
import ftp.core.api.SiteSettings;

/**
 * MINA handler of a site's control connections: admission (connection limits, bans), the
 * connect banner, idle timeouts, and handing each line to the session's dispatcher.
 */
public final class ControlHandler extends IoHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);
    private static final String SESSION = ControlSession.class.getName();
    private static final String IMPLICIT_TLS = ConnectionTls.class.getName();

    private final SiteContext site;
    private final Map<Long, ControlSession> sessions = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public ControlHandler(SiteContext site) {
        this.site = site;
    }

    /** Implicit FTPS: TLS from the first byte, each connection with its own context. */
    @Override
    public void sessionCreated(IoSession io) {
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
            io.write(Reply.of(421, refusal)).addListener(f -> io.closeNow());
            return;
        }
        ControlSession session = new ControlSession(io, site, (ConnectionTls) io.getAttribute(IMPLICIT_TLS));
        io.setAttribute(SESSION, session);
        sessions.put(io.getId(), session);
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
        if (session != null) {
            session.dispatcher().received((String) message);
        }
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        ControlSession session = (ControlSession) io.getAttribute(SESSION);
        if (session != null && !session.data().transferring()) {
            LOG.info("Site {}: closing idle session {}", site.settings().name(), io.getRemoteAddress());
            session.close(Reply.of(421, "Idle timeout (" + site.settings().limits().idleTimeout().toSeconds()
                    + " s); closing control connection"));
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        if (cause instanceof ProtocolDecoderException && cause.getCause() instanceof CommandLineDecoder.LineTooLongException) {
            LOG.info("Site {}: {} sent an over-long command line", site.settings().name(), io.getRemoteAddress());
            io.write(Reply.of(500, "Command line too long; closing control connection")).addListener(f -> io.closeNow());
        } else if (cause instanceof IOException) {
            LOG.debug("Site {}: {}: {}", site.settings().name(), io.getRemoteAddress(), cause.toString());
            io.closeNow();
        } else {
            LOG.error("Site {}: session {} failed", site.settings().name(), io.getRemoteAddress(), cause);
            io.closeNow();
        }
    }

    @Override
    public void sessionClosed(IoSession io) {
        ControlSession session = (ControlSession) io.removeAttribute(SESSION);
        if (session != null) {
            sessions.remove(io.getId());
            release(session.remoteAddress().getAddress());
            session.closed();
        }
    }

    public int sessionCount() {
        return sessions.size();
    }

    public List<SessionInfo> sessions() {
        return sessions.values().stream().map(ControlSession::info).toList();
    }
}
