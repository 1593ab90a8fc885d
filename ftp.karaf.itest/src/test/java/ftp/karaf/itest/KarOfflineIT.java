package ftp.karaf.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

/** The KAR installs feature ftp into a Karaf that has no network and an empty local repository. */
class KarOfflineIT {

    @Test
    void theKarAloneGivesARunningSite() throws Exception {
        Path output = Path.of(System.getProperty("itest.output"));
        int ftpPort = Karaf.freePort();
        try (Karaf karaf = new Karaf(Path.of(System.getProperty("karaf.dist")),
                Files.createTempDirectory(output, "karaf-offline-").resolve("karaf"), false)) {
            karaf.write("etc/ftp.site-default.cfg", "bind.address = 127.0.0.1\nftp.port = " + ftpPort
                    + "\nftps.port = 0\n");
            karaf.start();
            Karaf.Result installed = karaf.client("kar:install file:" + System.getProperty("ftp.kar"),
                    "feature:list -i");
            assertEquals(0, installed.exit(), installed.output());
            assertTrue(installed.output().lines().anyMatch(line -> line.startsWith("ftp ") && line.contains("Started")),
                    installed.output());
            assertTrue(!installed.output().contains("ftp-webconsole "), "only feature ftp installs itself");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String sites;
            while (!(sites = karaf.client("ftp:sites").output()).contains(" RUNNING ")) {
                assertTrue(System.nanoTime() < deadline, sites);
                Thread.sleep(500);
            }
            FTPClient ftp = new FTPClient();
            ftp.connect("127.0.0.1", ftpPort);
            assertEquals(220, ftp.getReplyCode());
            ftp.disconnect();
        }
    }
}
