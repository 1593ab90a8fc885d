package ftp.core.internal.activity;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.DataConnections.Direction;
import ftp.core.api.FtpEvents;
import ftp.core.api.LoginOutcome;
import ftp.core.api.SiteMetrics;
import ftp.core.api.SiteSettings;
import ftp.core.api.TransferRecord;
import ftp.core.api.VirtualFile;
import ftp.core.internal.fs.FileChanges;

/**
 * What a running site records of what its sessions did: file transfers go to its transfer log
 * ({@code transfer.log}), logins to the authentication log (logger {@code ftp.auth}), both and TLS
 * handshakes to its counters ({@link SiteMetrics}), and all of it, as {@link FtpEvents}, to Event
 * Admin when there is one ({@code postEvent}: delivered
 * asynchronously, a slow handler never holds a session). One per site instance; closed when the
 * site stops.
 */
public final class SiteActivity implements Closeable {

    /**
     * The authentication log: one line per login, {@code login succeeded|failed: site=<site>
     * client=<address> user="<name>" [outcome=<outcome>]}, the name with {@code "}, {@code \} and
     * control characters escaped; what fail2ban's filter in docs/fail2ban reads.
     */
    private static final Logger AUTH = LoggerFactory.getLogger("ftp.auth");
    private static final Logger LOG = LoggerFactory.getLogger(SiteActivity.class);

    private final String site;
    private final Optional<TransferLog> transferLog;
    private final Supplier<EventAdmin> events;
    private final SiteCounters counters = new SiteCounters();

    /** (Package-private for tests; sites use {@link #open}.) */
    SiteActivity(String site, Optional<TransferLog> transferLog, Supplier<EventAdmin> events) {
        this.site = site;
        this.transferLog = transferLog;
        this.events = events;
    }

    /** No transfer log and no events: for sites in tests. */
    public static SiteActivity none(String site) {
        return new SiteActivity(site, Optional.empty(), () -> null);
    }

    /**
     * Opens what the settings name.
     *
     * @param events the Event Admin now, or null
     * @throws IOException naming the file that cannot be opened
     */
    public static SiteActivity open(SiteSettings settings, Supplier<EventAdmin> events) throws IOException {
        Optional<java.nio.file.Path> log = settings.transfers().log();
        try {
            return new SiteActivity(settings.name(),
                    log.isEmpty() ? Optional.empty() : Optional.of(new TransferLog(log.get(), ZoneId.systemDefault())),
                    events);
        } catch (IOException e) {
            throw new IOException("transfer.log: cannot open " + log.get() + ": " + e, e);
        }
    }

    public void sessionOpened(long session, InetSocketAddress client) {
        post(FtpEvents.SESSION_OPENED, client, Map.of(FtpEvents.SESSION, session));
    }

    /** @param user who had logged in, or null */
    public void sessionClosed(long session, InetSocketAddress client, String user) {
        Map<String, Object> properties = new HashMap<>(Map.of(FtpEvents.SESSION, session));
        if (user != null) {
            properties.put(FtpEvents.USER, user);
        }
        post(FtpEvents.SESSION_CLOSED, client, properties);
    }

    public void login(InetSocketAddress client, String user, LoginOutcome outcome) {
        counters.login(outcome);
        String address = client.getAddress().getHostAddress();
        if (outcome == LoginOutcome.SUCCESS) {
            AUTH.info("login succeeded: site={} client={} user=\"{}\"", site, address, quoted(user));
            post(FtpEvents.LOGIN_SUCCEEDED, client, Map.of(FtpEvents.USER, user));
        } else {
            AUTH.warn("login failed: site={} client={} user=\"{}\" outcome={}", site, address, quoted(user), outcome);
            post(FtpEvents.LOGIN_FAILED, client, Map.of(FtpEvents.USER, user, FtpEvents.OUTCOME, outcome.name()));
        }
    }

    /** A file transfer ended. */
    public void transferred(TransferRecord transfer) {
        counters.transferred(transfer);
        transferLog.ifPresent(log -> log.write(transfer));
        Map<String, Object> properties = new HashMap<>(file(transfer.user(), transfer.file()));
        properties.put(FtpEvents.SIZE, transfer.bytes());
        properties.put(FtpEvents.DURATION_MS, transfer.duration().toMillis());
        properties.put(FtpEvents.TYPE, transfer.type().name().toLowerCase(Locale.ROOT));
        String topic;
        if (!transfer.complete()) {
            topic = FtpEvents.TRANSFER_FAILED;
            properties.put(FtpEvents.DIRECTION, transfer.direction().name().toLowerCase(Locale.ROOT));
        } else {
            topic = transfer.direction() == Direction.UPLOAD ? FtpEvents.UPLOADED : FtpEvents.DOWNLOADED;
        }
        post(topic, transfer.client(), properties);
    }

    /** A control connection completed a TLS handshake with this protocol version. */
    public void tlsSession(String protocol) {
        counters.tlsSession(protocol);
    }

    /** The counters now, with the sessions open now. */
    public SiteMetrics metrics(int sessions) {
        return counters.snapshot(site, sessions);
    }

    /** What a session's file system view changed, for the events. */
    public FileChanges changes(InetSocketAddress client, String user) {
        return (change, file, previous) -> {
            Map<String, Object> properties = new HashMap<>(file(user, file));
            String topic = switch (change) {
                case DELETED -> FtpEvents.DELETED;
                case DIRECTORY_CREATED -> FtpEvents.DIRECTORY_CREATED;
                case DIRECTORY_REMOVED -> FtpEvents.DIRECTORY_REMOVED;
                case RENAMED -> {
                    properties.put(FtpEvents.FROM_PATH, previous.path());
                    properties.put(FtpEvents.FROM_FILE, previous.file().toString());
                    yield FtpEvents.RENAMED;
                }
            };
            post(topic, client, properties);
        };
    }

    private static Map<String, Object> file(String user, VirtualFile file) {
        return Map.of(FtpEvents.USER, user, FtpEvents.PATH, file.path(), FtpEvents.FILE, file.file().toString());
    }

    private void post(String topic, InetSocketAddress client, Map<String, Object> properties) {
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        Map<String, Object> all = new HashMap<>(properties);
        all.put(FtpEvents.SITE, site);
        all.put(FtpEvents.CLIENT, client.getAddress().getHostAddress());
        try {
            admin.postEvent(new Event(topic, all));
        } catch (RuntimeException e) {
            // an Event Admin going away, or refusing (TopicPermission): never a session's problem
            LOG.warn("Site {}: event {} not posted: {}", site, topic, e.toString());
        }
    }

    /** A name as the authentication log quotes it: one line, no closing quote inside, no control character. */
    static String quoted(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        if (transferLog.isPresent()) {
            transferLog.get().close();
        }
    }
}
