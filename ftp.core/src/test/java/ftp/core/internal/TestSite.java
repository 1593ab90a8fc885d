package ftp.core.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

import ftp.core.api.ConnectionTls;
import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpUser;
import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;
import ftp.core.api.SiteSettings;
import ftp.core.api.SiteTls;
import ftp.core.internal.command.FeatCommand;
import ftp.core.internal.protocol.CommandRegistry;
import ftp.core.internal.site.InvalidConfigurationException;
import ftp.core.internal.site.ServerHome;
import ftp.core.internal.site.SiteInstance;
import ftp.core.internal.site.SiteSettingsParser;

/**
 * A real site on a free loopback port with every command class of the core registered as DS
 * would register it (from its {@link FtpCommandService} annotation), and an in-memory user store.
 */
public final class TestSite implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "secret";

    private final SiteInstance site;
    private final CommandRegistry registry;
    private final int port;
    private final Path root;
    private final Map<String, Map.Entry<String, FtpUser>> users = new ConcurrentHashMap<>();

    private TestSite(SiteInstance site, CommandRegistry registry, int port, Path root) {
        this.site = site;
        this.registry = registry;
        this.port = port;
        this.root = root;
    }

    /** Starts a site bound to 127.0.0.1 with {@code config} over test defaults; user alice/secret, home alice. */
    public static TestSite start(Path home, Map<String, Object> config) throws IOException, InvalidConfigurationException {
        return start(home, config, TestSite::noTls);
    }

    /** As {@link #start(Path, Map)}, with the site's TLS from {@code tls} (the TLS bundle's tests). */
    public static TestSite start(Path home, Map<String, Object> config, SiteInstance.TlsSource tls)
            throws IOException, InvalidConfigurationException {
        int port = freePort();
        // the range avoids every listener port, also an implicit-FTPS one the caller chose
        int ftps = config.get("ftps.port") instanceof Integer chosen ? chosen : 0;
        int pasvLow;
        do {
            pasvLow = 20000 + ThreadLocalRandom.current().nextInt(20000);
        } while ((port >= pasvLow && port <= pasvLow + 50) || (ftps >= pasvLow && ftps <= pasvLow + 50));
        Map<String, Object> properties = new HashMap<>(Map.of("bind.address", "127.0.0.1", "ftp.port", port,
                "ftps.port", 0, "pasv.ports", pasvLow + "-" + (pasvLow + 50), "root", home.resolve("root").toString()));
        properties.putAll(config);
        CommandRegistry registry = new CommandRegistry();
        for (FtpCommand command : coreCommands()) {
            registry.addCommand(command, properties(command.getClass()));
        }
        SiteInstance site = new SiteInstance(SiteSettingsParser.parse("test", properties, ServerHome.of(home)), registry, tls);
        if (site.failure().isPresent()) {
            throw new IOException(site.failure().get());
        }
        TestSite test = new TestSite(site, registry, port, site.settings().root());
        site.addUserStore((name, password) -> Optional.ofNullable(test.users.get(name))
                .filter(entry -> entry.getKey().equals(new String(password))).map(Map.Entry::getValue), Map.of());
        test.addUser(USER, PASSWORD, "alice", EnumSet.allOf(Permission.class));
        return test;
    }

    public static TestSite start(Path home) throws IOException, InvalidConfigurationException {
        return start(home, Map.of());
    }

    public void addUser(String name, String password, String home, Set<Permission> permissions) {
        addUser(name, password, home, permissions, EnumSet.allOf(SessionProtocol.class));
    }

    /** A user with a protocol allowance. */
    public void addUser(String name, String password, String home, Set<Permission> permissions,
            Set<SessionProtocol> protocols) {
        users.put(name, Map.entry(password, new FtpUser(name, home, Set.of("*"), protocols, permissions)));
    }

    /** Registers an extra command (a third-party one, for example). */
    public void register(FtpCommand command) {
        registry.addCommand(command, properties(command.getClass()));
    }

    public int port() {
        return port;
    }

    /** The running site (its connection and session counts). */
    public SiteInstance instance() {
        return site;
    }

    /** The site root; alice's home is {@code root().resolve("alice")}. */
    public Path root() {
        return root;
    }

    public Path home() throws IOException {
        return Files.createDirectories(root.resolve("alice"));
    }

    /** A Commons Net client logged in as alice, binary, passive. */
    public FTPClient login() throws IOException {
        FTPClient client = connect();
        if (!client.login(USER, PASSWORD)) {
            throw new IOException("login failed: " + client.getReplyString());
        }
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }

    public FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(java.time.Duration.ofSeconds(10));
        client.connect(InetAddress.getLoopbackAddress(), port);
        return client;
    }

    @Override
    public void close() {
        site.stop();
    }

    /** The core's tests run without the TLS bundle: no AUTH command is registered, so no TLS is asked for. */
    static SiteTls noTls(SiteSettings settings) {
        return new SiteTls() {
            @Override
            public ConnectionTls connection() {
                throw new UnsupportedOperationException("no TLS in the core's tests");
            }

            @Override
            public String description() {
                return "none (core test)";
            }
        };
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The DS properties of a command class, read from its component property type. */
    public static Map<String, Object> properties(Class<?> type) {
        FtpCommandService service = type.getAnnotation(FtpCommandService.class);
        return Map.of(FtpCommand.COMMAND, service.command(), FtpCommand.FEATURE, service.feature(),
                FtpCommand.LOGIN, service.login(), FtpCommand.DURING_TRANSFER, service.duringTransfer(),
                FtpCommand.HEAVY, service.heavy());
    }

    /** Every command class of the core, found beside FeatCommand (in a directory or, from other modules, a jar). */
    private static List<FtpCommand> coreCommands() throws IOException {
        Path location;
        try {
            location = Path.of(FeatCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packagePath = FeatCommand.class.getPackageName().replace('.', '/');
        if (Files.isDirectory(location)) {
            return commandsIn(location.resolve(packagePath));
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return commandsIn(jar.getPath(packagePath));
        }
    }

    private static List<FtpCommand> commandsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Command.class"))
                    .map(n -> FeatCommand.class.getPackageName() + "." + n.substring(0, n.length() - 6))
                    .map(TestSite::instantiate).filter(c -> c != null).toList();
        }
    }

    private static FtpCommand instantiate(String className) {
        try {
            Class<?> type = Class.forName(className);
            return type.getAnnotation(FtpCommandService.class) == null ? null
                    : (FtpCommand) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
