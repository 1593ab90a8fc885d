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
import org.junit.jupiter.api.BeforeEach;
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
    ComponentFactory<SiteInstance> factory;

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
        factory = properties -> {
            try {
                SiteInstance site = new SiteInstance(SiteSettingsParser.parse(String.valueOf(properties.get("name")),
                        ConfigValues.toMap((Dictionary<String, ?>) properties), ServerHome.of(dir)), new CommandRegistry(), s -> noTls);
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
        CommandRegistry commands = new CommandRegistry();
        commands.addCommand((request, session) -> { }, Map.of("ftp.command", "XCRC", "ftp.feature", "xcrc"));
        SiteSupervisor created = new SiteSupervisor(context, admin, commands);
        created.bindFactory(factory);
        return created;
    }

    @BeforeEach
    void start() {
        supervisor = supervisor();
    }

    @AfterEach
    void stop() {
        started.forEach(SiteInstance::stop);
    }

    Map<String, Object> site(int port) {
        return new HashMap<>(Map.of("bind.address", "127.0.0.1", "ftp.port", port, "ftps.port", 0,
                "root", dir.resolve("root").toString()));
    }

    /** A site read from an operator's file, as File Install delivers it. */
    Path fileSite(String name, int port, String content) throws Exception {
        Path file = Files.writeString(dir.resolve("ftp.site-" + name + ".cfg"), content);
        Map<String, Object> properties = new HashMap<>(CfgFileTest.asFileInstallReadsIt(file));
        properties.put("felix.fileinstall.filename", file.toUri().toString());
        supervisor.updated("ftp.site~" + name, new Hashtable<>(properties));
        return file;
    }

    /** A site on 127.0.0.1 and a free port, read from its file; {@code extra} ends with a line break. */
    Path plainSite(String name, String extra) throws Exception {
        int port = freePort();
        return fileSite(name, port, "bind.address = 127.0.0.1\nftp.port = " + port + "\nftps.port = 0\nroot = "
                + dir.resolve("root") + "\n" + extra);
    }

    @Test
    void aFileBackedSiteIsSavedIntoItsFileAndWaitsForTheRestart() throws Exception {
        int port = freePort();
        Path file = fileSite("a", port, "# operator's note\nbind.address = 127.0.0.1\nftp.port = " + port
                + "\nftps.port = 0\nroot = " + dir.resolve("root") + "\n");
        assertEquals(SiteStatus.State.RUNNING, supervisor.sites().get(0).state());
        assertTrue(!supervisor.configuration("a").containsKey("felix.fileinstall.filename"), "bookkeeping keys are not configuration");

        SiteStatus status = supervisor.save("a", Map.of("banner.connect", "new\nbanner"));
        assertTrue(status.restartPending());
        List<String> lines = Files.readAllLines(file);
        assertEquals("# operator's note", lines.get(0));
        assertTrue(lines.contains("banner.connect = new\\nbanner"), lines.toString());
        assertTrue(adminUpdates.isEmpty(), "File Install delivers the file; Config Admin is not written");

        byte[] before = Files.readAllBytes(file);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> supervisor.save("a", Map.of("pasv.ports", "9-1")));
        assertTrue(refused.getMessage().startsWith("pasv.ports: "), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertThrows(IllegalArgumentException.class, () -> supervisor.save("nosuch", Map.of()));
    }

    /**
     * Issue 12, item 8: SCR registers the site factory only while a TLS policy exists; the
     * supervisor required it, so without ftp.tls SiteAdministration (and every ftp:* command, the
     * console page) was gone and nobody could ask why nothing listened.
     */
    @Test
    void withoutTheSiteFactoryTheSitesWaitAndSayWhyAndStartWhenItComes() throws Exception {
        supervisor.unbindFactory(factory);
        Path file = plainSite("w", "");
        int port = Integer.parseInt(String.valueOf(CfgFileTest.asFileInstallReadsIt(file).get("ftp.port")));
        SiteStatus waiting = supervisor.sites().get(0);
        assertEquals(SiteStatus.State.ERROR, waiting.state());
        assertEquals(SiteSupervisor.NO_TLS_POLICY, waiting.message());
        assertTrue(waiting.message().contains("ftp.tls"), waiting.message());
        assertThrows(java.io.IOException.class, () -> new java.net.Socket("127.0.0.1", port).close());

        supervisor.bindFactory(factory);
        assertEquals(SiteStatus.State.RUNNING, supervisor.sites().get(0).state());
        new java.net.Socket("127.0.0.1", port).close();

        supervisor.unbindFactory(factory);
        assertEquals(SiteSupervisor.NO_TLS_POLICY, supervisor.sites().get(0).message());
        assertThrows(java.io.IOException.class, () -> new java.net.Socket("127.0.0.1", port).close());
        assertEquals("127.0.0.1", supervisor.configuration("w").get("bind.address"), "the site stays known");
    }

    /** Review of issue 13: a transfer log in another site's root would be that site's clients' to read. */
    @Test
    void aTransferLogInsideAnotherSitesRootIsRefused() throws Exception {
        fileSite("a", freePort(), "bind.address = 127.0.0.1\nftp.port = " + freePort() + "\nftps.port = 0\nroot = "
                + dir.resolve("rootA") + "\n");
        fileSite("b", freePort(), "bind.address = 127.0.0.1\nftp.port = " + freePort() + "\nftps.port = 0\nroot = "
                + dir.resolve("rootB") + "\ntransfer.log = " + dir.resolve("rootA/b.log") + "\n");
        SiteStatus b = supervisor.sites().stream().filter(s -> s.name().equals("b")).findFirst().orElseThrow();
        assertEquals(SiteStatus.State.ERROR, b.state());
        assertTrue(b.message().startsWith("transfer.log: ") && b.message().contains("site 'a'"), b.message());
        fileSite("c", freePort(), "bind.address = 127.0.0.1\nftp.port = " + freePort() + "\nftps.port = 0\nroot = "
                + dir.resolve("rootC") + "\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> supervisor.save("a", Map.of("transfer.log", dir.resolve("rootC/a.log").toString())));
        assertTrue(refused.getMessage().contains("site 'c'"), refused.getMessage());
        Files.createSymbolicLink(dir.resolve("linkC"), Files.createDirectories(dir.resolve("rootC")));
        IllegalArgumentException linked = assertThrows(IllegalArgumentException.class,
                () -> supervisor.save("a", Map.of("transfer.log", dir.resolve("linkC/a.log").toString())));
        assertTrue(linked.getMessage().contains("site 'c'"), "a link to another root is seen through: " + linked.getMessage());
    }

    /** Issue 8, item 3: a one-key save was a replacement and reset every other setting. */
    @Test
    void aSaveIsAMergeAndAnEmptyValueReturnsAKeyToItsDefault() throws Exception {
        Path file = plainSite("m", "banner.login = Hi\nfeature.port = false\n");
        Object port = CfgFileTest.asFileInstallReadsIt(file).get("ftp.port");
        supervisor.save("m", Map.of("banner.connect", "x"));
        Map<String, Object> read = CfgFileTest.asFileInstallReadsIt(file);
        assertEquals("127.0.0.1", read.get("bind.address"));
        assertEquals(port, read.get("ftp.port"));
        assertEquals("false", read.get("feature.port"));
        assertEquals("x", read.get("banner.connect"));
        assertEquals("127.0.0.1", supervisor.sites().get(0).bindAddress());

        Map<String, Object> reset = new HashMap<>();
        reset.put("banner.login", null);
        reset.put("feature.port", "");
        supervisor.save("m", reset);
        read = CfgFileTest.asFileInstallReadsIt(file);
        assertTrue(!read.containsKey("banner.login") && !read.containsKey("feature.port"), read.toString());
        assertEquals("x", supervisor.configuration("m").get("banner.connect"));
        assertTrue(!supervisor.configuration("m").containsKey("banner.login"));
    }

    /** Issue 8, item 4: keys were written raw; a JSON key "x\nroot" added a root line, typos were saved. */
    @Test
    void unknownAndMalformedKeysAreRefusedNamingThemAndNothingIsWritten() throws Exception {
        Path file = plainSite("k", "");
        byte[] before = Files.readAllBytes(file);
        for (String key : List.of("x\nroot", "tls.forceStartTLs", "feature.nosuch", "root = /", "service.pid")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> supervisor.save("k", Map.of(key, "/")), key);
            assertTrue(refused.getMessage().startsWith(key.replace("\n", "\\u000a") + ": "), refused.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), key);
        }
        supervisor.save("k", Map.of("feature.xcrc", "false"));
        assertEquals("false", CfgFileTest.asFileInstallReadsIt(file).get("feature.xcrc"));
    }

    /** A save of {@code bad} is refused with a message that starts with its key, and the file keeps its bytes. */
    private void refusedNamingTheKeyAndUnwritten(String site, Path file, byte[] before, Map<String, Object> bad)
            throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> supervisor.save(site, bad),
                bad.toString());
        assertTrue(refused.getMessage().startsWith(bad.keySet().iterator().next() + ": "), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), bad.toString());
    }

    /** Found by an attack: blanks silently reset a key, and other kinds of JSON value were turned into text. */
    @Test
    void valuesOfTheWrongKindAndBlanksAreRefusedNotConverted() throws Exception {
        Path file = plainSite("w", "");
        byte[] before = Files.readAllBytes(file);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("banner.connect", " "),
                Map.of("banner.connect", "\t"), Map.of("banner.login", 42), Map.of("banner.login", true),
                Map.of("banner.login", Map.of("a", 1)), Map.of("tls.privateKeyPassword", new String[] { "a", "b" }),
                Map.of("ftp.port", true), Map.of("feature.port", 1), Map.of("limits.banTime", List.of("1")))) {
            refusedNamingTheKeyAndUnwritten("w", file, before, bad);
        }
        supervisor.save("w", Map.of("ftp.port", 2999, "feature.port", false, "pasv.localNetworks",
                new String[] { "10.0.0.0/8", "fd00::/8" }, "banner.login", " spaced "));
        Map<String, Object> read = CfgFileTest.asFileInstallReadsIt(file);
        assertEquals("2999", read.get("ftp.port"));
        assertEquals("false", read.get("feature.port"));
        assertEquals("10.0.0.0/8, fd00::/8", read.get("pasv.localNetworks"));
        assertEquals(" spaced ", read.get("banner.login"));
    }

    /** Found by an attack: a second file with a taken name answered for that name; saves went to it. */
    @Test
    void aSecondConfigurationWithATakenNameIsListedUnderItsPidAndNeverAnswersForTheName() throws Exception {
        Path first = plainSite("default", "");
        Path second = plainSite("aaa", "name = default\n");
        assertEquals(List.of("default", "ftp.site~aaa"), supervisor.sites().stream().map(SiteStatus::name).toList());
        assertTrue(supervisor.sites().get(1).message().contains("already configured"), supervisor.sites().toString());
        byte[] before = Files.readAllBytes(second);
        supervisor.save("default", Map.of("banner.login", "which"));
        assertEquals("which", CfgFileTest.asFileInstallReadsIt(first).get("banner.login"));
        assertArrayEquals(before, Files.readAllBytes(second));
    }

    @Test
    void fractionsAndOtherDigitsAreNoWholeNumbers() throws Exception {
        Path file = plainSite("d", "");
        byte[] before = Files.readAllBytes(file);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("ftp.port", 21.5), Map.of("limits.idleTimeout",
                "\uff10\uff11\uff12"), Map.of("tls.privateKeyPassword", 987654321))) {
            refusedNamingTheKeyAndUnwritten("d", file, before, bad);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> supervisor.save("d", Map.of("tls.privateKeyPassword", 987654321)));
        assertTrue(!refused.getMessage().contains("987654321"), "a secret is never echoed: " + refused.getMessage());
    }

    /** Issue 8, item 5: "${user.name}" came back from the file expanded. */
    @Test
    void savedTextStaysLiteral() throws Exception {
        Path file = plainSite("v", "");
        supervisor.save("v", Map.of("banner.connect", "Welcome ${user.name} ${env:HOME}"));
        assertEquals("Welcome ${user.name} ${env:HOME}", CfgFileTest.asFileInstallReadsIt(file).get("banner.connect"));
    }

    /** Issue 8, item 7: a name like "../../evil" was written first and refused only when read back. */
    @Test
    void theNameAndTheRootAreCheckedBeforeAnythingIsWritten() throws Exception {
        Path file = plainSite("n", "");
        byte[] before = Files.readAllBytes(file);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("name", "../../evil"), Map.of("name", ".."),
                Map.of("root", dir.toString()), Map.of("root", "data"), Map.of("root", "."))) {
            refusedNamingTheKeyAndUnwritten("n", file, before, bad);
        }
        supervisor.save("n", Map.of("name", "n"));
        assertArrayEquals(before, Files.readAllBytes(file), "the same name changes nothing");
    }

    /** Issue 8, item 8: tls.privateKeyPassword was returned by the JSON API and printed by the shell. */
    @Test
    void secretsAreNeverReturned() throws Exception {
        plainSite("s", "tls.privateKeyPassword = hunter2\n");
        assertTrue(!supervisor.configuration("s").containsKey("tls.privateKeyPassword"));
        assertEquals(java.util.Set.of("tls.privateKeyPassword"), supervisor.secretsSet("s"));
        assertTrue(!supervisor.configuration("s").toString().contains("hunter2"));
    }

    @Test
    void listenerPortsOfAnotherSiteAreRefusedAndOtherSitesGoThroughConfigAdmin() throws Exception {
        int a = freePort();
        int b = freePort();
        supervisor.updated("ftp.site~a", new Hashtable<>(site(a)));
        supervisor.updated("ftp.site~b", new Hashtable<>(site(b)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> supervisor.save("b", Map.of("ftp.port", a)));
        assertEquals("ftp.port: " + a + " is already a listener port of site 'a'", refused.getMessage());
        assertTrue(adminUpdates.isEmpty());
        assertTrue(supervisor.save("b", Map.of("banner.login", "hi")).restartPending());
        assertEquals("hi", adminUpdates.get(0).get("banner.login"));
        assertEquals(String.valueOf(b), String.valueOf(adminUpdates.get(0).get("ftp.port")), "a merge keeps the rest");
    }
}
