package ftp.core.internal.protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.CommandRegistration;
import ftp.core.api.ConnectionTls;
import ftp.core.api.DataConnections;
import ftp.core.api.DataConnections.Direction;
import ftp.core.api.DataProtection;
import ftp.core.api.FileSystemView;
import ftp.core.api.FtpSession;
import ftp.core.api.FtpUser;
import ftp.core.api.LoginOutcome;
import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.api.SessionInfo;
import ftp.core.api.SessionKey;
import ftp.core.api.SessionProtocol;
import ftp.core.api.SiteSettings;
import ftp.core.api.TransferRecord;
import ftp.core.api.TransferType;
import ftp.core.api.VirtualFile;
import ftp.core.internal.data.SessionDataConnections;
import ftp.core.internal.data.TransferHost;
import ftp.core.internal.fs.HomeFileSystemView;
import ftp.core.internal.fs.VirtualPaths;

/** One control connection: its login state, attributes and data connection. */
final class ControlSession implements FtpSession, TransferHost {

    static final String TLS_FILTER = "tls";

    private static final Logger LOG = LoggerFactory.getLogger(ControlSession.class);

    private final IoSession io;
    private final SiteContext site;
    private final Instant since = Instant.now();
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Map<SessionKey<?>, Object> attributes = new ConcurrentHashMap<>();
    private final SessionDataConnections data;
    private final CommandDispatcher dispatcher;
    private final ControlFlow flow;
    private volatile SessionProtocol protocol;
    private volatile ConnectionTls tls;
    private volatile String pendingUser;
    private volatile FtpUser user;
    private volatile HomeFileSystemView files;
    private volatile boolean checkingLogin;
    private volatile long awaitingLoginSince = System.nanoTime();
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param implicitTls the TLS already running on an implicit FTPS connection, or null for the
     *        plain port
     */
    ControlSession(IoSession io, SiteContext site, ConnectionTls implicitTls) {
        this.io = io;
        this.site = site;
        this.tls = implicitTls;
        this.protocol = implicitTls == null ? SessionProtocol.FTP : SessionProtocol.FTPS;
        // Kept: MINA may no longer know them once the connection is closed.
        this.remote = (InetSocketAddress) io.getRemoteAddress();
        this.local = (InetSocketAddress) io.getLocalAddress();
        this.data = new SessionDataConnections(this, site.passivePorts(), site.transferPool(), site.flushPool(),
                site.sendfilePump(), site.watchdog());
        SerialExecutor serial = new SerialExecutor(site.commandPool(), this::commandDone);
        this.dispatcher = new CommandDispatcher(this, site.commands(), serial);
        this.flow = new ControlFlow(io, serial, dispatcher::waitingCount);
    }

    CommandDispatcher dispatcher() {
        return dispatcher;
    }

    ControlFlow flow() {
        return flow;
    }

    /** The site's permits for commands that read whole files. */
    java.util.concurrent.Semaphore heavyWork() {
        return site.heavyWork();
    }

    private void commandDone() {
        flow.backlogChanged();
    }

    @Override
    public void reply(Reply reply) {
        flow.written(); // before the write: its messageSent may come before io.write returns
        io.write(reply);
    }

    @Override
    public void replyContinued(int code, String text) {
        reply(Reply.continued(code, text));
    }

    @Override
    public <T> T siteState(SessionKey<T> key, Supplier<T> initial) {
        return key.type().cast(site.state().computeIfAbsent(key, k -> initial.get()));
    }

    @Override
    public void secureControl(Reply reply) {
        if (protocol.isProtected()) {
            throw new IllegalStateException("the control connection is already protected");
        }
        ConnectionTls connection = site.tls().connection();
        tls = connection;
        protocol = SessionProtocol.FTPES;
        // TLS is in place before the reply leaves, and the reply itself passes in the clear.
        io.setAttribute(StartTlsFilter.CLEAR_ONCE, Boolean.TRUE);
        startTls(io, connection, true);
        reply(reply);
    }

    /**
     * Adds TLS in front of the codec; the server side of the handshake follows, within
     * {@code limits.tlsHandshakeTimeout} ({@link ControlHandler#sweep}).
     */
    static void startTls(IoSession io, ConnectionTls connection, boolean now) {
        io.setAttribute(StartTlsFilter.STARTED, System.nanoTime());
        SslFilter filter = new StartTlsFilter(connection.context(), now);
        SSLParameters parameters = connection.parameters();
        filter.setEnabledProtocols(parameters.getProtocols());
        filter.setEnabledCipherSuites(parameters.getCipherSuites());
        io.getFilterChain().addFirst(TLS_FILTER, filter);
    }

    @Override
    public Optional<DataProtector> dataProtector() {
        ConnectionTls connection = tls;
        if (connection == null || DataProtection.of(this) != DataProtection.PRIVATE) {
            return Optional.empty();
        }
        return Optional.of((plain, upload) -> connection.protectData(plain, controlTlsSession(), upload));
    }

    private SSLSession controlTlsSession() throws ReplyException {
        Object session = io.getAttribute(SslFilter.SSL_SECURED);
        if (!(session instanceof SSLSession)) {
            throw new ReplyException(522, "The control connection's TLS handshake has not completed");
        }
        return (SSLSession) session;
    }

    @Override
    public void close(Reply lastReply) {
        ControlHandler.closeWith(io, lastReply);
    }

    @Override
    public SiteSettings settings() {
        return site.settings();
    }

    @Override
    public SortedMap<String, CommandRegistration> commands() {
        return site.commands().enabledVerbs(site.settings());
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public SessionProtocol protocol() {
        return protocol;
    }

    @Override
    public boolean controlProtected() {
        return protocol.isProtected();
    }

    @Override
    public Optional<FtpUser> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public String userName() {
        FtpUser current = user;
        return current == null ? "-" : current.name();
    }

    @Override
    public FileSystemView files() {
        HomeFileSystemView view = files;
        if (view == null) {
            throw new IllegalStateException("not logged in");
        }
        return view;
    }

    @Override
    public Optional<String> pendingUser() {
        return Optional.ofNullable(pendingUser);
    }

    @Override
    public void beginLogin(String userName) {
        user = null;
        files = null;
        pendingUser = userName;
    }

    @Override
    public void transferred(VirtualFile file, Direction direction, long bytes, Instant started, Duration duration,
            boolean complete) {
        site.activity().transferred(new TransferRecord(site.settings().name(), userName(), remoteAddress(), file,
                direction, TransferType.of(this), bytes, started, duration, complete));
    }

    /** Whether a password check for this session is under way on the login pool. */
    boolean checkingLogin() {
        return checkingLogin;
    }

    @Override
    public void login(char[] password, Consumer<LoginOutcome> then) {
        checkingLogin = true;
        try {
            site.loginPool().execute(() -> {
                try {
                    then.accept(login(password));
                } finally {
                    checkingLogin = false;
                    dispatcher.resume();
                }
            });
        } catch (RejectedExecutionException e) {
            // the site is stopping: its sessions are being closed
            checkingLogin = false;
            Arrays.fill(password, '\0');
            close(Reply.of(421, "The site is stopping"));
        }
    }

    @Override
    public LoginOutcome login(char[] password) {
        String name = pendingUser;
        try {
            if (name == null) {
                return LoginOutcome.NO_USER;
            }
            Authenticator.Result result = site.authenticator().login(name, password, protocol, remoteAddress().getAddress());
            if (result.outcome() == LoginOutcome.SUCCESS) {
                FtpUser authenticated = result.user().orElseThrow();
                files = new HomeFileSystemView(home(authenticated), site.settings().transfers().durable(),
                        site.activity().changes(remoteAddress(), name));
                user = authenticated;
            }
            // the authentication log line (logger ftp.auth) and the login event
            site.activity().login(remoteAddress(), name, result.outcome());
            return result.outcome();
        } catch (IOException e) {
            LOG.error("Site {}: home of '{}' is not usable", site.settings().name(), name, e);
            return LoginOutcome.REJECTED;
        } finally {
            Arrays.fill(password, '\0');
            pendingUser = null;
        }
    }

    /** The user's home below the site root, created on first login. */
    private Path home(FtpUser authenticated) throws IOException {
        String virtual = VirtualPaths.resolve("/", authenticated.home());
        Path root = site.settings().root();
        Path home = virtual.length() == 1 ? root : root.resolve(virtual.substring(1));
        Files.createDirectories(home);
        return home;
    }

    @Override
    public void reinitialize() {
        awaitingLoginSince = System.nanoTime();
        data.abort();
        attributes.clear();
        beginLogin(null);
    }

    @Override
    public <T> Optional<T> get(SessionKey<T> key) {
        return Optional.ofNullable(key.type().cast(attributes.get(key)));
    }

    @Override
    public <T> void set(SessionKey<T> key, T value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }

    /** Drops the one-command state (REST offset, RNFR source…) that {@code verb} did not set. */
    void expireAfter(String verb) {
        attributes.keySet().removeIf(key -> key.expiresAfter(verb));
    }

    @Override
    public DataConnections data() {
        return data;
    }

    @Override
    public void transferEnded() {
        dispatcher.resume();
    }

    void closed() {
        ended.countDown();
        data.shutdown();
    }

    @Override
    public boolean awaitClosed(java.time.Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS) || io.isClosing();
    }

    /** Whether the session has waited longer than {@code timeout} for a login since it connected or sent REIN. */
    boolean loginOverdue(long nowNanos, java.time.Duration timeout) {
        return user == null && nowNanos - awaitingLoginSince > timeout.toNanos();
    }

    SessionInfo info() {
        FtpUser current = user;
        return new SessionInfo(site.settings().name(), io.getId(), remote.getAddress().getHostAddress() + ":" + remote.getPort(),
                current == null ? "" : current.name(), protocol, since, data.transferring());
    }
}
