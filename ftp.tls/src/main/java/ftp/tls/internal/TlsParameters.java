package ftp.tls.internal;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import ftp.core.api.SiteSettings;

/**
 * The versions and cipher suites of a site from {@code tls.minVersion}, {@code tls.maxVersion}
 * and {@code tls.cipherSuites}, checked against what this JVM supports.
 */
final class TlsParameters {

    /** TLS versions, oldest first (the parser already refused other names). */
    static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    /**
     * The secure defaults, in preference order: the TLS 1.3 suites, then forward-secret AEAD
     * suites for TLS 1.2 (ECDHE with AES-GCM or ChaCha20-Poly1305; ECDSA before RSA).
     */
    static final List<String> SECURE_DEFAULTS = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private TlsParameters() {
    }

    static SSLParameters of(SiteSettings.Tls tls) throws IOException {
        SSLParameters supported;
        try {
            supported = SSLContext.getDefault().getSupportedSSLParameters();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this JVM has no TLS", e);
        }
        Set<String> protocols = Set.of(supported.getProtocols());
        for (String[] setting : new String[][] { { "tls.minVersion", tls.minVersion() }, { "tls.maxVersion", tls.maxVersion() } }) {
            if (!protocols.contains(setting[1])) {
                throw SiteTlsContext.invalid(setting[0], setting[1] + " is not supported by this Java runtime");
            }
        }
        List<String> versions = VERSIONS.subList(VERSIONS.indexOf(tls.minVersion()), VERSIONS.indexOf(tls.maxVersion()) + 1);
        Set<String> suites = Set.of(supported.getCipherSuites());
        List<String> chosen = new ArrayList<>();
        if (tls.cipherSuites().isEmpty()) {
            SECURE_DEFAULTS.stream().filter(suites::contains).forEach(chosen::add);
        } else {
            for (String suite : tls.cipherSuites()) {
                if (!suites.contains(suite)) {
                    throw SiteTlsContext.invalid("tls.cipherSuites", "'" + suite + "' is not a cipher suite this Java runtime supports");
                }
                chosen.add(suite);
            }
        }
        boolean tls13 = versions.contains("TLSv1.3");
        boolean older = versions.stream().anyMatch(v -> !"TLSv1.3".equals(v));
        if (chosen.stream().noneMatch(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")) && tls13 && !older) {
            throw SiteTlsContext.invalid("tls.cipherSuites", "no TLS 1.3 suite for tls.minVersion TLSv1.3");
        }
        if (chosen.stream().allMatch(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")) && !tls13) {
            throw SiteTlsContext.invalid("tls.cipherSuites", "only TLS 1.3 suites, but tls.maxVersion is " + tls.maxVersion());
        }
        SSLParameters parameters = new SSLParameters(chosen.toArray(String[]::new), versions.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }
}
