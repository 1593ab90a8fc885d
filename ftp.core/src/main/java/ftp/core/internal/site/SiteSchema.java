package ftp.core.internal.site;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
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

    private static final Set<String> KEYS = Arrays.stream(SiteConfiguration.class.getDeclaredMethods())
            .map(Method::getName).map(name -> name.replace('_', '.'))
            .collect(Collectors.toCollection(TreeSet::new));
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
