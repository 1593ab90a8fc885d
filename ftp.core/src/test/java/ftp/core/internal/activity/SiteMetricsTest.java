package ftp.core.internal.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.SiteMetrics;
import ftp.core.internal.TestSite;

/** Issue 13: a site's counters, from the site and over JMX. */
class SiteMetricsTest {

    @TempDir
    Path dir;

    @Test
    void loginsTransfersAndFailuresAreCountedAndReadableOverJmx() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = SiteMetricsBean.name("test");
        try (TestSite site = TestSite.start(dir, Map.of("limits.maxLoginFailures", 2))) {
            assertTrue(jmx.isRegistered(name), "registered while the site runs");
            int refused = 0;
            for (int i = 0; i < 4; i++) {
                try {
                    FTPClient wrong = site.connect();
                    assertFalse(wrong.login(TestSite.USER, "wrong"));
                    wrong.disconnect();
                } catch (org.apache.commons.net.ftp.FTPConnectionClosedException banned) {
                    refused++; // 421 once the client is banned
                }
            }
            SiteMetrics banned = site.instance().metrics();
            // maxLoginFailures 2: one failure, then the one that bans; banned clients are refused at connect
            assertEquals(1, banned.loginsFailed(), banned.toString());
            assertEquals(1, banned.loginsBanned(), banned.toString());
            assertEquals(0, banned.loginsSucceeded());
            assertEquals(3, refused, "the banning login and the next connections end with 421");
            assertEquals(1L, jmx.getAttribute(name, "LoginsBanned"));
        }
        assertFalse(jmx.isRegistered(name), "unregistered when the site stops");

        try (TestSite site = TestSite.start(dir, Map.of())) {
            FTPClient ftp = site.login();
            assertTrue(ftp.storeFile("a.bin", new ByteArrayInputStream(new byte[1000])));
            assertTrue(ftp.retrieveFile("a.bin", new ByteArrayOutputStream()));
            Files.write(site.home().resolve("big.bin"), new byte[32 << 20]);
            try (InputStream in = ftp.retrieveFileStream("big.bin")) {
                in.readNBytes(10);
            }
            ftp.completePendingCommand();
            SiteMetrics metrics = site.instance().metrics();
            assertEquals(1, metrics.sessions());
            assertEquals(1, metrics.loginsSucceeded());
            assertEquals(1, metrics.uploads());
            assertEquals(1, metrics.downloads());
            assertEquals(1, metrics.transferFailures());
            assertEquals(1000, metrics.bytesUploaded());
            assertTrue(metrics.bytesDownloaded() > 1000, "the aborted download's octets count too");
            assertEquals(1L, jmx.getAttribute(name, "Uploads"));
            assertEquals(1, jmx.getAttribute(name, "Sessions"));
            assertEquals(metrics.bytesUploaded(), jmx.getAttribute(name, "BytesUploaded"));
            ftp.logout();
        }
    }
}
