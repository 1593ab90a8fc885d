package ftp.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ftp.core.api.SiteStatus;

class ConsoleModelTest {

    @Test
    void postedConfigurationBecomesProperties() {
        Map<String, Object> properties = ConsoleModel.properties(Json.parse("{\"configuration\": {"
                + "\"banner.connect\": \"Hi\", \"ftp.port\": 2121, \"pasv.externalIp\": \"\", \"feature.hash\": false,"
                + "\"pasv.localNetworks\": [\"10.0.0.0/8\", \" \", \"fd00::/8\"], \"tls.cipherSuites\": []}}"));
        assertEquals("Hi", properties.get("banner.connect"));
        assertEquals(2121L, properties.get("ftp.port"));
        assertEquals("", properties.get("pasv.externalIp"), "empty returns the key to its default");
        assertEquals(Boolean.FALSE, properties.get("feature.hash"));
        assertArrayEquals(new String[] { "10.0.0.0/8", "fd00::/8" }, (String[]) properties.get("pasv.localNetworks"));
        assertEquals("", properties.get("tls.cipherSuites"), "no suites: back to the secure defaults");
        assertEquals("", ConsoleModel.properties(Json.parse("{\"configuration\": {\"root\": null}}")).get("root"));
        assertFalse(ConsoleModel.properties(Json.parse("{\"configuration\": {}}")).containsKey("root"),
                "a key not posted stays as it is");
        assertThrows(IllegalArgumentException.class, () -> ConsoleModel.properties(Json.parse("{\"x\": 1}")));
        // values of another kind go to the core as they came, which refuses them naming the key
        assertTrue(ConsoleModel.properties(Json.parse("{\"configuration\": {\"banner.connect\": {\"a\": 1}}}"))
                .get("banner.connect") instanceof Map<?, ?>);
    }

    @Test
    void unknownCipherSuitesAreCaughtBeforeTheCoreSeesThem() {
        List<String> supported = ConsoleModel.supportedCipherSuites();
        assertTrue(supported.contains("TLS_AES_128_GCM_SHA256"));
        assertEquals(Map.of(), ConsoleModel.check(Map.of("tls.cipherSuites", new String[] { "TLS_AES_128_GCM_SHA256" }), supported));
        assertEquals(Map.of("tls.cipherSuites", "'TLS_NOPE' is not a cipher suite this Java runtime supports"),
                ConsoleModel.check(Map.of("tls.cipherSuites", new String[] { "TLS_AES_128_GCM_SHA256", "TLS_NOPE" }), supported));
    }

    @Test
    void aCoreRefusalIsShownNextToItsField() {
        assertEquals(Map.of("pasv.ports", "'9-1' must be a range"), ConsoleModel.refusal("pasv.ports: '9-1' must be a range"));
        assertEquals(Map.of("_", "site 'x' has no configuration any more"),
                ConsoleModel.refusal("site 'x' has no configuration any more"));
    }

    @Test
    void featuresListTheNineBuiltInsThenInstalledOnes() {
        List<Map<String, Object>> features = ConsoleModel.features(Map.of("xcrc", "XCRC <sp> pathname", "hash", "dup"));
        assertEquals(10, features.size());
        assertEquals("port", features.get(0).get("key"));
        assertEquals("Active mode (PORT)", features.get(0).get("label"));
        assertEquals(Map.of("key", "xcrc", "label", "XCRC", "description", "XCRC <sp> pathname", "builtIn", false),
                features.get(9));
    }

    @Test
    void statusCarriesStateAndCertificate() {
        Map<String, Object> status = ConsoleModel.status(new SiteStatus("a", SiteStatus.State.RUNNING, true, "127.0.0.1",
                21, 990, 2, "", "CN=x, SHA-256 AB"));
        assertEquals("RUNNING", status.get("state"));
        assertEquals(true, status.get("restartPending"));
        assertEquals("CN=x, SHA-256 AB", status.get("certificate"));
    }
}
