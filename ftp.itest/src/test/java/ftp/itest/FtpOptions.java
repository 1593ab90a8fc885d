package ftp.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;

import org.ops4j.pax.exam.Option;

/**
 * The framework every integration test runs in: Felix with SCR, Config Admin and Gogo, and the
 * bundles built by this reactor. Third-party versions match the parent POM's dependency
 * management (the bundles come from the local repository, where Maven put them).
 */
final class FtpOptions {

    private FtpOptions() {
    }

    static Option[] base() {
        return options(
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(""),
                systemProperty("org.ops4j.pax.url.mvn.useFallbackRepositories").value("false"),
                junitBundles(),
                // The server home (generated TLS certificates live under it) goes to target/, not the
                // module directory; karaf.base rather than ftp.home, so no standalone home is seeded.
                frameworkProperty("karaf.base").value(System.getProperty("itest.data")),
                mavenBundle("org.slf4j", "slf4j-api", "1.7.36"),
                mavenBundle("org.slf4j", "slf4j-simple", "1.7.36").noStart(),
                mavenBundle("org.osgi", "org.osgi.service.component", "1.5.1"),
                mavenBundle("org.osgi", "org.osgi.util.function", "1.2.0"),
                mavenBundle("org.osgi", "org.osgi.util.promise", "1.3.0"),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", "2.2.12"),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", "1.9.26"),
                // reads what ftp:user-add writes into <home>/etc, as in both distributions
                frameworkProperty("felix.fileinstall.dir").value(System.getProperty("itest.data") + "/etc"),
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
                frameworkProperty("felix.fileinstall.poll").value("200"),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall", "3.7.4"),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin", "1.6.4"),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime", "1.1.6"),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command", "1.1.2"),
                mavenBundle("org.apache.mina", "mina-core", "2.2.4"),
                mavenBundle("org.bouncycastle", "bcprov-jdk18on", "1.83"),
                mavenBundle("org.bouncycastle", "bcutil-jdk18on", "1.83"),
                mavenBundle("org.bouncycastle", "bcpkix-jdk18on", "1.83"),
                mavenBundle("commons-net", "commons-net", "3.11.1"),
                ours("ftp.core"),
                ours("ftp.features"),
                ours("ftp.tls"),
                ours("ftp.shell"),
                cleanCaches());
    }

    /** A bundle of this reactor, straight from its module's target directory. */
    static Option ours(String module) {
        File jar = new File(System.getProperty("ftp.bundles"), module + "/target/" + module + "-"
                + System.getProperty("ftp.version") + ".jar");
        return bundle(jar.toURI().toString());
    }
}
