package ftp.tls.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.SiteSettings;
import ftp.core.api.SiteTls;
import ftp.core.api.TlsPolicy;

/**
 * The TLS policy of the sites: key material from {@code tls.certificate} and {@code tls.privateKey}
 * (or a generated self-signed certificate kept with the site's data), versions and cipher suites
 * from the site's settings. JSSE carries TLS; BouncyCastle carries the PKI (DESIGN section 6a:
 * its JSSE provider cannot resume TLS 1.3 sessions).
 */
@Component(service = TlsPolicy.class)
public final class TlsPolicyService implements TlsPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(TlsPolicyService.class);
    private static final char[] KEYSTORE_PASSWORD = "in-memory".toCharArray();
    /**
     * SunJSSE refuses a client's renegotiation (at its ClientHello, before any expensive work) when
     * this system property is true. It reads it once, when its first server handshake starts, so
     * it is set before this service serves one, unless the operator chose otherwise; the
     * distribution also sets it from the start (-runproperties). TLS 1.3 has no
     * renegotiation.
     */
    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    public TlsPolicyService() {
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        } else if (!Boolean.getBoolean(REJECT_RENEGOTIATION)) {
            LOG.warn("{} is false: clients may renegotiate TLS 1.2 as often as they like", REJECT_RENEGOTIATION);
        }
    }

    @Override
    public SiteTls site(SiteSettings settings, Path dataDirectory) throws IOException {
        SiteSettings.Tls tls = settings.tls();
        KeyMaterial keys;
        try {
            keys = KeyMaterial.load(tls.certificate(), tls.privateKey(), tls.privateKeyPassword(), dataDirectory,
                    hostNames(settings));
        } catch (KeyMaterialException e) {
            throw new IOException(e.getMessage(), e);
        }
        String description = (keys.generated() ? "self-signed " : "") + keys.subject() + ", valid until "
                + keys.notAfter() + ", SHA-256 " + keys.sha256Fingerprint();
        LOG.info("Site {}: TLS certificate {}", settings.name(), description);
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys.keyStore(KEYSTORE_PASSWORD), KEYSTORE_PASSWORD);
            X509ExtendedKeyManager manager = null;
            for (KeyManager candidate : factory.getKeyManagers()) {
                if (candidate instanceof X509ExtendedKeyManager extended) {
                    manager = extended;
                }
            }
            if (manager == null) {
                throw new IOException("this Java runtime has no X509ExtendedKeyManager");
            }
            return new SiteTlsContext(manager, TlsParameters.of(tls), tls.requireSessionReuse(), description);
        } catch (GeneralSecurityException e) {
            throw new IOException("tls.certificate: the key material cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Names for a generated certificate: the host name, localhost, the loopback addresses and a
     * specific bind address.
     */
    static List<String> hostNames(SiteSettings settings) {
        List<String> names = new ArrayList<>();
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            LOG.debug("no host name for the certificate", e);
        }
        names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        InetAddress bind = settings.bindAddress();
        if (!bind.isAnyLocalAddress() && !bind.isLoopbackAddress()) {
            names.add(bind.getHostAddress());
        }
        return names;
    }
}
