package ftp.core.internal.site;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ftp.core.api.Addresses;
import ftp.core.api.Cidr;
import ftp.core.api.SiteSettings;

/**
 * Validates a {@code ftp.site} configuration into {@link SiteSettings}. Every error names the
 * property and says what is wrong with it; nothing is half-applied.
 */
public final class SiteSettingsParser {

    static final String DEFAULT_BIND = "0.0.0.0";
    static final int DEFAULT_FTP_PORT = 2121;
    static final int DEFAULT_FTPS_PORT = 2990;
    static final String DEFAULT_BANNER_CONNECT = "FTP server ready";
    static final String DEFAULT_BANNER_LOGIN = "Login successful";
    static final String DEFAULT_BANNER_LOGIN_FAILURE = "Login incorrect";
    static final String DEFAULT_BANNER_LOGOUT = "Goodbye";
    static final String DEFAULT_PASV_PORTS = "50000-50100";
    static final String DEFAULT_TLS_MIN = "TLSv1.2";
    static final String DEFAULT_TLS_MAX = "TLSv1.3";
    static final int DEFAULT_MAX_CONNECTIONS = 100;
    static final int DEFAULT_MAX_PER_IP = 10;
    static final int DEFAULT_IDLE_TIMEOUT = 300;
    static final int DEFAULT_DATA_TIMEOUT = 60;
    static final int DEFAULT_MAX_LOGIN_FAILURES = 5;
    static final int DEFAULT_BAN_TIME = 300;
    static final int DEFAULT_MAX_CONCURRENT_HASHES = 2;
    static final long DEFAULT_MAX_HASH_SIZE = 0;
    static final int DEFAULT_LOGIN_TIMEOUT = 60;
    static final int DEFAULT_LINE_TIMEOUT = 30;
    static final int DEFAULT_TLS_HANDSHAKE_TIMEOUT = 10;
    static final int DEFAULT_MAX_HEAVY_COMMANDS = 2;
    static final int MAX_BANNER = 4096;

    /** Known TLS protocol names, oldest first. */
    static final List<String> TLS_VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    /** A plain name: never '.', '..' or hidden, so <data>/sites/<name> is a directory of its own. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PORT_RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*(?:-\\s*(\\d{1,5})\\s*)?");

    private SiteSettingsParser() {
    }

    /**
     * @param name the site's name (from {@code name}, else the configuration file name)
     * @param properties the configuration
     * @param serverHome what a relative {@code root} is resolved against, the default root and
     *        the directories no root may hold
     */
    public static SiteSettings parse(String name, Map<String, ?> properties, ServerHome serverHome)
            throws InvalidConfigurationException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException("name", "'" + name
                    + "' is not a site name (1-64 letters, digits, '.', '_' or '-')");
        }
        ConfigValues values = new ConfigValues(properties);
        InetAddress bind = address(values, "bind.address").orElseGet(() -> Addresses.parseLiteral(DEFAULT_BIND));
        int ftpPort = values.integer("ftp.port", DEFAULT_FTP_PORT, 0, 65535);
        int ftpsPort = values.integer("ftps.port", DEFAULT_FTPS_PORT, 0, 65535);
        if (ftpPort == 0 && ftpsPort == 0) {
            throw new InvalidConfigurationException("ftp.port", "ftp.port and ftps.port are both 0: the site would serve nothing");
        }
        if (ftpPort != 0 && ftpPort == ftpsPort) {
            throw new InvalidConfigurationException("ftps.port", "the same port as ftp.port (" + ftpPort + ")");
        }
        SiteSettings.Passive passive = passive(values, ftpPort, ftpsPort);
        Path root = root(values, name, serverHome);
        return new SiteSettings(name, bind, ftpPort, ftpsPort, root,
                new SiteSettings.Banners(
                        banner(values, "banner.connect", DEFAULT_BANNER_CONNECT),
                        banner(values, "banner.login", DEFAULT_BANNER_LOGIN),
                        banner(values, "banner.loginFailure", DEFAULT_BANNER_LOGIN_FAILURE),
                        banner(values, "banner.logout", DEFAULT_BANNER_LOGOUT)),
                passive, disabledFeatures(values), tls(values), limits(values),
                new SiteSettings.Transfers(values.bool("transfer.durable", true), transferLog(values, serverHome, root)));
    }

    /** The transfer log: never inside the site's root, where clients could read or overwrite it. */
    private static Optional<Path> transferLog(ConfigValues values, ServerHome serverHome, Path root)
            throws InvalidConfigurationException {
        String log = values.string("transfer.log", "").trim();
        if (log.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = serverHome.home().resolve(log).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                throw new InvalidConfigurationException("transfer.log", "'" + log + "' is a directory, not a file");
            }
            if (inside(path, root)) {
                throw new InvalidConfigurationException("transfer.log", "'" + log + "' lies inside the site's root "
                        + root + ", where clients could read or overwrite it");
            }
            for (Path kept : List.of(serverHome.keys(), serverHome.etc(), serverHome.defaultRoot(""))) {
                if (inside(path, kept)) {
                    throw new InvalidConfigurationException("transfer.log", "'" + log + "' lies inside " + kept
                            + ", which holds keys, configuration or sites' files");
                }
            }
            return Optional.of(path);
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException("transfer.log", "'" + log + "' is not a path: " + e.getReason());
        }
    }

    /** A banner: any text up to {@value #MAX_BANNER} characters (clients read reply lines into bounded buffers). */
    private static String banner(ConfigValues values, String key, String fallback) throws InvalidConfigurationException {
        String text = values.string(key, fallback);
        if (text.length() > MAX_BANNER) {
            throw new InvalidConfigurationException(key, text.length() + " characters; at most " + MAX_BANNER);
        }
        return text;
    }

    private static Path root(ConfigValues values, String name, ServerHome serverHome) throws InvalidConfigurationException {
        String root = values.string("root", serverHome.defaultRoot(name).toString());
        Path path;
        try {
            path = serverHome.home().resolve(root).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException("root", "'" + root + "' is not a path: " + e.getReason());
        }
        // Clients could read (or overwrite) the server's private keys or its password hashes:
        // compared as real paths, so a symbolic link to them (or above them) is seen through.
        Path real = real(path);
        for (Path secret : List.of(serverHome.keys(), serverHome.etc())) {
            Path protectedDir = real(secret.toAbsolutePath().normalize());
            if (protectedDir.startsWith(real) || real.startsWith(protectedDir)) {
                throw new InvalidConfigurationException("root", "'" + root + "' is or holds " + protectedDir
                        + " (or lies inside it), which holds the server's keys or configuration");
            }
        }
        return path;
    }

    /** Whether {@code path} is {@code dir} or lies below it, compared as real paths (links seen through). */
    static boolean inside(Path path, Path dir) {
        return real(path.toAbsolutePath().normalize()).startsWith(real(dir.toAbsolutePath().normalize()));
    }

    /** The real path of the deepest existing ancestor, with the rest of the path below it. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    private static SiteSettings.Passive passive(ConfigValues values, int ftpPort, int ftpsPort)
            throws InvalidConfigurationException {
        String ports = values.string("pasv.ports", DEFAULT_PASV_PORTS);
        Matcher range = PORT_RANGE.matcher(ports);
        if (!range.matches()) {
            throw new InvalidConfigurationException("pasv.ports", "'" + ports + "' is not a port range like 50000-50100");
        }
        int low = Integer.parseInt(range.group(1));
        int high = range.group(2) == null ? low : Integer.parseInt(range.group(2));
        if (low < 1024 || high > 65535 || low > high) {
            throw new InvalidConfigurationException("pasv.ports", "'" + ports
                    + "' must be a range within 1024-65535 with the low port first");
        }
        for (int port : new int[] { ftpPort, ftpsPort }) {
            if (port >= low && port <= high) {
                throw new InvalidConfigurationException("pasv.ports", "'" + ports + "' contains the listener port " + port);
            }
        }
        List<Cidr> networks = new ArrayList<>();
        for (String entry : values.list("pasv.localNetworks")) {
            try {
                networks.add(Cidr.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("pasv.localNetworks", e.getMessage());
            }
        }
        return new SiteSettings.Passive(low, high, address(values, "pasv.externalIp"),
                address(values, "pasv.externalIpTls"), networks, values.bool("pasv.useControlIp", false),
                values.bool("port.useControlIp", false));
    }

    private static Optional<InetAddress> address(ConfigValues values, String key) throws InvalidConfigurationException {
        String text = values.string(key, "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Addresses.parseLiteral(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, e.getMessage());
        }
    }

    /** Only the features turned off: an explicit {@code true} is the default and changes nothing. */
    private static Set<String> disabledFeatures(ConfigValues values) throws InvalidConfigurationException {
        Set<String> disabled = new TreeSet<>();
        for (String key : values.raw().keySet()) {
            if (key.startsWith(SiteSchema.FEATURE_PREFIX) && key.length() > SiteSchema.FEATURE_PREFIX.length() && !values.bool(key, true)) {
                disabled.add(key.substring(SiteSchema.FEATURE_PREFIX.length()));
            }
        }
        return disabled;
    }

    private static SiteSettings.Tls tls(ConfigValues values) throws InvalidConfigurationException {
        String min = tlsVersion(values, "tls.minVersion", DEFAULT_TLS_MIN);
        String max = tlsVersion(values, "tls.maxVersion", DEFAULT_TLS_MAX);
        if (TLS_VERSIONS.indexOf(min) > TLS_VERSIONS.indexOf(max)) {
            throw new InvalidConfigurationException("tls.minVersion", min + " is above tls.maxVersion " + max);
        }
        return new SiteSettings.Tls(values.bool("tls.forceStartTls", false), min, max, values.list("tls.cipherSuites"),
                optionalPath(values, "tls.certificate"), optionalPath(values, "tls.privateKey"),
                Optional.of(values.string("tls.privateKeyPassword", "")).filter(p -> !p.isEmpty()),
                values.bool("tls.requireSessionReuse", true));
    }

    private static String tlsVersion(ConfigValues values, String key, String fallback) throws InvalidConfigurationException {
        String version = values.string(key, fallback).trim();
        if (!TLS_VERSIONS.contains(version)) {
            throw new InvalidConfigurationException(key, "'" + version + "' is not one of " + TLS_VERSIONS);
        }
        return version;
    }

    private static Optional<Path> optionalPath(ConfigValues values, String key) throws InvalidConfigurationException {
        String text = values.string(key, "");
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(key, "'" + text + "' is not a path: " + e.getReason());
        }
    }

    private static SiteSettings.Limits limits(ConfigValues values) throws InvalidConfigurationException {
        return new SiteSettings.Limits(
                values.integer("limits.maxConnections", DEFAULT_MAX_CONNECTIONS, 1, 100_000),
                values.integer("limits.maxConnectionsPerIp", DEFAULT_MAX_PER_IP, 1, 100_000),
                Duration.ofSeconds(values.integer("limits.idleTimeout", DEFAULT_IDLE_TIMEOUT, 1, 86_400)),
                Duration.ofSeconds(values.integer("limits.dataTimeout", DEFAULT_DATA_TIMEOUT, 1, 3_600)),
                values.integer("limits.maxLoginFailures", DEFAULT_MAX_LOGIN_FAILURES, 1, 1_000),
                Duration.ofSeconds(values.integer("limits.banTime", DEFAULT_BAN_TIME, 1, 86_400)),
                values.integer("limits.maxConcurrentHashes", DEFAULT_MAX_CONCURRENT_HASHES, 1, 1_000),
                values.longInteger("limits.maxHashSize", DEFAULT_MAX_HASH_SIZE, 0, Long.MAX_VALUE),
                Duration.ofSeconds(values.integer("limits.loginTimeout", DEFAULT_LOGIN_TIMEOUT, 1, 3_600)),
                Duration.ofSeconds(values.integer("limits.lineTimeout", DEFAULT_LINE_TIMEOUT, 1, 3_600)),
                Duration.ofSeconds(values.integer("limits.tlsHandshakeTimeout", DEFAULT_TLS_HANDSHAKE_TIMEOUT, 1, 600)),
                values.integer("limits.maxHeavyCommands", DEFAULT_MAX_HEAVY_COMMANDS, 1, 1_000));
    }
}
