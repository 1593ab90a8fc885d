package ftp.core.internal.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a configuration dictionary. {@code .cfg} files carry strings, Config Admin and
 * the console may carry typed values: both are accepted. Every error names the property.
 */
public final class ConfigValues {

    private final Map<String, ?> properties;

    public ConfigValues(Map<String, ?> properties) {
        this.properties = properties;
    }

    public String string(String key, String fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value.toString();
        return text.isBlank() ? fallback : text;
    }

    public int integer(String key, int fallback, int min, int max) throws InvalidConfigurationException {
        return (int) longInteger(key, fallback, min, max);
    }

    public long longInteger(String key, long fallback, long min, long max) throws InvalidConfigurationException {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        long number;
        String text = value instanceof Object[] array ? java.util.Arrays.toString(array) : value.toString().trim();
        try {
            if (value instanceof Number n && !(n instanceof Double || n instanceof Float)) {
                number = n.longValue();
            } else if (text.matches("[+-]?[0-9]{1,19}")) { // ASCII digits only: Long.parseLong takes any script's
                number = Long.parseLong(text);
            } else {
                throw new NumberFormatException(text);
            }
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(key, "'" + text + "' is not a whole number");
        }
        if (number < min || number > max) {
            throw new InvalidConfigurationException(key, number + " is outside " + min + ".." + max);
        }
        return number;
    }

    public boolean bool(String key, boolean fallback) throws InvalidConfigurationException {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new InvalidConfigurationException(key, "'" + value + "' is not true or false");
    }

    /** A list from an array, a collection or a comma-separated string; blanks are dropped. */
    public List<String> list(String key) {
        Object value = properties.get(key);
        List<String> raw = new ArrayList<>();
        if (value instanceof Object[] array) {
            for (Object item : array) {
                raw.add(String.valueOf(item));
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> raw.add(String.valueOf(item)));
        } else if (value != null) {
            raw.add(value.toString());
        }
        List<String> items = new ArrayList<>();
        for (String entry : raw) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    /**
     * The name of a factory configuration instance: the {@code name} property, else the name of
     * a named configuration ({@code ftp.site~name}), else File Install's file name
     * ({@code ftp.site-name.cfg}).
     */
    public Optional<String> instanceName(String factoryPid, String pid) {
        String name = string("name", "").trim();
        if (!name.isEmpty()) {
            return Optional.of(name);
        }
        int tilde = pid.indexOf('~');
        if (tilde >= 0) {
            return Optional.of(pid.substring(tilde + 1));
        }
        String file = string("felix.fileinstall.filename", "");
        String base = file.substring(file.lastIndexOf('/') + 1);
        String prefix = factoryPid + "-";
        if (base.startsWith(prefix) && base.endsWith(".cfg")) {
            return Optional.of(base.substring(prefix.length(), base.length() - ".cfg".length()));
        }
        return Optional.empty();
    }

    /** A value as a {@code .cfg} file holds it: lists comma-separated, {@code null} empty. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /** A copy of a Config Admin dictionary as an unmodifiable map. */
    public static Map<String, Object> toMap(Dictionary<String, ?> properties) {
        Map<String, Object> map = new HashMap<>();
        for (String key : Collections.list(properties.keys())) {
            map.put(key, properties.get(key));
        }
        return Collections.unmodifiableMap(map);
    }

    public Map<String, ?> raw() {
        return properties;
    }
}
