package ftp.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteStatus;

/** Creating sites and users through Configuration Admin, as an operator's .cfg files do. */
final class Sites {

    private final ConfigurationAdmin configurations;
    private final SiteAdministration sites;

    Sites(ConfigurationAdmin configurations, SiteAdministration sites) {
        this.configurations = configurations;
        this.sites = sites;
    }

    static Path data() {
        return Path.of(System.getProperty("itest.data"));
    }

    /** Configures a site on 127.0.0.1 and a free port; returns the port once the site runs. */
    int create(String name, Map<String, Object> extra) throws Exception {
        int port = freePort();
        int pasv;
        do {
            pasv = 20000 + ThreadLocalRandom.current().nextInt(20000);
        } while (port >= pasv && port <= pasv + 20);
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("bind.address", "127.0.0.1", "ftp.port", port,
                "ftps.port", 0, "pasv.ports", pasv + "-" + (pasv + 20), "root", data().resolve(name).toString()));
        properties.putAll(extra);
        site(name).update(properties);
        await(() -> status(name) != null && status(name).state() == SiteStatus.State.RUNNING, "site " + name + " running");
        return port;
    }

    Configuration site(String name) throws IOException {
        return configurations.getFactoryConfiguration("ftp.site", name, "?");
    }

    /** Saves a change to a site's configuration (as the console or a .cfg edit would). */
    void change(String name, Map<String, Object> changes) throws IOException {
        Configuration configuration = site(name);
        Dictionary<String, Object> properties = configuration.getProperties();
        changes.forEach(properties::put);
        configuration.update(properties);
    }

    /** Creates a user with a plain password and waits until the store has hashed it. */
    void user(String name, String password) throws Exception {
        Configuration user = configurations.getFactoryConfiguration("ftp.user", name, "?");
        user.update(new Hashtable<>(Map.of("password", password, "home", name)));
        await(() -> String.valueOf(user.getProperties().get("password")).startsWith("$2y$"), "password of " + name + " hashed");
    }

    SiteStatus status(String name) {
        return sites.sites().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    static FTPClient login(int port, String user, String password) throws IOException {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(10_000);
        client.connect(InetAddress.getLoopbackAddress(), port);
        if (!client.login(user, password)) {
            throw new IOException("login failed: " + client.getReplyString());
        }
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
