package ftp.tls.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedKeyManager;

import ftp.core.api.ConnectionTls;
import ftp.core.api.SiteTls;

/** The TLS of one site: its key manager (built once) and its versions and cipher suites. */
final class SiteTlsContext implements SiteTls {

    private final X509ExtendedKeyManager keys;
    private final SSLParameters parameters;
    private final boolean requireReuse;
    private final String description;

    SiteTlsContext(X509ExtendedKeyManager keys, SSLParameters parameters, boolean requireReuse, String description) {
        this.keys = keys;
        this.parameters = parameters;
        this.requireReuse = requireReuse;
        this.description = description;
    }

    @Override
    public ConnectionTls connection() {
        try {
            return new ConnectionTlsContext(keys, parameters, requireReuse);
        } catch (GeneralSecurityException e) {
            // The same parameters worked when the site started: only a broken JVM gets here.
            throw new IllegalStateException("cannot create a TLS context", e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    /** Thrown for settings this JVM cannot serve. */
    static IOException invalid(String setting, String message) {
        return new IOException(setting + ": " + message);
    }
}
