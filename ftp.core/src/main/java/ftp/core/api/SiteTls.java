package ftp.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/** The TLS of one running site, from {@link TlsPolicy#site}. */
@ConsumerType
public interface SiteTls {

    /**
     * The TLS of one control connection. Each has its own context, so that its data connections
     * can prove they resume this connection's session and no other (DESIGN section 6a).
     */
    ConnectionTls connection();

    /** One line for logs and operators: the certificate in use and its SHA-256 fingerprint. */
    String description();
}
