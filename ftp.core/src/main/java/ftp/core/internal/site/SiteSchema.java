package ftp.core.internal.site;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The keys of a site configuration, from its Metatype definition {@link SiteConfiguration} (an
 * attribute {@code bind_address} is the key {@code bind.address}, as DS and bnd map it), plus
 * {@code feature.<key>} of every command installed. A secret is a key whose name ends in
 * {@code Password} (declared {@code AttributeType.PASSWORD} in the Metatype, which an
 * integration test checks): its value is never returned, printed or logged.
 */
public final class SiteSchema {

    static final String FEATURE_PREFIX = "feature.";

    /** Each key and its Metatype attribute's type: String, int, long, boolean or String[] (a list). */
    private static final Map<String, Class<?>> TYPES = Arrays.stream(SiteConfiguration.class.getDeclaredMethods())
            .collect(Collectors.toMap(method -> method.getName().replace('_', '.'), Method::getReturnType));
    private static final Set<String> KEYS = new TreeSet<>(TYPES.keySet());
    private static final Set<String> SECRETS = KEYS.stream().filter(key -> key.endsWith("Password"))
            .collect(Collectors.toCollection(TreeSet::new));

    private SiteSchema() {
    }

    /** Every key the Metatype definition knows, sorted. */
    public static Set<String> keys() {
        return KEYS;
    }

    /** The password-type keys, sorted. */
    public static Set<String> secrets() {
        return SECRETS;
    }

    /**
     * Refuses a value whose kind does not fit the key: a JSON object anywhere, a list for a key
     * that holds one value, a number or true/false for a text. Text is fine everywhere, since
     * {@code .cfg} files hold text.
     *
     * @throws InvalidConfigurationException naming the key
     */
    public static void checkKind(String key, Object value) throws InvalidConfigurationException {
        Class<?> type = TYPES.getOrDefault(key, boolean.class);
        boolean list = value instanceof Collection<?> || value instanceof Object[];
        if (value instanceof Map<?, ?> || (list && type != String[].class)
                || ((value instanceof Number || value instanceof Boolean) && (type == String.class || type == String[].class))
                || (value instanceof Number && type == boolean.class) || (value instanceof Boolean && type != boolean.class)) {
            throw new InvalidConfigurationException(key, "expects " + describe(type) + ", not "
                    + (list ? "a list" : value instanceof Map<?, ?> ? "an object"
                            : isSecret(key) ? "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                            : "'" + value + "'"));
        }
    }

    private static String describe(Class<?> type) {
        return type == String[].class ? "a list of text" : type == boolean.class ? "true or false"
                : type == String.class ? "text" : "a whole number";
    }

    public static boolean isSecret(String key) {
        return SECRETS.contains(key);
    }

    /**
     * Refuses a key that neither the Metatype definition nor an installed command's feature knows.
     *
     * @param features the feature keys of the commands installed now
     * @throws InvalidConfigurationException naming the key
     */
    public static void checkKnown(String key, Collection<String> features) throws InvalidConfigurationException {
        if (KEYS.contains(key)) {
            return;
        }
        if (key.startsWith(FEATURE_PREFIX) && features.contains(key.substring(FEATURE_PREFIX.length()))) {
            return;
        }
        throw new InvalidConfigurationException(key, "not a site setting (see README, \"Configuration reference\"; "
                + "feature.<key> needs the command with that feature key installed)");
    }
}
