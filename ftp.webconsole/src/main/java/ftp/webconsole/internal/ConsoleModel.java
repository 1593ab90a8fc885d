package ftp.webconsole.internal;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import ftp.core.api.SiteStatus;

/**
 * What the page shows and sends, as plain maps for {@link Json}: the sites with their state, one
 * site's configuration, and the configuration a save posts. Checks what only the console can
 * check before the core validates the rest: cipher suite names against this Java runtime.
 */
final class ConsoleModel {

    /** The optional commands of ftp.features: key, label, one-line explanation. */
    static final List<List<String>> BUILT_IN_FEATURES = List.of(
            List.of("port", "Active mode (PORT)", "Clients may ask the server to connect to them (PORT, EPRT)."),
            List.of("hash", "HASH", "File checksums computed on the server (HASH, RANG)."),
            List.of("comb", "COMB", "Combine uploaded parts into one file."),
            List.of("stat", "STAT", "Session status and listings over the control connection."),
            List.of("syst", "SYST", "Tell clients the system type (some use it to parse listings)."),
            List.of("site", "SITE", "SITE subcommands: CHMOD, UTIME and those installed."),
            List.of("mlsd", "MLSD", "Machine-readable directory listings."),
            List.of("mlst", "MLST", "Machine-readable facts of one file."),
            List.of("mfmt", "MFMT", "Set a file's modification time."));

    static final List<String> TLS_VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private ConsoleModel() {
    }

    static Map<String, Object> status(SiteStatus site) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", site.name());
        map.put("state", site.state().name());
        map.put("restartPending", site.restartPending());
        map.put("bindAddress", site.bindAddress());
        map.put("ftpPort", site.ftpPort());
        map.put("ftpsPort", site.ftpsPort());
        map.put("sessions", site.sessions());
        map.put("message", site.message());
        map.put("certificate", site.certificate());
        return map;
    }

    /** The features the page offers: the built-in nine, then third-party keys registered now. */
    static List<Map<String, Object>> features(Map<String, String> thirdParty) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (List<String> feature : BUILT_IN_FEATURES) {
            features.add(Map.of("key", feature.get(0), "label", feature.get(1), "description", feature.get(2),
                    "builtIn", true));
        }
        Set<String> builtIn = Set.copyOf(BUILT_IN_FEATURES.stream().map(f -> f.get(0)).toList());
        thirdParty.forEach((key, description) -> {
            if (!builtIn.contains(key)) {
                features.add(Map.of("key", key, "label", key.toUpperCase(java.util.Locale.ROOT), "description",
                        description, "builtIn", false));
            }
        });
        return features;
    }

    /** The cipher suites this Java runtime supports, for the TLS tab's list. */
    static List<String> supportedCipherSuites() {
        try {
            return List.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            return List.of();
        }
    }

    /** A configuration as the page edits it: lists as arrays of strings, the rest as values. */
    static Map<String, Object> configuration(Map<String, Object> saved) {
        Map<String, Object> map = new LinkedHashMap<>();
        saved.forEach((key, value) -> map.put(key, value instanceof Object[] array ? List.of(array) : value));
        return map;
    }

    /**
     * The posted changes as properties: arrays become String[] (lists); {@code null}, an empty
     * string or an empty list returns the key to its default (an empty value). Keys not posted
     * stay as they are: a save is a merge.
     *
     * @throws IllegalArgumentException when the body is not a JSON object of the expected shape
     */
    static Map<String, Object> properties(Object body) {
        if (!(body instanceof Map<?, ?> request) || !(request.get("configuration") instanceof Map<?, ?> configuration)) {
            throw new IllegalArgumentException("expected {\"configuration\": {...}}");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        configuration.forEach((key, value) -> {
            if (value instanceof Collection<?> list) {
                String[] items = list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                        .toArray(String[]::new);
                properties.put(String.valueOf(key), items.length > 0 ? items : "");
            } else if (value == null) {
                properties.put(String.valueOf(key), "");
            } else {
                // numbers, booleans, objects as they came: the core refuses what does not fit the key
                properties.put(String.valueOf(key), value);
            }
        });
        return properties;
    }

    /** Errors only the console can find, by property name. */
    static Map<String, String> check(Map<String, Object> properties, Collection<String> supportedSuites) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (properties.get("tls.cipherSuites") instanceof String[] suites) {
            for (String suite : suites) {
                if (!supportedSuites.contains(suite)) {
                    errors.put("tls.cipherSuites", "'" + suite + "' is not a cipher suite this Java runtime supports");
                    break;
                }
            }
        }
        return errors;
    }

    /** "property: problem" (how the core refuses a save) as {property: problem}. */
    static Map<String, String> refusal(String message) {
        int colon = message.indexOf(": ");
        String property = colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : "_";
        return Map.of(property, colon > 0 && !"_".equals(property) ? message.substring(colon + 2) : message);
    }
}
