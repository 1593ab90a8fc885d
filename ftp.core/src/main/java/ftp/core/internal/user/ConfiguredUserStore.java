package ftp.core.internal.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.FtpUser;
import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;
import ftp.core.api.UserAdministration;
import ftp.core.api.UserStore;
import ftp.core.internal.site.CfgFile;
import ftp.core.internal.site.ConfigValues;
import ftp.core.internal.site.InvalidConfigurationException;
import ftp.core.internal.site.ServerHome;

/**
 * The users of the {@code ftp.user} factory configurations (DESIGN section 5). A plain password
 * found in a configuration is replaced by its bcrypt hash through Configuration Admin, so the
 * {@code etc/} file holds the hash from then on.
 */
@Component(immediate = true,
        service = { ManagedServiceFactory.class, UserStore.class, UserAdministration.class },
        property = Constants.SERVICE_PID + "=" + ConfiguredUserStore.PID,
        configurationPid = ConfiguredUserStore.PID, configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = UserConfiguration.class, factory = true)
public final class ConfiguredUserStore implements ManagedServiceFactory, UserStore, UserAdministration {

    static final String PID = "ftp.user";

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUserStore.class);

    /** One configured user: the value sessions see, and the hash. */
    record StoredUser(FtpUser user, String hash, boolean enabled) {
    }

    /** The settings of a user's file besides its name and password. */
    private static final Set<String> SETTINGS = Set.of("home", "sites", "protocols", "permissions", "enabled");

    private final ConfigurationAdmin configurations;
    private final Path etc;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Map<String, StoredUser> byPid = new ConcurrentHashMap<>();
    private final VerifiedPasswords verified = new VerifiedPasswords();
    /** Checked for unknown names, so that they cost as much time as known ones. */
    private final String decoy;

    @Activate
    public ConfiguredUserStore(BundleContext context, @Reference ConfigurationAdmin configurations) {
        this(configurations, ServerHome.locate(context::getProperty).etc());
    }

    ConfiguredUserStore(ConfigurationAdmin configurations, Path etc) {
        this.configurations = configurations;
        this.etc = etc;
        this.decoy = hasher.hash("decoy".toCharArray());
    }

    @Override
    public String getName() {
        return "FTP users";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        verified.forget(pid);
        Map<String, Object> values = ConfigValues.toMap(properties);
        try {
            String name = userName(pid, values);
            String password = new ConfigValues(values).string("password", "");
            if (password.isEmpty()) {
                throw new InvalidConfigurationException("password", "missing");
            }
            if (!PasswordHasher.isHash(password)) {
                password = hasher.hash(password.toCharArray());
                writeBack(pid, "password", password);
            }
            byPid.put(pid, parse(name, password, values));
        } catch (InvalidConfigurationException e) {
            byPid.remove(pid);
            LOG.error("User configuration {} refused: {}; that user cannot log in", pid, e.getMessage());
        }
    }

    static StoredUser parse(String name, String hash, Map<String, Object> values) throws InvalidConfigurationException {
        ConfigValues config = new ConfigValues(values);
        Set<SessionProtocol> protocols = EnumSet.noneOf(SessionProtocol.class);
        List<String> protocolNames = values.containsKey("protocols") ? config.list("protocols") : List.of("ftp", "ftpes", "ftps");
        for (String protocol : protocolNames) {
            try {
                protocols.add(SessionProtocol.fromConfigName(protocol));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("protocols", e.getMessage());
            }
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (!values.containsKey("permissions")) {
            permissions = EnumSet.allOf(Permission.class);
        }
        for (String permission : config.list("permissions")) {
            try {
                permissions.add(Permission.fromConfigName(permission));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("permissions", e.getMessage());
            }
        }
        List<String> sites = values.containsKey("sites") ? config.list("sites") : List.of("*");
        FtpUser user = new FtpUser(name, config.string("home", ""), new LinkedHashSet<>(sites), protocols, permissions);
        return new StoredUser(user, hash, config.bool("enabled", true));
    }

    @Override
    public void deleted(String pid) {
        verified.forget(pid);
        byPid.remove(pid);
    }

    /**
     * A password that matched this user's hash within {@link VerifiedPasswords#TTL} is accepted
     * from the verified-credential cache; any other password, and any unknown name, pays a full
     * bcrypt check.
     */
    @Override
    public Optional<FtpUser> authenticate(String name, char[] password) {
        Optional<Map.Entry<String, StoredUser>> found = byPid.entrySet().stream()
                .filter(e -> e.getValue().user().name().equals(name)).findFirst();
        if (found.isEmpty()) {
            PasswordHasher.matches(decoy, password);
            return Optional.empty();
        }
        String pid = found.get().getKey();
        StoredUser stored = found.get().getValue();
        boolean matches = verified.vouchesFor(pid, stored.hash(), password);
        if (!matches && PasswordHasher.matches(stored.hash(), password)) {
            verified.verified(pid, stored.hash(), password);
            matches = true;
        }
        return matches && stored.enabled() ? Optional.of(stored.user()) : Optional.empty();
    }

    @Override
    public List<String> users() {
        return byPid.values().stream().map(stored -> stored.user().name()).sorted().distinct().toList();
    }

    @Override
    public Path add(String name, char[] password, Map<String, String> settings) throws IOException {
        Path file;
        String hash;
        try {
            userName(PID, Map.of("name", name));
            if (users().contains(name)) {
                throw new InvalidConfigurationException("name", "a user named '" + name + "' exists");
            }
            file = etc.resolve(PID + "-" + name + ".cfg");
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidConfigurationException("name", file + " exists");
            }
            for (String key : settings.keySet()) {
                if (!SETTINGS.contains(key)) {
                    throw new InvalidConfigurationException(CfgFile.printable(key), "not a user setting (one of "
                            + new java.util.TreeSet<>(SETTINGS) + ")");
                }
            }
            if (password.length == 0) {
                throw new InvalidConfigurationException("password", "empty");
            }
            hash = hasher.hash(password);
            parse(name, hash, new java.util.HashMap<>(settings));
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        StringBuilder content = new StringBuilder("# User ").append(name)
                .append(", created by ftp:user-add. Every setting: README.md, \"Users\".\n");
        new java.util.TreeMap<>(settings).forEach((key, value) -> content.append(key).append(" = ")
                .append(CfgFile.escaped(value)).append('\n'));
        content.append("password = ").append(CfgFile.escaped(hash)).append('\n');
        Files.createDirectories(etc);
        CfgFile.write(file, content.toString());
        LOG.info("User {} created in {}", name, file);
        return file;
    }

    @Override
    public String randomPassword() {
        return hasher.randomPassword();
    }

    @Override
    public void setPassword(String name, char[] password) throws IOException {
        String pid = byPid.entrySet().stream().filter(e -> e.getValue().user().name().equals(name))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user named '" + name + "'"));
        writeBack(pid, "password", hasher.hash(password));
    }

    /**
     * Stores a new hash. A configuration read from an {@code etc/*.cfg} file gets that file's
     * {@code password} line rewritten atomically (File Install then delivers the complete file);
     * one created otherwise (Karaf's config:, the console) is updated through Config Admin.
     */
    private void writeBack(String pid, String key, String value) {
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null) {
                return;
            }
            Map<String, Object> properties = ConfigValues.toMap(found[0].getProperties());
            Optional<Path> file = CfgFile.of(new ConfigValues(properties));
            if (file.isPresent()) {
                CfgFile.update(file.get(), Map.of(key, value));
            } else {
                Hashtable<String, Object> updated = new Hashtable<>(properties);
                updated.put(key, value);
                found[0].update(updated);
            }
            LOG.info("User configuration {}: {} written back as a bcrypt hash{}", pid, key,
                    file.map(f -> " to " + f).orElse(""));
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("User configuration {}: cannot write the hashed {} back", pid, key, e);
        }
    }

    static String userName(String pid, Map<String, ?> values) throws InvalidConfigurationException {
        String result = new ConfigValues(values).instanceName(PID, pid)
                .orElseThrow(() -> new InvalidConfigurationException("name", "missing"));
        if (!result.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new InvalidConfigurationException("name", "'" + result
                    + "' is not a user name (1-64 letters, digits, '.', '_', '@' or '-')");
        }
        return result;
    }
}
