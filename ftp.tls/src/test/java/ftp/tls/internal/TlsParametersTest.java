package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;

import ftp.core.api.SiteSettings;
import ftp.core.internal.site.SiteSettingsParser;
import ftp.core.internal.site.ServerHome;

/** tls.minVersion, tls.maxVersion and tls.cipherSuites as the site's engines get them. */
class TlsParametersTest {

    static SiteSettings.Tls tls(Map<String, Object> config) throws Exception {
        return SiteSettingsParser.parse("s", config, ServerHome.of(Path.of("/srv"))).tls();
    }

    @Test
    void defaultsAreTls12And13WithSecureSuitesInOrder() throws Exception {
        SSLParameters parameters = TlsParameters.of(tls(Map.of()));
        assertArrayEquals(new String[] { "TLSv1.2", "TLSv1.3" }, parameters.getProtocols());
        List<String> suites = List.of(parameters.getCipherSuites());
        assertEquals("TLS_AES_256_GCM_SHA384", suites.get(0), "TLS 1.3 suites first");
        assertTrue(suites.stream().allMatch(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")
                || s.startsWith("TLS_ECDHE_") && (s.contains("_GCM_") || s.contains("CHACHA20"))), suites.toString());
        assertTrue(parameters.getUseCipherSuitesOrder());
    }

    @Test
    void olderVersionsOnlyWhenAsked() throws Exception {
        assertArrayEquals(new String[] { "TLSv1.3" }, TlsParameters.of(tls(Map.of("tls.minVersion", "TLSv1.3"))).getProtocols());
        assertArrayEquals(new String[] { "TLSv1.2" }, TlsParameters.of(tls(Map.of("tls.maxVersion", "TLSv1.2"))).getProtocols());
    }

    @Test
    void configuredSuitesAreCheckedAgainstThisJvm() throws Exception {
        SSLParameters parameters = TlsParameters.of(tls(Map.of("tls.cipherSuites",
                "TLS_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")));
        assertArrayEquals(new String[] { "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" },
                parameters.getCipherSuites());
        IOException unknown = assertThrows(IOException.class,
                () -> TlsParameters.of(tls(Map.of("tls.cipherSuites", "TLS_FANCY_NEW_CIPHER"))));
        assertEquals("tls.cipherSuites: 'TLS_FANCY_NEW_CIPHER' is not a cipher suite this Java runtime supports",
                unknown.getMessage());
        IOException only13 = assertThrows(IOException.class, () -> TlsParameters.of(tls(Map.of("tls.maxVersion", "TLSv1.2",
                "tls.cipherSuites", "TLS_AES_128_GCM_SHA256"))));
        assertTrue(only13.getMessage().startsWith("tls.cipherSuites: only TLS 1.3 suites"), only13.getMessage());
        IOException no13 = assertThrows(IOException.class, () -> TlsParameters.of(tls(Map.of("tls.minVersion", "TLSv1.3",
                "tls.cipherSuites", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))));
        assertTrue(no13.getMessage().startsWith("tls.cipherSuites: no TLS 1.3 suite"), no13.getMessage());
    }
}
