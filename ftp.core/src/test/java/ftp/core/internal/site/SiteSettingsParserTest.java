package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ftp.core.api.Cidr;
import ftp.core.api.SiteSettings;

class SiteSettingsParserTest {

    private static final Path HOME = Path.of("/srv/ftp-home");

    @Test
    void defaults() throws Exception {
        SiteSettings s = SiteSettingsParser.parse("main", Map.of(), ServerHome.of(HOME));
        assertEquals("main", s.name());
        assertEquals(2121, s.ftpPort());
        assertEquals(2990, s.ftpsPort());
        assertEquals(InetAddress.getByName("0.0.0.0"), s.bindAddress());
        assertEquals(HOME.resolve("data/sites/main").toAbsolutePath().normalize(), s.root());
        assertEquals(50000, s.passive().portLow());
        assertEquals(50100, s.passive().portHigh());
        assertEquals(Optional.empty(), s.passive().externalIp());
        assertEquals(Optional.empty(), s.passive().externalIpTls());
        assertEquals(List.of(), s.passive().localNetworks());
        assertFalse(s.passive().useControlIp());
        assertFalse(s.passive().portUseControlIp());
        assertTrue(s.disabledFeatures().isEmpty());
        assertTrue(s.featureEnabled("hash"));
        assertTrue(s.featureEnabled("anything"));
        assertEquals("TLSv1.2", s.tls().minVersion());
        assertEquals("TLSv1.3", s.tls().maxVersion());
        assertTrue(s.tls().requireSessionReuse());
        assertTrue(s.transfers().durable());
        assertFalse(s.tls().forceStartTls());
        assertEquals(List.of(), s.tls().cipherSuites());
        assertEquals(Optional.empty(), s.tls().certificate());
        assertEquals(new SiteSettings.Limits(100, 10, Duration.ofSeconds(300), Duration.ofSeconds(60), 5,
                Duration.ofSeconds(300), 2, 0, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10), 2),
                s.limits());
        assertEquals("FTP server ready", s.banners().connect());
    }

    @Test
    void cfgStyleStringsAreAccepted() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("ftp.port", "21");
        p.put("ftps.port", " 990 ");
        p.put("pasv.useControlIp", "true");
        p.put("tls.requireSessionReuse", "FALSE");
        p.put("transfer.durable", "false");
        p.put("limits.maxConnections", "7");
        p.put("pasv.ports", "40000-40010");
        p.put("root", "/var/ftp");
        SiteSettings s = SiteSettingsParser.parse("main", p, ServerHome.of(HOME));
        assertEquals(21, s.ftpPort());
        assertEquals(990, s.ftpsPort());
        assertTrue(s.passive().useControlIp());
        assertFalse(s.tls().requireSessionReuse());
        assertFalse(s.transfers().durable());
        assertEquals(7, s.limits().maxConnections());
        assertEquals(40000, s.passive().portLow());
        assertEquals(40010, s.passive().portHigh());
        assertEquals(Path.of("/var/ftp"), s.root());
    }

    @Test
    void typedValuesAreAccepted() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("ftp.port", 2021);
        p.put("ftps.port", 0);
        p.put("pasv.useControlIp", Boolean.TRUE);
        p.put("tls.forceStartTls", true);
        p.put("limits.idleTimeout", 42L);
        p.put("pasv.localNetworks", new String[] { "10.0.0.0/8", "fd00::/8" });
        p.put("tls.cipherSuites", new String[] { "TLS_AES_128_GCM_SHA256" });
        SiteSettings s = SiteSettingsParser.parse("main", p, ServerHome.of(HOME));
        assertEquals(2021, s.ftpPort());
        assertEquals(0, s.ftpsPort());
        assertTrue(s.passive().useControlIp());
        assertTrue(s.tls().forceStartTls());
        assertEquals(Duration.ofSeconds(42), s.limits().idleTimeout());
        assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")), s.passive().localNetworks());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"), s.tls().cipherSuites());
    }

    @Test
    void commaSeparatedLists() throws Exception {
        Map<String, Object> p = Map.of(
                "pasv.localNetworks", "10.0.0.0/8, 192.168.0.0/16,,127.0.0.1",
                "tls.cipherSuites", "TLS_AES_256_GCM_SHA384 ,TLS_AES_128_GCM_SHA256");
        SiteSettings s = SiteSettingsParser.parse("main", p, ServerHome.of(HOME));
        assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.0.0/16"), Cidr.parse("127.0.0.1/32")),
                s.passive().localNetworks());
        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"), s.tls().cipherSuites());
    }

    @Test
    void addressesAndRelativeRoot() throws Exception {
        Map<String, Object> p = Map.of(
                "bind.address", "127.0.0.1",
                "pasv.externalIp", "203.0.113.5",
                "pasv.externalIpTls", "2001:db8::1",
                "root", "custom/../files");
        SiteSettings s = SiteSettingsParser.parse("main", p, ServerHome.of(HOME));
        assertEquals(InetAddress.getByName("127.0.0.1"), s.bindAddress());
        assertEquals(Optional.of(InetAddress.getByName("203.0.113.5")), s.passive().externalIp());
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), s.passive().externalIpTls());
        assertEquals(HOME.resolve("files"), s.root());
    }

    @Test
    void badPortText() {
        assertInvalid("ftp.port", Map.of("ftp.port", "abc"));
    }

    @Test
    void portOutOfRange() {
        assertInvalid("ftp.port", Map.of("ftp.port", "70000"));
        assertInvalid("ftps.port", Map.of("ftps.port", 70000));
        assertInvalid("ftp.port", Map.of("ftp.port", "-1"));
    }

    @Test
    void reversedPassiveRange() {
        assertInvalid("pasv.ports", Map.of("pasv.ports", "60000-50000"));
    }

    @Test
    void malformedPassiveRange() {
        assertInvalid("pasv.ports", Map.of("pasv.ports", "50000:50100"));
        assertInvalid("pasv.ports", Map.of("pasv.ports", "80-90"));
    }

    @Test
    void passiveRangeContainingAListenerPort() {
        assertInvalid("pasv.ports", Map.of("ftp.port", "50050"));
        assertInvalid("pasv.ports", Map.of("ftps.port", "50100"));
    }

    @Test
    void bothPortsZero() {
        assertInvalid("ftp.port", Map.of("ftp.port", "0", "ftps.port", "0"));
    }

    @Test
    void sameFtpAndFtpsPort() {
        assertInvalid("ftps.port", Map.of("ftp.port", "2121", "ftps.port", "2121"));
    }

    @Test
    void badExternalIp() {
        assertInvalid("pasv.externalIp", Map.of("pasv.externalIp", "not-an-ip"));
        assertInvalid("pasv.externalIpTls", Map.of("pasv.externalIpTls", "ftp.example.com"));
        assertInvalid("bind.address", Map.of("bind.address", "localhost"));
    }

    @Test
    void badLocalNetwork() {
        assertInvalid("pasv.localNetworks", Map.of("pasv.localNetworks", "10.0.0.0/40"));
        assertInvalid("pasv.localNetworks", Map.of("pasv.localNetworks", "10.0.0.0/8,nonsense"));
    }

    @Test
    void badFeatureFlag() {
        assertInvalid("feature.hash", Map.of("feature.hash", "maybe"));
    }

    @Test
    void tlsMinAboveMax() {
        assertInvalid("tls.minVersion", Map.of("tls.minVersion", "TLSv1.3", "tls.maxVersion", "TLSv1.2"));
    }

    @Test
    void unknownTlsVersion() {
        assertInvalid("tls.minVersion", Map.of("tls.minVersion", "SSLv3"));
        assertInvalid("tls.maxVersion", Map.of("tls.maxVersion", "TLSv1.4"));
    }

    @Test
    void limitBelowMinimum() {
        assertInvalid("limits.maxConnections", Map.of("limits.maxConnections", "0"));
        assertInvalid("limits.banTime", Map.of("limits.banTime", 0));
    }

    @Test
    void badBoolean() {
        assertInvalid("pasv.useControlIp", Map.of("pasv.useControlIp", "yes"));
    }

    @Test
    void invalidSiteName() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SiteSettingsParser.parse("bad name", Map.of(), ServerHome.of(HOME)));
        assertEquals("name", e.property());
        assertTrue(e.getMessage().startsWith("name:"), e.getMessage());
        assertTrue(e.getMessage().contains("bad name"), e.getMessage());
        assertEquals("name", assertThrows(InvalidConfigurationException.class,
                () -> SiteSettingsParser.parse("../up", Map.of(), ServerHome.of(HOME))).property());
        assertEquals("name", assertThrows(InvalidConfigurationException.class,
                () -> SiteSettingsParser.parse(null, Map.of(), ServerHome.of(HOME))).property());
    }

    /** Issue 8, item 7: a site named ".." was rooted at data/, which holds every site's private key. */
    @Test
    void aSiteNameIsAPlainName() {
        for (String name : List.of(".", "..", ".hidden", "-dash")) {
            assertEquals("name", assertThrows(InvalidConfigurationException.class,
                    () -> SiteSettingsParser.parse(name, Map.of(), ServerHome.of(HOME)), name).property());
        }
    }

    /** Found by an attack on the distribution: a symbolic link to the home passed the check. */
    @Test
    void symbolicLinksToOrAboveTheKeysAreSeenThrough(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path home = java.nio.file.Files.createDirectories(dir.resolve("home"));
        java.nio.file.Files.createDirectories(home.resolve("data/tls/main"));
        java.nio.file.Files.createDirectories(home.resolve("etc"));
        java.nio.file.Files.createDirectories(home.resolve("data/sites"));
        java.nio.file.Files.createSymbolicLink(dir.resolve("homelink"), home);
        java.nio.file.Files.createSymbolicLink(home.resolve("data/sites/tlslink"), home.resolve("data/tls"));
        for (String root : List.of(dir.resolve("homelink").toString(), "data/sites/tlslink", "data/sites/tlslink/main/x")) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SiteSettingsParser.parse("main", Map.of("root", root), ServerHome.of(home)), root);
            assertEquals("root", e.property());
        }
        assertEquals(home.resolve("data/sites/main"), SiteSettingsParser.parse("main", Map.of(), ServerHome.of(home)).root());
    }

    @Test
    void noRootContainsTheGeneratedKeysOrTheConfiguration() throws Exception {
        for (String root : List.of("/", HOME.toString(), "data", "data/tls", ".", "etc", "data/sites/..")) {
            assertInvalid("root", Map.of("root", root));
        }
        assertInvalid("root", Map.of("root", "data/tls/main"));
        assertInvalid("root", Map.of("root", "etc/files"));
        assertEquals(HOME.resolve("data/tls-not"), SiteSettingsParser.parse("main", Map.of("root", "data/tls-not"), ServerHome.of(HOME)).root());
        assertEquals(HOME.resolve("data/sites/main"), SiteSettingsParser.parse("main", Map.of(), ServerHome.of(HOME)).root());
    }

    /** Issue 13: clients must never read or overwrite the transfer log. */
    @Test
    void theTransferLogIsAFileOutsideTheSiteRoot() throws Exception {
        assertEquals(java.util.Optional.empty(), SiteSettingsParser.parse("main", Map.of(), ServerHome.of(HOME)).transfers().log());
        assertEquals(java.util.Optional.of(HOME.resolve("log/xferlog")), SiteSettingsParser.parse("main",
                Map.of("transfer.log", "log/xferlog"), ServerHome.of(HOME)).transfers().log());
        for (String log : List.of("data/sites/main/xferlog", "data/sites/main/sub/../x", HOME + "/data/sites/main/y")) {
            assertInvalid("transfer.log", Map.of("transfer.log", log));
        }
        assertInvalid("transfer.log", Map.of("transfer.log", "log\u0000x"));
        for (String kept : List.of("etc/ftp.site-evil.cfg", "data/tls/x.log", "data/sites/other/x.log")) {
            assertInvalid("transfer.log", Map.of("transfer.log", kept, "root", "/srv/elsewhere"));
        }
    }

    @Test
    void thirdPartyFeatureToggle() throws Exception {
        SiteSettings s = SiteSettingsParser.parse("main",
                Map.of("feature.thirdparty", "false", "feature.hash", Boolean.TRUE), ServerHome.of(HOME));
        assertEquals(Set.of("thirdparty"), s.disabledFeatures());
        assertFalse(s.featureEnabled("thirdparty"));
        assertTrue(s.featureEnabled("hash"));
        assertTrue(s.featureEnabled("unknown"));
    }

    @Test
    void multiLineBannerIsKept() throws Exception {
        String banner = "Welcome\nto the\r\nserver";
        SiteSettings s = SiteSettingsParser.parse("main", Map.of("banner.connect", banner, "banner.logout", "Bye"), ServerHome.of(HOME));
        assertEquals(banner, s.banners().connect());
        assertEquals("Bye", s.banners().logout());
        assertEquals("Login successful", s.banners().login());
    }

    private static void assertInvalid(String property, Map<String, ?> properties) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SiteSettingsParser.parse("main", properties, ServerHome.of(HOME)), () -> "accepted " + properties);
        assertEquals(property, e.property(), e.getMessage());
        assertTrue(e.getMessage().contains(property), e.getMessage());
    }
}
