package ftp.core.internal.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.ComponentException;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.SessionInfo;
import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteMetrics;
import ftp.core.api.SiteSettings;
import ftp.core.api.SiteStatus;
import ftp.core.internal.protocol.CommandRegistry;

/**
 * Tracks the {@code ftp.site} factory configurations and runs one {@link SiteInstance} per site.
 *
 * <p>Restart semantics (DESIGN section 4): a saved configuration is validated at once; a valid
 * change to a running site only marks it "restart pending" and touches no session; an invalid
 * one is refused with a message naming the property while the site keeps its old snapshot.
 * {@link #restart} disposes the instance and creates a new one from the saved configuration; if
 * the new one cannot start (a port taken), the previous configuration is started again.
 *
 * <p>The supervisor (and with it {@link SiteAdministration}, the shell commands and the console
 * page) does not need the site factory, which SCR registers only while a {@code TlsPolicy}
 * service exists: without one every site reports {@link #NO_TLS_POLICY} and starts when it
 * comes.
 */
@Component(immediate = true, service = { ManagedServiceFactory.class, SiteAdministration.class },
        property = Constants.SERVICE_PID + "=" + SiteSupervisor.PID,
        configurationPid = SiteSupervisor.PID, configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = SiteConfiguration.class, factory = true)
public final class SiteSupervisor implements ManagedServiceFactory, SiteAdministration {

    static final String PID = "ftp.site";

    private static final Logger LOG = LoggerFactory.getLogger(SiteSupervisor.class);
    static final String NO_TLS_POLICY = "waiting for the TLS policy: no ftp.core.api.TlsPolicy service "
            + "(is bundle ftp.tls installed and active?); the site starts when there is one";

    /** Guarded by {@code lock}; null while SCR has no site factory (no TLS policy). */
    private ComponentFactory<SiteInstance> factory;
    private final ConfigurationAdmin configurations;
    private final CommandRegistry commands;
    private final BundleContext context;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Site> byPid = new HashMap<>();

    /** What the supervisor knows of one configuration. Guarded by {@code lock}. */
    private static final class Site {
        final String pid;
        String name;
        Map<String, Object> saved;
        SiteSettings savedSettings;
        String refusal = "";
        ComponentInstance<SiteInstance> running;
        Map<String, Object> runningProperties;
        String failure = "";

        Site(String pid) {
            this.pid = pid;
        }

        SiteInstance instance() {
            return running == null ? null : running.getInstance();
        }
    }

    @Activate
    public SiteSupervisor(BundleContext context, @Reference ConfigurationAdmin configurations,
            @Reference CommandRegistry commands) {
        this.context = context;
        this.configurations = configurations;
        this.commands = commands;
    }

    /** The factory came (a TLS policy is there): every valid site that is not running starts. */
    @Reference(target = "(component.factory=" + SiteInstance.FACTORY + ")", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindFactory(ComponentFactory<SiteInstance> bound) {
        lock.lock();
        try {
            factory = bound;
            byPid.values().stream().filter(site -> site.running == null && site.savedSettings != null)
                    .forEach(site -> start(site, site.saved));
        } finally {
            lock.unlock();
        }
    }

    /** The factory went: SCR disposes its instances; the sites wait for the next one. */
    void unbindFactory(ComponentFactory<SiteInstance> unbound) {
        lock.lock();
        try {
            if (factory != unbound) {
                return;
            }
            factory = null;
            for (Site site : byPid.values()) {
                if (site.running != null) {
                    site.running.dispose();
                    site.running = null;
                    site.failure = NO_TLS_POLICY;
                    LOG.warn("Site {}: stopped; {}", site.name, NO_TLS_POLICY);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String getName() {
        return "FTP sites";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        Map<String, Object> saved = ConfigValues.toMap(properties);
        lock.lock();
        try {
            Site site = byPid.computeIfAbsent(pid, Site::new);
            site.saved = saved;
            String name = siteName(pid, saved);
            try {
                Site other = byName(name);
                if (other != null && other != site) {
                    throw new InvalidConfigurationException("name", "site '" + name + "' is already configured by " + other.pid);
                }
                SiteSettings parsed = SiteSettingsParser.parse(name, saved, ServerHome.locate(context::getProperty));
                checkTransferLogs(site, parsed);
                site.savedSettings = parsed;
                site.name = name;
                site.refusal = "";
                warnUnknown(name, saved);
            } catch (InvalidConfigurationException e) {
                site.savedSettings = null;
                site.refusal = e.getMessage();
                Site holder = byName(name);
                if (holder != null && holder != site) {
                    // a second configuration with a taken name is listed under its own PID, so
                    // the name keeps leading to the site that has it (status, saves, restarts)
                    site.name = pid;
                } else if (site.name == null) {
                    site.name = name;
                }
                LOG.error("Site {}: configuration refused: {}{}", name, e.getMessage(),
                        site.running == null ? "; the site does not start" : "; the site keeps running on its previous settings");
                return;
            }
            if (site.running == null) {
                start(site, saved);
            } else if (!site.savedSettings.equals(site.instance().settings())) {
                LOG.info("Site {}: configuration saved; it takes effect when the site is restarted", site.name);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void deleted(String pid) {
        lock.lock();
        try {
            Site site = byPid.remove(pid);
            if (site != null && site.running != null) {
                site.running.dispose();
                LOG.info("Site {}: configuration deleted; site stopped", site.name);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SiteStatus restart(String name) {
        lock.lock();
        try {
            Site site = byName(name);
            if (site == null) {
                throw new IllegalArgumentException("no site named '" + name + "'");
            }
            if (site.savedSettings == null) {
                throw new IllegalStateException("site '" + name + "' cannot restart: " + site.refusal);
            }
            Map<String, Object> previous = site.runningProperties;
            if (site.running != null) {
                site.running.dispose();
                site.running = null;
            }
            LOG.info("Site {}: restarting", name);
            if (!start(site, site.saved) && previous != null) {
                LOG.warn("Site {}: starting again on the previous configuration", name);
                String failure = site.failure;
                start(site, previous);
                site.failure = failure;
            }
            return status(site);
        } finally {
            lock.unlock();
        }
    }

    /** Creates the instance; records the failure and returns false when it cannot start. */
    private boolean start(Site site, Map<String, Object> properties) {
        // Only the site's own keys: SCR refuses component instances that carry a service.pid.
        Hashtable<String, Object> instanceProperties = new Hashtable<>(ownKeys(properties));
        instanceProperties.put("name", siteName(site.pid, properties));
        if (factory == null) {
            // at start-up the configurations often come before the TLS bundle: not a warning
            site.failure = NO_TLS_POLICY;
            LOG.info("Site {}: {}", site.name, NO_TLS_POLICY);
            return false;
        }
        ComponentInstance<SiteInstance> instance;
        try {
            instance = factory.newInstance(instanceProperties);
        } catch (ComponentException e) {
            site.failure = e.getMessage();
            LOG.error("Site {}: cannot start", site.name, e);
            return false;
        }
        Optional<String> failure = instance.getInstance().failure();
        if (failure.isPresent()) {
            instance.dispose();
            site.failure = failure.get();
            LOG.error("Site {}: cannot start: {}", site.name, site.failure);
            return false;
        }
        site.running = instance;
        site.runningProperties = properties;
        site.failure = "";
        return true;
    }

    @Override
    public List<SiteStatus> sites() {
        lock.lock();
        try {
            List<SiteStatus> list = new ArrayList<>();
            byPid.values().forEach(site -> list.add(status(site)));
            list.sort(Comparator.comparing(SiteStatus::name));
            return list;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<String, Object> configuration(String name) {
        lock.lock();
        try {
            Map<String, Object> shown = ownKeys(existing(name).saved);
            shown.keySet().removeIf(SiteSchema::isSecret);
            return Collections.unmodifiableMap(shown);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<String> secretsSet(String name) {
        lock.lock();
        try {
            Map<String, Object> saved = existing(name).saved;
            return SiteSchema.secrets().stream().filter(key -> !ConfigValues.text(saved.get(key)).isBlank())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A merge: the keys named change, a {@code null} or empty value returns a key to its default,
     * every other key stays. The result is validated whole (keys, the site start's rules, the
     * other sites' ports) before anything is written.
     */
    @Override
    public SiteStatus save(String name, Map<String, ?> changes) {
        lock.lock();
        try {
            Site site = existing(name);
            Map<String, Object> candidate = ownKeys(site.saved);
            Map<String, String> texts = new TreeMap<>();
            SiteSettings settings;
            Set<String> features = commands.features();
            try {
                for (Map.Entry<String, ?> change : changes.entrySet()) {
                    String key = change.getKey();
                    if (!CfgFile.isKey(key)) {
                        throw new InvalidConfigurationException(CfgFile.printable(key), CfgFile.NOT_A_KEY);
                    }
                    SiteSchema.checkKnown(key, features);
                    if (change.getValue() != null) {
                        SiteSchema.checkKind(key, change.getValue());
                    }
                    String value = ConfigValues.text(change.getValue());
                    if (value.isBlank() && !value.isEmpty()) {
                        throw new InvalidConfigurationException(key, "only blanks; send an empty value (or null) to "
                                + "return the setting to its default");
                    }
                    if ("name".equals(key)) {
                        if (value.equals(name)) {
                            continue;
                        }
                        throw new InvalidConfigurationException("name", "a site keeps its name ('" + name
                                + "'); to rename it, rename its configuration file");
                    }
                    texts.put(key, value.isEmpty() ? null : value);
                    if (value.isEmpty()) {
                        candidate.remove(key);
                    } else {
                        candidate.put(key, value);
                    }
                }
                settings = SiteSettingsParser.parse(name, candidate, ServerHome.locate(context::getProperty));
                checkPorts(site, settings);
                checkTransferLogs(site, settings);
            } catch (InvalidConfigurationException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            persist(site, texts, candidate);
            Map<String, Object> saved = new HashMap<>(candidate);
            site.saved.forEach((key, value) -> {
                if (key.startsWith("felix.fileinstall.")) {
                    saved.put(key, value);
                }
            });
            site.saved = Collections.unmodifiableMap(saved);
            site.savedSettings = settings;
            site.refusal = "";
            LOG.info("Site {}: configuration saved ({}); it takes effect when the site is restarted", name,
                    String.join(", ", texts.keySet()));
            return status(site);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the changes into the operator's .cfg file when there is one (only the lines of the
     * keys whose value changes), else gives Config Admin the whole merged configuration.
     */
    private void persist(Site site, Map<String, String> changes, Map<String, Object> merged) {
        try {
            Optional<Path> file = CfgFile.of(new ConfigValues(site.saved));
            if (file.isPresent()) {
                CfgFile.update(file.get(), changes);
                return;
            }
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + site.pid + ")");
            if (found == null) {
                throw new IllegalArgumentException("site '" + site.name + "' has no configuration any more");
            }
            found[0].update(new Hashtable<>(merged));
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("site '" + site.name + "': the configuration cannot be written: " + e.getMessage(), e);
        }
    }

    /** Names the keys of a configuration read from a file or Config Admin that no setting knows. */
    private void warnUnknown(String name, Map<String, Object> saved) {
        List<String> unknown = new ArrayList<>();
        Set<String> features = commands.features();
        for (String key : ownKeys(saved).keySet()) {
            try {
                SiteSchema.checkKnown(key, features);
            } catch (InvalidConfigurationException e) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.warn("Site {}: ignoring unknown setting(s) {} (a typo, or the command of that feature is not installed)",
                    name, unknown);
        }
    }

    /** Refuses listener ports another site's saved configuration uses on an overlapping address. */
    /** Refuses a transfer log inside another site's root (its clients could read or overwrite it). */
    private void checkTransferLogs(Site site, SiteSettings settings) throws InvalidConfigurationException {
        if (settings.transfers().log().isEmpty()) {
            return;
        }
        Path log = settings.transfers().log().get();
        for (Site other : byPid.values()) {
            if (other != site && other.savedSettings != null && SiteSettingsParser.inside(log, other.savedSettings.root())) {
                throw new InvalidConfigurationException("transfer.log", log + " lies inside the root of site '"
                        + other.name + "', whose clients could read or overwrite it");
            }
        }
    }

    private void checkPorts(Site site, SiteSettings settings) throws InvalidConfigurationException {
        for (Site other : byPid.values()) {
            SiteSettings theirs = other.savedSettings;
            if (other == site || theirs == null || !(theirs.bindAddress().equals(settings.bindAddress())
                    || theirs.bindAddress().isAnyLocalAddress() || settings.bindAddress().isAnyLocalAddress())) {
                continue;
            }
            for (String key : List.of("ftp.port", "ftps.port")) {
                int port = key.equals("ftp.port") ? settings.ftpPort() : settings.ftpsPort();
                if (port != 0 && (port == theirs.ftpPort() || port == theirs.ftpsPort())) {
                    throw new InvalidConfigurationException(key, port + " is already a listener port of site '"
                            + other.name + "'");
                }
            }
        }
    }

    private Site existing(String name) {
        Site site = byName(name);
        if (site == null) {
            throw new IllegalArgumentException("no site named '" + name + "'");
        }
        return site;
    }

    /** Without the bookkeeping keys of Config Admin, DS and File Install. */
    private static Map<String, Object> ownKeys(Map<String, ?> properties) {
        Map<String, Object> own = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith("service.") && !key.startsWith("felix.fileinstall.") && !key.startsWith("component.")) {
                own.put(key, value);
            }
        });
        return own;
    }

    @Override
    public List<SessionInfo> sessions() {
        lock.lock();
        try {
            List<SessionInfo> list = new ArrayList<>();
            byPid.values().stream().map(Site::instance).filter(i -> i != null).forEach(i -> list.addAll(i.sessions()));
            return Collections.unmodifiableList(list);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SiteMetrics> metrics() {
        lock.lock();
        try {
            return byPid.values().stream().map(Site::instance).filter(i -> i != null).map(SiteInstance::metrics)
                    .sorted(Comparator.comparing(SiteMetrics::site)).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<String> settingKeys() {
        Set<String> keys = new java.util.TreeSet<>(SiteSchema.keys());
        commands.features().forEach(feature -> keys.add(SiteSchema.FEATURE_PREFIX + feature));
        return Collections.unmodifiableSet(keys);
    }

    private SiteStatus status(Site site) {
        SiteInstance instance = site.instance();
        SiteSettings shown = instance != null ? instance.settings() : site.savedSettings;
        String message = !site.refusal.isEmpty() ? site.refusal : site.failure;
        SiteStatus.State state = instance != null ? SiteStatus.State.RUNNING
                : message.isEmpty() ? SiteStatus.State.STOPPED : SiteStatus.State.ERROR;
        boolean pending = instance != null && site.savedSettings != null && !site.savedSettings.equals(instance.settings());
        return new SiteStatus(site.name, state, pending,
                shown == null ? "" : shown.bindAddress().getHostAddress(), shown == null ? 0 : shown.ftpPort(),
                shown == null ? 0 : shown.ftpsPort(), instance == null ? 0 : instance.sessionCount(), message,
                instance == null ? "" : instance.tlsDescription());
    }

    private Site byName(String name) {
        return byPid.values().stream().filter(s -> name.equals(s.name)).findFirst().orElse(null);
    }

    @Deactivate
    void stopAll() {
        lock.lock();
        try {
            byPid.values().stream().filter(s -> s.running != null).forEach(s -> s.running.dispose());
            byPid.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The site's name: see {@link ConfigValues#instanceName}; an unnamed configuration goes by its PID. */
    static String siteName(String pid, Map<String, ?> properties) {
        return new ConfigValues(properties).instanceName(PID, pid).orElse(pid);
    }
}
