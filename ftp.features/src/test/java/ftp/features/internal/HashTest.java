package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ftp.core.api.Permission;
import ftp.core.internal.RawControl;
import ftp.core.internal.TestSite;

/** HASH and RANG on the wire (draft-bryan-ftpext-hash-02, draft-bryan-ftp-range). */
class HashTest extends FeatureTest {

    static final String DIGITS = "0123456789";

    @BeforeEach
    void files() throws Exception {
        Files.writeString(site.home().resolve("digits.txt"), DIGITS);
        Files.createDirectory(site.home().resolve("dir"));
        Files.write(site.home().resolve("empty"), new byte[0]);
    }

    static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hashesTheWholeFileWithSha256ByDefault() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            assertEquals("213 SHA-256 0-9 " + hex("SHA-256", DIGITS) + " digits.txt\r\n", control.command("HASH digits.txt"));
            assertEquals("213 SHA-256 0-0 " + hex("SHA-256", "") + " empty\r\n", control.command("HASH empty"));
            control.command("TYPE A");
            assertEquals("213 SHA-256 0-9 " + hex("SHA-256", DIGITS) + " digits.txt\r\n", control.command("HASH digits.txt"),
                    "the bytes of a TYPE I download, whatever the TYPE");
        }
    }

    @Test
    void optsHashSelectsAndFeatStarsTheSelection() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("FEAT").contains("\r\n HASH SHA-256*;SHA-512;SHA-1;MD5;CRC32;\r\n"));
            assertEquals("200 SHA-256\r\n", control.command("OPTS HASH"));
            assertEquals("200 SHA-512\r\n", control.command("OPTS HASH sha-512"));
            assertTrue(control.command("FEAT").contains("\r\n HASH SHA-256;SHA-512*;SHA-1;MD5;CRC32;\r\n"));
            assertEquals("213 SHA-512 0-9 " + hex("SHA-512", DIGITS) + " digits.txt\r\n", control.command("HASH digits.txt"));
            assertTrue(control.command("OPTS HASH SHA-3").startsWith("501"));
            assertEquals("200 SHA-512\r\n", control.command("OPTS HASH"), "a refused name leaves the selection");
            assertEquals("200 SHA-1\r\n", control.command("OPTS HASH SHA-1"));
            assertEquals("213 SHA-1 0-9 " + hex("SHA-1", DIGITS) + " digits.txt\r\n", control.command("HASH digits.txt"));
            control.command("OPTS HASH MD5");
            assertEquals("213 MD5 0-9 " + hex("MD5", DIGITS) + " digits.txt\r\n", control.command("HASH digits.txt"));
            control.command("OPTS HASH CRC32");
            assertEquals("213 CRC32 0-9 a684c7c6 digits.txt\r\n", control.command("HASH digits.txt"));
            control.command("REIN");
            control.command("USER " + TestSite.USER);
            control.command("PASS " + TestSite.PASSWORD);
            assertEquals("200 SHA-256\r\n", control.command("OPTS HASH"), "REIN resets the selection");
        }
    }

    @Test
    void rangLimitsTheNextHash() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            assertEquals("350 Restarting at 2. End byte range at 5.\r\n", control.command("RANG 2 5"));
            assertEquals("213 SHA-256 2-5 " + hex("SHA-256", "2345") + " digits.txt\r\n", control.command("HASH digits.txt"));
            assertTrue(control.command("HASH digits.txt").startsWith("213 SHA-256 0-9 "), "the range was for one HASH");
            control.command("RANG 8 100");
            assertEquals("213 SHA-256 8-9 " + hex("SHA-256", "89") + " digits.txt\r\n", control.command("HASH digits.txt"),
                    "an end past the file stops at its last byte");
            control.command("RANG 3 4");
            assertTrue(control.command("RANG 1 0").startsWith("350"));
            assertTrue(control.command("HASH digits.txt").startsWith("213 SHA-256 0-9 "), "RANG 1 0 resets");
            control.command("RANG 10 12");
            assertTrue(control.command("HASH digits.txt").startsWith("501"), "a start past the end");
            assertTrue(control.command("RANG 5 2").startsWith("501"));
            assertTrue(control.command("RANG x y").startsWith("501"));
            assertTrue(control.command("RANG 5").startsWith("501"));
        }
    }

    @Test
    void errorsHaveTheDraftsCodes() throws Exception {
        site.addUser("blind", "pw", "alice", EnumSet.of(Permission.LIST));
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("HASH").startsWith("501"));
            assertTrue(control.command("HASH missing.txt").startsWith("550"));
            assertTrue(control.command("HASH dir").startsWith("553"));
        }
        try (RawControl blind = new RawControl(site.port()).login("blind", "pw")) {
            assertTrue(blind.command("HASH digits.txt").startsWith("552"));
        }
    }

    @Test
    void theSizePolicyAnswers556() throws Exception {
        site.close();
        site = FeatureSite.start(dir.resolve("small"), Map.of("limits.maxHashSize", 5));
        Files.writeString(site.home().resolve("digits.txt"), DIGITS);
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("HASH digits.txt").startsWith("556"));
            control.command("RANG 0 4");
            assertEquals("213 SHA-256 0-4 " + hex("SHA-256", "01234") + " digits.txt\r\n", control.command("HASH digits.txt"));
        }
    }

    @Test
    void longHashesSendKeepAlivesAndTheSiteBoundAnswers450() throws Exception {
        site.close();
        site = FeatureSite.start(dir.resolve("busy"), Map.of("limits.maxConcurrentHashes", 1));
        byte[] big = new byte[256 * 1024 * 1024];
        Files.write(site.home().resolve("big.bin"), big);
        try (RawControl first = new RawControl(site.port()).login(); RawControl second = new RawControl(site.port()).login()) {
            first.send("HASH big.bin");
            String line = first.line();
            assertTrue(line.matches("213-Computing SHA-256: \\d+ of 268435456 bytes\r\n"), line);
            // The first HASH is under way, so the site's only slot is taken.
            assertTrue(second.command("HASH big.bin").startsWith("450"));
            String reply;
            do {
                reply = first.line();
            } while (reply.startsWith("213-"));
            assertEquals("213 SHA-256 0-268435455 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(big))
                    + " big.bin\r\n", reply);
            assertTrue(second.command("HASH digits.txt").startsWith("550"), "the slot is free again (file is missing here)");
        }
    }
}
