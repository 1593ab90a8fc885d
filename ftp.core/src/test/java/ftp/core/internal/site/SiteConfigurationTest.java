package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Keeps the Metatype definition (what operators see) and the parser (what runs) in step. */
class SiteConfigurationTest {

    static final Path HOME = Path.of("/srv/ftp");

    static String key(Method attribute) {
        return attribute.getName().replace('_', '.');
    }

    @Test
    void theMetatypeDefaultsAreTheParsersDefaults() throws Exception {
        Map<String, Object> defaults = new HashMap<>();
        for (Method attribute : SiteConfiguration.class.getDeclaredMethods()) {
            Object value = attribute.getDefaultValue();
            if (value != null) {
                defaults.put(key(attribute), value);
            }
        }
        assertEquals(SiteSettingsParser.parse("s", Map.of(), ServerHome.of(HOME)), SiteSettingsParser.parse("s", defaults, ServerHome.of(HOME)));
    }

    @Test
    void everyTypedAttributeIsReadAndValidatedByTheParser() {
        for (Method attribute : SiteConfiguration.class.getDeclaredMethods()) {
            Class<?> type = attribute.getReturnType();
            if (type != int.class && type != boolean.class) {
                continue;
            }
            String key = key(attribute);
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SiteSettingsParser.parse("s", Map.of(key, "not-a-value"), ServerHome.of(HOME)), key);
            assertEquals(key, e.property());
        }
    }
}
