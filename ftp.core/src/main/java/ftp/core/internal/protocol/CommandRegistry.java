package ftp.core.internal.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.CommandRegistration;
import ftp.core.api.FtpCommand;
import ftp.core.api.SiteSettings;

/**
 * The whiteboard of {@link FtpCommand} services, shared by all sites. Commands come and go at
 * runtime (a third-party bundle installed or removed); sessions look the verb up on every
 * request, so a new command answers at once and a removed one answers 502 at once.
 */
@Component(service = CommandRegistry.class)
public final class CommandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);
    private static final Comparator<CommandRegistration> PRECEDENCE = Comparator
            .comparingInt(CommandRegistration::ranking).reversed()
            .thenComparingLong(CommandRegistration::serviceId);

    private final Map<FtpCommand, CommandRegistration> registered = new ConcurrentHashMap<>();
    private volatile Map<String, CommandRegistration> byVerb = Map.of();

    /** DS bind method; tests without a framework register their commands through it too. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addCommand(FtpCommand command, Map<String, Object> properties) {
        CommandRegistration entry = describe(command, properties);
        if (entry.verbs().isEmpty()) {
            LOG.warn("Ignoring FtpCommand {} without a {} service property", command.getClass().getName(), FtpCommand.COMMAND);
            return;
        }
        registered.put(command, entry);
        rebuild();
        LOG.debug("Command {} available (feature '{}')", entry.verbs(), entry.feature());
    }

    void removeCommand(FtpCommand command) {
        if (registered.remove(command) != null) {
            rebuild();
        }
    }

    /** The feature keys of the commands registered now (their sites' {@code feature.<key>} toggles). */
    public Set<String> features() {
        Set<String> features = new TreeSet<>();
        registered.values().forEach(entry -> {
            if (!entry.feature().isEmpty()) {
                features.add(entry.feature());
            }
        });
        return features;
    }

    /** The command answering {@code verb}, if one is registered. */
    public Optional<CommandRegistration> find(String verb) {
        return Optional.ofNullable(byVerb.get(verb));
    }

    /** The command answering {@code verb} on a site, unless the site turned its feature off. */
    public Optional<CommandRegistration> enabled(String verb, SiteSettings settings) {
        return find(verb).filter(command -> settings.featureEnabled(command.feature()));
    }

    /** The verbs that answer on a site, sorted, each with its command. */
    public SortedMap<String, CommandRegistration> enabledVerbs(SiteSettings settings) {
        SortedMap<String, CommandRegistration> enabled = new TreeMap<>(byVerb);
        enabled.values().removeIf(command -> !settings.featureEnabled(command.feature()));
        return enabled;
    }

    private synchronized void rebuild() {
        Map<String, List<CommandRegistration>> candidates = new HashMap<>();
        for (CommandRegistration entry : registered.values()) {
            for (String verb : entry.verbs()) {
                candidates.computeIfAbsent(verb, v -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, CommandRegistration> winners = new TreeMap<>();
        candidates.forEach((verb, list) -> winners.put(verb, list.stream().min(PRECEDENCE).orElseThrow()));
        byVerb = java.util.Collections.unmodifiableMap(winners);
    }

    private static CommandRegistration describe(FtpCommand command, Map<String, Object> properties) {
        List<String> verbs = new ArrayList<>();
        Object value = properties.get(FtpCommand.COMMAND);
        if (value instanceof String[] array) {
            verbs.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> verbs.add(String.valueOf(v)));
        } else if (value != null) {
            verbs.add(value.toString());
        }
        verbs.replaceAll(v -> v.trim().toUpperCase(Locale.ROOT));
        Object feature = properties.get(FtpCommand.FEATURE);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        return new CommandRegistration(List.copyOf(verbs), feature == null ? "" : feature.toString().trim(),
                flag(properties.get(FtpCommand.LOGIN), true), flag(properties.get(FtpCommand.DURING_TRANSFER), false),
                flag(properties.get(FtpCommand.HEAVY), false),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE, command);
    }

    private static boolean flag(Object value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
