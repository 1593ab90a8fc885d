package ftp.core.internal.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.internal.site.CfgFile;
import ftp.core.internal.site.ServerHome;
import ftp.core.internal.user.PasswordHasher;

/**
 * The standalone distribution's home ({@code -Dftp.home}, default {@code ./ftp-home}): on first
 * start in an empty home it writes {@code etc/ftp.site-default.cfg} and a {@code demo} user whose
 * random password is printed once (the user store hashes it on first read), and, when the home has
 * none, the Web Console's login {@code admin} with a random password, stored hashed and printed
 * once (no default credentials); at every start it points File Install at {@code <home>/etc}.
 * Inactive unless {@code ftp.home} is set, so a Karaf installation keeps its own {@code etc/}.
 */
@Component(immediate = true, service = {})
public final class ServerHomeSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ServerHomeSetup.class);
    private static final String FILE_INSTALL_PID = "org.apache.felix.fileinstall";
    /** The Felix Web Console's configuration (its OsgiManager's PID). */
    static final String WEB_CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    private static final int WEB_CONSOLE_ITERATIONS = 1000;

    @Activate
    public ServerHomeSetup(BundleContext context, @Reference ConfigurationAdmin configurations)
            throws IOException, InvalidSyntaxException {
        if (context.getProperty(ServerHome.PROPERTY) == null) {
            return;
        }
        Path etc = ServerHome.locate(context::getProperty).etc();
        Files.createDirectories(etc);
        if (!contains(etc, "ftp.site-*.cfg")) {
            CfgFile.write(etc.resolve("ftp.site-default.cfg"), """
                    # The default site. Every property, its default and meaning: README.md, "Configuration reference".
                    # Changes take effect when the site restarts (ftp:restart default, or the web console).
                    ftp.port = 2121
                    pasv.ports = 50000-50100
                    banner.connect = Welcome to the default FTP site
                    """);
            LOG.info("Wrote {}", etc.resolve("ftp.site-default.cfg"));
        }
        if (!contains(etc, "ftp.user-*.cfg")) {
            String password = new PasswordHasher().randomPassword();
            CfgFile.write(etc.resolve("ftp.user-demo.cfg"), """
                    # The demo user. The plain password below is replaced by its bcrypt hash on first read.
                    home = demo
                    password = %s
                    """.formatted(password));
            // Printed once, on purpose on the console: the file will only hold the hash.
            System.out.println("Created user 'demo' with password '" + password + "' (shown once; stored hashed)");
        }
        Path console = etc.resolve(WEB_CONSOLE_PID + ".cfg");
        if (!Files.exists(console)) {
            String password = new PasswordHasher().randomPassword();
            CfgFile.write(console, """
                    # The Felix Web Console's login. The password is stored hashed as the console expects it
                    # ({sha-256}<salt>-<iterations>-<base64>); to change it, replace the line with a new
                    # plain password (the console also accepts one), or delete this file and restart for a
                    # new random one.
                    """);
            CfgFile.update(console, Map.of("username", "admin", "password", webConsoleHash(password)));
            System.out.println("Created Web Console user 'admin' with password '" + password
                    + "' (shown once; stored hashed)");
        }
        watch(configurations, etc);
    }

    /**
     * The Felix Web Console's salted, iterated hash (its {@code Password} class): SHA-256 applied
     * 1000 times to the UTF-8 bytes of salt + password, written {@code {sha-256}salt-1000-base64}.
     */
    static String webConsoleHash(String password) {
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = (saltHex + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < WEB_CONSOLE_ITERATIONS; i++) {
                digest.reset();
                bytes = digest.digest(bytes);
            }
            return "{sha-256}" + saltHex + "-" + WEB_CONSOLE_ITERATIONS + "-" + Base64.getEncoder().encodeToString(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Points File Install at the home's etc/ through its factory configuration. */
    private static void watch(ConfigurationAdmin configurations, Path etc) throws IOException, InvalidSyntaxException {
        String dir = etc.toAbsolutePath().toString();
        Configuration[] existing = configurations.listConfigurations(
                "(&(service.factoryPid=" + FILE_INSTALL_PID + ")(felix.fileinstall.dir=" + dir.replace("\\", "\\\\")
                        .replace("(", "\\(").replace(")", "\\)").replace("*", "\\*") + "))");
        if (existing != null) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("felix.fileinstall.dir", dir);
        properties.put("felix.fileinstall.filter", ".*\\.cfg");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        configurations.createFactoryConfiguration(FILE_INSTALL_PID, "?").update(properties);
    }

    private static boolean contains(Path dir, String glob) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            return files.iterator().hasNext();
        }
    }
}
