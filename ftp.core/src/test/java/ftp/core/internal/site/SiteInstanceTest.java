package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.internal.protocol.CommandRegistry;

class SiteInstanceTest {

    @Test
    void aSpecificAddressIsServedAsIs() throws Exception {
        assertEquals("ftp://127.0.0.1:2121/", SiteInstance.servedUrls(
                SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1", "ftps.port", 0), ServerHome.of(Path.of("/srv")))));
    }

    @Test
    void aWildcardListsTheLocalIpv4Addresses() throws Exception {
        String urls = SiteInstance.servedUrls(SiteSettingsParser.parse("s", Map.of("ftp.port", 2200, "ftps.port", 0),
                ServerHome.of(Path.of("/srv"))));
        assertTrue(urls.contains("ftp://127.0.0.1:2200/"), urls);
        assertTrue(!urls.contains("0.0.0.0") && !urls.contains("["), urls);
    }

    @Test
    void aRootThatCannotBeCreatedIsReportedAsTheFailure(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("file"), "in the way");
        SiteInstance site = new SiteInstance(SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1",
                "root", dir.resolve("file/root").toString()), ServerHome.of(dir)), new CommandRegistry(), settings -> null);
        assertTrue(site.failure().orElseThrow().startsWith("cannot create the root " + dir.resolve("file/root")),
                site.failure().toString());
        site.stop();
    }

    @Test
    void aTakenPortIsReportedAsTheFailure(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            SiteInstance site = new SiteInstance(SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1",
                    "ftp.port", taken.getLocalPort(), "ftps.port", 0), ServerHome.of(dir)), new CommandRegistry(), settings -> null);
            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use",
                    site.failure().orElseThrow());
            site.stop();
        }
    }

    @Test
    void bothListenersAreListed() throws Exception {
        assertEquals("ftp://127.0.0.1:2121/, ftps://127.0.0.1:2990/", SiteInstance.servedUrls(
                SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1"), ServerHome.of(Path.of("/srv")))));
        assertEquals("ftps://127.0.0.1:990/", SiteInstance.servedUrls(
                SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1", "ftp.port", 0, "ftps.port", 990), ServerHome.of(Path.of("/srv")))));
    }

    @Test
    void aTlsPolicyThatRefusesTheSettingsIsTheFailure(@TempDir Path dir) throws Exception {
        SiteInstance site = new SiteInstance(SiteSettingsParser.parse("s", Map.of("bind.address", "127.0.0.1",
                "ftps.port", 0), ServerHome.of(dir)), new CommandRegistry(), settings -> {
                    throw new java.io.IOException("tls.certificate: /missing.pem: no such file");
                });
        assertEquals("TLS cannot start: tls.certificate: /missing.pem: no such file", site.failure().orElseThrow());
        site.stop();
    }
}
