package ftp.core.internal.site;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the server keeps things.
 *
 * <ul>
 * <li>{@code home}: what relative site roots are resolved against; {@code ftp.home} (framework or
 * system property), else Karaf's base, else the working directory.</li>
 * <li>{@code data}: default site roots ({@code <data>/sites/<name>}) and generated TLS keys
 * ({@code <data>/tls/<site>}); {@code ftp.data}, else {@code <home>/data} for the standalone
 * server and {@code ${karaf.base}/ftp} in Karaf, outside Karaf's {@code data/}, which
 * {@code bin/start clean} wipes (uploads and the certificate's fingerprint would go with it).</li>
 * <li>{@code etc}: the operator's configuration files; {@code <home>/etc}, in Karaf
 * {@code ${karaf.etc}}.</li>
 * </ul>
 * Neither {@code etc} nor the keys may lie inside a site's root.
 */
public record ServerHome(Path home, Path data, Path etc) {

    /** Framework/system property naming the home directory. */
    public static final String PROPERTY = "ftp.home";
    /** Framework/system property naming the data directory. */
    public static final String DATA_PROPERTY = "ftp.data";

    public ServerHome {
        home = home.toAbsolutePath().normalize();
        data = home.resolve(data).normalize();
        etc = home.resolve(etc).normalize();
    }

    /** The standalone layout: {@code <home>/data}, {@code <home>/etc}. */
    public static ServerHome of(Path home) {
        return new ServerHome(home, Path.of("data"), Path.of("etc"));
    }

    /** Where generated TLS keys live ({@code <data>/tls}): never inside a site's root. */
    public Path keys() {
        return data.resolve("tls");
    }

    /** A site's root when its {@code root} is not set. */
    public Path defaultRoot(String site) {
        return data.resolve("sites").resolve(site);
    }

    /** @param properties the framework's properties ({@code BundleContext::getProperty}) */
    public static ServerHome locate(UnaryOperator<String> properties) {
        String home = property(properties, PROPERTY);
        String karaf = property(properties, "karaf.base");
        ServerHome layout;
        if (home == null && karaf != null) {
            String etc = property(properties, "karaf.etc");
            layout = new ServerHome(Path.of(karaf), Path.of("ftp"), Path.of(etc == null ? "etc" : etc));
        } else {
            layout = of(Path.of(home == null ? "" : home));
        }
        String data = property(properties, DATA_PROPERTY);
        return data == null ? layout : new ServerHome(layout.home, Path.of(data), layout.etc);
    }

    private static String property(UnaryOperator<String> properties, String key) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? null : value;
    }
}
