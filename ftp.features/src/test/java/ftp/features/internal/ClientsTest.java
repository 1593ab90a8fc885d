package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.Test;

/** The optional commands through real clients: curl's raw -Q commands, lftp (MLSD), Commons Net. */
class ClientsTest extends FeatureTest {

    @Test
    void curlQuoteCommandsForHashMfmtAndSite() throws Exception {
        Files.writeString(site.home().resolve("q.txt"), "quoted");
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("quoted".getBytes()));
        String trace = run("curl", "-sS", "-v", "--fail", "-u", "alice:secret", "-Q", "HASH q.txt", "-Q",
                "MFMT 20220304050607 q.txt", "-Q", "SITE CHMOD 600 q.txt", "ftp://127.0.0.1:" + site.port() + "/q.txt");
        assertTrue(trace.contains("< 213 SHA-256 0-5 " + hex + " q.txt"), trace);
        assertTrue(trace.contains("< 213 Modify=20220304050607; /q.txt"), trace);
        assertTrue(trace.contains("< 200 SITE CHMOD command successful"), trace);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(site.home().resolve("q.txt"))));
    }

    @Test
    void lftpListsWithMlsd() throws Exception {
        Files.writeString(site.home().resolve("listed.txt"), "12345");
        String out = run("lftp", "-d", "-u", "alice,secret", "-p", Integer.toString(site.port()), "-e",
                "set net:max-retries 1; set net:timeout 10; cls -l; bye", "127.0.0.1");
        assertTrue(out.contains("---> MLSD"), "lftp chose MLSD: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("-rw-r--r-- +5 \\w{3} +\\d+ +[\\d:]+ listed\\.txt")), out);
    }

    @Test
    void commonsNetUsesSystAndMlsd() throws Exception {
        Files.writeString(site.home().resolve("net.txt"), "123");
        FTPClient ftp = site.login();
        assertEquals("UNIX Type: L8", ftp.getSystemType());
        FTPFile[] files = ftp.mlistDir(); // the cdir entry "." comes first
        assertEquals(List.of(".", "net.txt"), Arrays.stream(files).map(FTPFile::getName).toList());
        assertEquals(3, files[1].getSize());
        assertTrue(files[1].isFile() && files[0].isDirectory());
        FTPFile single = ftp.mlistFile("net.txt");
        assertEquals("net.txt", single.getName().replaceFirst("^/", ""));
        assertTrue(ftp.setModificationTime("net.txt", "20200101010101"));
        assertEquals("20200101010101", ftp.getModificationTime("net.txt").replaceFirst("^213 ", "").trim());
        assertTrue(ftp.sendSiteCommand("CHMOD 644 net.txt"));
        assertEquals("UNIX Type: L8", ftp.getSystemType());
    }

    @Test
    void commonsNetInActiveMode() throws Exception {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        FTPClient ftp = site.login();
        ftp.enterLocalActiveMode();
        assertTrue(ftp.storeFile("active.bin", new ByteArrayInputStream(data)), ftp.getReplyString());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(ftp.retrieveFile("active.bin", back), ftp.getReplyString());
        assertArrayEquals(data, back.toByteArray());
        ftp.setUseEPSVwithIPv4(false);
        assertEquals(List.of("active.bin"), List.of(ftp.listNames()));
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }
}
