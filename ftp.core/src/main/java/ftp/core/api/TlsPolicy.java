package ftp.core.api;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The TLS policy service (the TLS bundle provides it). Every site needs it: a site never serves
 * plain FTP without an upgrade path, so without this service no site starts.
 */
@ConsumerType
public interface TlsPolicy {

    /**
     * Prepares a site's TLS from its settings ({@code tls.*}): key material, versions, cipher suites.
     *
     * @param dataDirectory where the policy may keep what it generates for the site (a self-signed
     *        certificate)
     * @throws IOException whose message names the setting and the reason; the site does not start
     */
    SiteTls site(SiteSettings settings, Path dataDirectory) throws IOException;
}
