package ftp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Points Pax Logging at {@code <home>/etc/org.ops4j.pax.logging.cfg} before any bundle starts, so
 * the first line of a start is already dated and in {@code <home>/log/ftp.log} (with only Configuration
 * Admin, the file would arrive seconds later through File Install, and Pax Logging drops what its
 * fallback logger buffered meanwhile). The file is written with the defaults when the home has none
 * and never touched again. Pax Logging reads {@code org.ops4j.pax.logging.property.file} and
 * substitutes {@code ${ftp.log}} from the system properties, so both are system properties; an
 * operator's own {@code -D} values win.
 *
 * <p>Not a bundle: the bnd launcher runs it from its class path (the {@code Embedded-Activator}
 * header of this jar on {@code -runpath}), with the system bundle's context.
 */
public final class StandaloneLogging implements BundleActivator {

    /** Read by the bnd launcher: start this activator right after the framework's init. */
    public static final String IMMEDIATE = "AFTER_FRAMEWORK_INIT";
    /** Pax Logging's property naming the configuration it starts with. */
    static final String PROPERTY_FILE = "org.ops4j.pax.logging.property.file";
    /** The log directory, as {@code karaf.log} is Karaf's. */
    static final String LOG_DIRECTORY = "ftp.log";
    static final String FILE_NAME = "org.ops4j.pax.logging.cfg";

    @Override
    public void start(BundleContext context) throws IOException {
        // ftp.home as ftp.core's ServerHome reads it; etc/ and log/ are the standalone layout's.
        String home = context.getProperty("ftp.home");
        if (home != null && !home.isBlank()) {
            setUp(Path.of(home), System.getProperties());
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing held
    }

    /** Sets {@link #LOG_DIRECTORY} and {@link #PROPERTY_FILE} in {@code system} unless set there. */
    static void setUp(Path home, Properties system) throws IOException {
        if (system.getProperty(LOG_DIRECTORY) == null) {
            system.setProperty(LOG_DIRECTORY, home.resolve("log").toAbsolutePath().normalize().toString());
        }
        if (system.getProperty(PROPERTY_FILE) == null) {
            Path file = home.resolve("etc").resolve(FILE_NAME).toAbsolutePath().normalize();
            if (Files.notExists(file)) {
                writeDefaults(file);
            }
            system.setProperty(PROPERTY_FILE, file.toString());
        }
    }

    /** Writes the shipped defaults beside {@code file} and moves them in whole. */
    private static void writeDefaults(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path part = Files.createTempFile(file.getParent(), FILE_NAME, ".part");
        try (InputStream defaults = StandaloneLogging.class.getResourceAsStream(FILE_NAME)) {
            if (defaults == null) {
                throw new IOException(FILE_NAME + " is missing from " + StandaloneLogging.class.getName() + "'s jar");
            }
            Files.copy(defaults, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
