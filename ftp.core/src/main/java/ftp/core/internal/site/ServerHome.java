package ftp.core.internal.site;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * The server's home directory: {@code ftp.home} (framework or system property), else Karaf's
 * base, else the working directory. Relative site roots are resolved against it.
 */
public final class ServerHome {

    /** Framework/system property naming the home directory. */
    public static final String PROPERTY = "ftp.home";

    private ServerHome() {
    }

    /** Where generated TLS keys live ({@code <home>/data/tls/<site>}): never inside a site's root. */
    public static Path keys(Path home) {
        return home.resolve("data/tls");
    }

    /** The operator's configuration files ({@code <home>/etc}): never inside a site's root. */
    public static Path etc(Path home) {
        return home.resolve("etc");
    }

    public static Path locate(BundleContext context) {
        for (String key : new String[] { PROPERTY, "karaf.base" }) {
            String value = context.getProperty(key);
            if (value != null && !value.isBlank()) {
                return Path.of(value).toAbsolutePath().normalize();
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
