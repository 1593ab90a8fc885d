package ftp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The Metatype definition of {@code ftp.site} (what Felix's and Karaf's configuration pages show)
 * and what a save accepts and hides are one schema: every attribute is a key a save accepts, and
 * the password-type attributes are exactly the secrets that never come back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SiteSchemaIT extends FtpIT {

    @Inject
    MetaTypeService metatype;

    @Inject
    BundleContext context;

    @Override
    @Configuration
    public Option[] config() {
        return options(composite(FtpOptions.base()),
                mavenBundle("org.osgi", "org.osgi.service.log", "1.5.0"),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype", "1.2.4"));
    }

    private ObjectClassDefinition site() {
        Bundle core = Arrays.stream(context.getBundles()).filter(b -> "ftp.core".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        return metatype.getMetaTypeInformation(core).getObjectClassDefinition("ftp.site", null);
    }

    @Test
    public void passwordAttributesAreTheSecretsAndNeverComeBack() throws Exception {
        Set<String> passwords = new TreeSet<>();
        for (AttributeDefinition attribute : site().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                passwords.add(attribute.getID());
            }
        }
        assertFalse(passwords.isEmpty());
        sites.create("secrets", Map.of());
        Map<String, Object> changes = new HashMap<>();
        passwords.forEach(key -> changes.put(key, "secret-value"));
        administration.save("secrets", changes);
        assertEquals(passwords, administration.secretsSet("secrets"));
        for (String key : passwords) {
            assertFalse(key, administration.configuration("secrets").containsKey(key));
        }
        assertFalse(administration.configuration("secrets").toString().contains("secret-value"));
    }

    @Test
    public void everyAttributeIsASettingASaveAccepts() throws Exception {
        sites.create("schema", Map.of());
        Map<String, Object> defaults = new HashMap<>();
        for (AttributeDefinition attribute : site().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            String[] value = attribute.getDefaultValue();
            if (value != null && value.length > 0 && !"name".equals(attribute.getID())) {
                defaults.put(attribute.getID(), String.join(",", value));
            }
        }
        assertTrue(defaults.size() > 20);
        defaults.remove("ftp.port");
        defaults.remove("ftps.port");
        defaults.remove("pasv.ports");
        defaults.remove("bind.address");
        administration.save("schema", defaults);
        assertEquals("Login successful", administration.configuration("schema").get("banner.login"));
    }
}
