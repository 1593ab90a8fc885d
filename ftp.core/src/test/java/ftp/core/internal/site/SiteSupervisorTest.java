package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;

import ftp.core.api.ConnectionTls;
import ftp.core.api.SiteStatus;
import ftp.core.api.SiteTls;
import ftp.core.internal.protocol.CommandRegistry;

/** Saving through SiteAdministration: validation, port clashes, and where the settings land. */
class SiteSupervisorTest {

    @TempDir
    Path dir;
    final List<Dictionary<String, ?>> adminUpdates = new ArrayList<>();
    final List<SiteInstance> started = new ArrayList<>();
    SiteSupervisor supervisor;

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    SiteSupervisor supervisor() {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { BundleContext.class }, (p, m, a) -> "getProperty".equals(m.getName())
                        && "ftp.home".equals(a[0]) ? dir.toString() : null);
        SiteTls noTls = new SiteTls() {
            @Override
            public ConnectionTls connection() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String description() {
                return "none";
            }
        };
        ComponentFactory<SiteInstance> factory = properties -> {
            try {
                SiteInstance site = new SiteInstance(SiteSettingsParser.parse(String.valueOf(properties.get("name")),
                        ConfigValues.toMap((Dictionary<String, ?>) properties), dir), new CommandRegistry(), s -> noTls);
                started.add(site);
                return new ComponentInstance<>() {
                    @Override
                    public void dispose() {
                        site.stop();
                    }

                    @Override
                    public SiteInstance getInstance() {
                        return site;
                    }
                };
            } catch (InvalidConfigurationException e) {
                throw new IllegalStateException(e);
            }
        };
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Configuration.class }, (p, m, a) -> {
                    if ("update".equals(m.getName())) {
                        adminUpdates.add((Dictionary<String, ?>) a[0]);
                    }
                    return null;
                });
        ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (p, m, a) -> new Configuration[] { configuration });
        return new SiteSupervisor(context, factory, admin);
    }

    @AfterEach
    void stop() {
        started.forEach(SiteInstance::stop);
    }

    Map<String, Object> site(int port) {
        return new HashMap<>(Map.of("bind.address", "127.0.0.1", "ftp.port", port, "ftps.port", 0,
                "root", dir.resolve("root").toString()));
    }

    @Test
    void aFileBackedSiteIsSavedIntoItsFileAndWaitsForTheRestart() throws Exception {
        supervisor = supervisor();
        int port = freePort();
        Path file = Files.writeString(dir.resolve("ftp.site-a.cfg"), "# operator's note\nftp.port = " + port + "\n");
        Map<String, Object> properties = site(port);
        properties.put("felix.fileinstall.filename", file.toUri().toString());
        supervisor.updated("ftp.site~a", new Hashtable<>(properties));
        assertEquals(SiteStatus.State.RUNNING, supervisor.sites().get(0).state());

        Map<String, Object> changed = new HashMap<>(supervisor.configuration("a"));
        assertTrue(!changed.containsKey("felix.fileinstall.filename"), "bookkeeping keys are not configuration");
        changed.put("banner.connect", "new\nbanner");
        SiteStatus status = supervisor.save("a", changed);
        assertTrue(status.restartPending());
        List<String> lines = Files.readAllLines(file);
        assertEquals("# operator's note", lines.get(0));
        assertTrue(lines.contains("banner.connect = new\\nbanner"), lines.toString());
        assertTrue(adminUpdates.isEmpty(), "File Install delivers the file; Config Admin is not written");

        byte[] before = Files.readAllBytes(file);
        changed.put("pasv.ports", "9-1");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> supervisor.save("a", changed));
        assertTrue(refused.getMessage().startsWith("pasv.ports: "), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertThrows(IllegalArgumentException.class, () -> supervisor.save("nosuch", Map.of()));
    }

    @Test
    void listenerPortsOfAnotherSiteAreRefusedAndOtherSitesGoThroughConfigAdmin() throws Exception {
        supervisor = supervisor();
        int a = freePort();
        int b = freePort();
        supervisor.updated("ftp.site~a", new Hashtable<>(site(a)));
        supervisor.updated("ftp.site~b", new Hashtable<>(site(b)));
        Map<String, Object> clash = site(a);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> supervisor.save("b", clash));
        assertEquals("ftp.port: " + a + " is already a listener port of site 'a'", refused.getMessage());
        assertTrue(adminUpdates.isEmpty());
        Map<String, Object> fine = site(b);
        fine.put("banner.login", "hi");
        assertTrue(supervisor.save("b", fine).restartPending());
        assertEquals("hi", adminUpdates.get(0).get("banner.login"));
    }
}
