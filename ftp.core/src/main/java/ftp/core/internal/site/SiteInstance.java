package ftp.core.internal.site;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.SessionInfo;
import ftp.core.api.SiteMetrics;
import ftp.core.api.SiteSettings;
import ftp.core.api.SiteTls;
import ftp.core.api.TlsPolicy;
import ftp.core.api.UserStore;
import ftp.core.internal.activity.SiteActivity;
import ftp.core.internal.activity.SiteMetricsBean;
import ftp.core.internal.data.PassivePorts;
import ftp.core.internal.data.SendfilePump;
import ftp.core.internal.data.TransferWatchdog;
import ftp.core.internal.fs.StaleUploads;
import ftp.core.internal.protocol.CommandRegistry;
import ftp.core.internal.protocol.ControlCodecFactory;
import ftp.core.internal.protocol.ControlHandler;
import ftp.core.internal.protocol.SiteContext;

/**
 * One running site: its listener, its pools and its sessions, working from the settings it was
 * activated with. Created and disposed by {@link SiteSupervisor} through the component factory
 * {@value #FACTORY}: a restart is a dispose and a new activation.
 */
@Component(factory = SiteInstance.FACTORY, service = {})
public final class SiteInstance {

    static final String FACTORY = "ftp.site";

    private static final Logger LOG = LoggerFactory.getLogger(SiteInstance.class);

    private final SiteSettings settings;
    private final List<RankedStore> rankedStores = new CopyOnWriteArrayList<>();
    private volatile List<UserStore> userStores = List.of();
    private final ExecutorService commandPool;
    private final ExecutorService loginPool;
    private final ExecutorService transferPool;
    private final ExecutorService flushPool;
    /** Null only when it could not open its selectors (then the site did not start). */
    private final SendfilePump sendfilePump;
    private final ScheduledExecutorService scheduler;
    private final ControlHandler handler;
    private final NioSocketAcceptor acceptor;
    private final Optional<String> failure;
    private final String tlsDescription;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final SiteActivity activity;
    /** The site's counters over JMX while it runs; null when it did not start. */
    private SiteMetricsBean metricsBean;
    /** Where the site's events go; optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;
    /** How often the control connections' deadlines are checked. */
    private static final long SWEEP_MILLIS = 250;

    @Activate
    public SiteInstance(BundleContext context, @Reference CommandRegistry commands, @Reference TlsPolicy tlsPolicy,
            Map<String, Object> properties) throws InvalidConfigurationException {
        this(SiteSettingsParser.parse(String.valueOf(properties.get("name")), properties, ServerHome.locate(context::getProperty)),
                commands, settings -> tlsPolicy.site(settings, ServerHome.locate(context::getProperty).keys().resolve(settings.name())));
    }

    /** How a site gets its TLS: from the policy service, or from a test. */
    @FunctionalInterface
    public interface TlsSource {
        SiteTls tls(SiteSettings settings) throws IOException;
    }

    /** Starts a site; the user stores arrive through {@link #addUserStore}. */
    public SiteInstance(SiteSettings settings, CommandRegistry commands, TlsSource tlsSource) {
        this.settings = settings;
        SiteTls siteTls = null;
        String startFailure = null;
        try {
            siteTls = tlsSource.tls(settings);
        } catch (IOException | RuntimeException e) {
            startFailure = "TLS cannot start: " + e.getMessage();
        }
        SiteActivity opened;
        try {
            opened = SiteActivity.open(settings, () -> eventAdmin);
        } catch (IOException e) {
            opened = SiteActivity.none(settings.name());
            startFailure = startFailure != null ? startFailure : e.getMessage();
        }
        this.activity = opened;
        String name = settings.name();
        int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.commandPool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads(name + "-command"));
        ((ThreadPoolExecutor) commandPool).allowCoreThreadTimeOut(true);
        // bcrypt takes a core for ~70 ms: half the cores at most, so a login storm leaves the rest
        // to every other session; queued checks of a password just verified are cache hits.
        int checkers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.loginPool = new ThreadPoolExecutor(checkers, checkers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads(name + "-login"));
        ((ThreadPoolExecutor) loginPool).allowCoreThreadTimeOut(true);
        // One transfer per session at most, so the connection limit bounds this pool.
        this.transferPool = new ThreadPoolExecutor(0, settings.limits().maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads(name + "-transfer"));
        // at most one background flush per upload, so the same bound
        this.flushPool = new ThreadPoolExecutor(0, settings.limits().maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads(name + "-flush"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads(name + "-watchdog"));
        // sendfile to a network card costs little CPU (to loopback it is a copy): half the cores move
        // every plain download, the rest stays for commands, TLS, uploads and the clients
        SendfilePump pump = null;
        try {
            pump = new SendfilePump(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), threads(name + "-sendfile"));
        } catch (IOException e) {
            startFailure = startFailure != null ? startFailure
                    : "cannot open the selectors of its data connections: " + e.getMessage();
        }
        this.sendfilePump = pump;
        LoginGuard guard = new LoginGuard(settings.limits().maxLoginFailures(), settings.limits().banTime(), Clock.systemUTC());
        SiteContext site = new SiteContext(settings, commands, new SiteAuthenticator(name, () -> userStores, guard),
                commandPool, loginPool, transferPool, flushPool, sendfilePump,
                new TransferWatchdog(scheduler, settings.limits().dataTimeout().toMillis()),
                new PassivePorts(settings.passive().portLow(), settings.passive().portHigh()),
                new ConcurrentHashMap<>(), siteTls, new Semaphore(settings.limits().maxHeavyCommands()), activity);
        this.handler = new ControlHandler(site);
        scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        this.acceptor = new NioSocketAcceptor();
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        // ABOR comes with TCP urgent data (ftplib sends the whole line with MSG_OOB, RFC 959 its
        // Synch IAC); without this Linux takes the urgent byte out of the stream and the line breaks
        acceptor.getSessionConfig().setOobInline(true);
        acceptor.getFilterChain().addLast("codec", new ProtocolCodecFilter(new ControlCodecFactory()));
        acceptor.setHandler(handler);
        this.tlsDescription = siteTls == null ? "" : siteTls.description();
        this.failure = Optional.ofNullable(startFailure != null ? startFailure : listen());
        if (failure.isPresent()) {
            stop();
            return;
        }
        this.metricsBean = SiteMetricsBean.register(name, this::metrics);
        LOG.info("Site {} serving {} (root {}, passive ports {}-{}); TLS: {}", name, servedUrls(settings),
                settings.root(), settings.passive().portLow(), settings.passive().portHigh(), tlsDescription);
        Instant started = Instant.now();
        scheduler.execute(() -> removeStaleUploads(started));
    }

    /** The site's counters since it started. */
    public SiteMetrics metrics() {
        return activity.metrics(handler.sessionCount());
    }

    /** The URLs clients can use: every local address of the right family when bound to a wildcard. */
    static String servedUrls(SiteSettings settings) {
        List<String> urls = new ArrayList<>();
        if (settings.ftpPort() != 0) {
            urls.add(urls(settings, "ftp", settings.ftpPort()));
        }
        if (settings.ftpsPort() != 0) {
            urls.add(urls(settings, "ftps", settings.ftpsPort()));
        }
        return String.join(", ", urls);
    }

    private static String urls(SiteSettings settings, String scheme, int port) {
        InetAddress bind = settings.bindAddress();
        List<InetAddress> addresses = new ArrayList<>();
        if (bind.isAnyLocalAddress()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (bind instanceof Inet6Address || address instanceof Inet4Address) {
                            addresses.add(address);
                        }
                    }
                }
            } catch (SocketException e) {
                LOG.debug("cannot list network interfaces", e);
            }
        }
        if (addresses.isEmpty()) {
            addresses.add(bind);
        }
        return addresses.stream()
                .map(a -> scheme + "://" + (a instanceof Inet6Address ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]"
                        : a.getHostAddress()) + ":" + port + "/")
                .distinct().collect(Collectors.joining(", "));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addUserStore(UserStore store, Map<String, Object> properties) {
        rankedStores.add(new RankedStore(store, properties.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0));
        sortStores();
    }

    void removeUserStore(UserStore store) {
        rankedStores.removeIf(ranked -> ranked.store() == store);
        sortStores();
    }

    private void sortStores() {
        userStores = rankedStores.stream().sorted(Comparator.comparingInt(RankedStore::ranking).reversed())
                .map(RankedStore::store).toList();
    }

    private record RankedStore(UserStore store, int ranking) {
    }

    /** Creates the root and binds the listener; returns why that failed, or null. */
    private String listen() {
        try {
            Files.createDirectories(settings.root());
        } catch (IOException e) {
            return "cannot create the root " + settings.root() + ": " + e;
        }
        List<SocketAddress> listeners = new ArrayList<>();
        for (int port : new int[] { settings.ftpPort(), settings.ftpsPort() }) {
            if (port != 0) {
                listeners.add(new InetSocketAddress(settings.bindAddress(), port));
            }
        }
        try {
            acceptor.bind(listeners);
            return null;
        } catch (IOException e) {
            Throwable reason = e;
            while (reason.getCause() != null) {
                reason = reason.getCause(); // MINA wraps the BindException that says what is wrong
            }
            return "cannot listen on " + settings.bindAddress().getHostAddress() + ":" + settings.ftpPort()
                    + (settings.ftpsPort() == 0 ? "" : " and :" + settings.ftpsPort()) + ": " + reason.getMessage();
        }
    }

    /**
     * Why the site could not start (its port is taken, for example); the supervisor then disposes
     * it. SCR does not pass a constructor's exception on to the caller of newInstance, so the
     * reason travels this way.
     */
    public Optional<String> failure() {
        return failure;
    }

    @Deactivate
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (metricsBean != null) {
            metricsBean.unregister();
        }
        acceptor.unbind();
        acceptor.getManagedSessions().values().forEach(session -> session.closeNow());
        acceptor.dispose(true);
        commandPool.shutdownNow();
        loginPool.shutdownNow();
        transferPool.shutdownNow();
        flushPool.shutdownNow();
        scheduler.shutdownNow();
        try {
            // transfers the stop aborted record themselves (xferlog "i" lines) before the log closes
            if (!transferPool.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Site {}: transfers still ending after 2 s; their records may be lost", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sendfilePump != null) {
            sendfilePump.close(); // after the transfers: each interrupted one closed its own send
        }
        try {
            activity.close();
        } catch (IOException e) {
            LOG.warn("Site {}: transfer log not closed: {}", settings.name(), e.toString());
        }
        if (failure.isEmpty()) {
            LOG.info("Site {} stopped", settings.name());
        }
    }

    /** Upload temporaries a killed server left behind: older than this start, under the root. */
    private void removeStaleUploads(Instant started) {
        try {
            StaleUploads.Removed removed = StaleUploads.remove(settings.root(), started);
            if (removed.files() > 0) {
                LOG.info("Site {}: removed {} stale upload temporaries ({} bytes) under {}", settings.name(),
                        removed.files(), removed.bytes(), settings.root());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Site {}: cannot remove stale upload temporaries under {}: {}", settings.name(), settings.root(),
                    e.toString());
        }
    }

    /** The control connections' deadlines; an exception must not end the periodic task. */
    private void sweep() {
        try {
            handler.sweep();
        } catch (RuntimeException e) {
            LOG.error("Site {}: checking the connections' deadlines failed", settings.name(), e);
        }
    }

    /** Command, login and transfer threads running a task now. */
    public int busyThreads() {
        return ((ThreadPoolExecutor) commandPool).getActiveCount() + ((ThreadPoolExecutor) loginPool).getActiveCount()
                + activeTransfers();
    }

    /** Transfers under way now, also those still waiting for their data connection. */
    public int activeTransfers() {
        return ((ThreadPoolExecutor) transferPool).getActiveCount();
    }

    /** Connections open now, admitted or not. */
    public int connectionCount() {
        return handler.connectionCount();
    }

    /** The certificate the site serves, for operators. */
    public String tlsDescription() {
        return tlsDescription;
    }

    public SiteSettings settings() {
        return settings;
    }

    public int sessionCount() {
        return handler.sessionCount();
    }

    public List<SessionInfo> sessions() {
        return handler.sessions();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "ftp-" + prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
