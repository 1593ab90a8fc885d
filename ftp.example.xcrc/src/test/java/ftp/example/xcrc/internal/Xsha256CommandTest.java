package ftp.example.xcrc.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.Permission;

class Xsha256CommandTest {

    @TempDir
    Path root;

    TestSession client;
    final Xsha256Command xsha256 = new Xsha256Command();

    @BeforeEach
    void setUp() {
        client = new TestSession(root, EnumSet.of(Permission.READ));
    }

    @Test
    void answersTheFips180TestVectors() throws Exception {
        // FIPS 180-4 / NIST CAVS examples: "abc" and the empty message.
        Files.writeString(root.resolve("abc"), "abc", US_ASCII);
        assertEquals("250 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                client.run(xsha256, "XSHA256", "abc"));
        Files.write(root.resolve("empty"), new byte[0]);
        assertEquals("250 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                client.run(xsha256, "XSHA256", "empty"));
    }

    @Test
    void takesTheSameRangesAsXcrc() throws Exception {
        Files.writeString(root.resolve("padded abc"), "--abc--", US_ASCII);
        assertEquals("250 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                client.run(xsha256, "XSHA256", "\"padded abc\" 2 5"));
    }

    @Test
    void readsFilesLargerThanItsBufferExactlyOnce() throws Exception {
        byte[] data = new byte[200_003];
        new Random(5).nextBytes(data);
        Files.write(root.resolve("big.bin"), data);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertEquals("250 " + expected, client.run(xsha256, "XSHA256", "big.bin"));
    }

    @Test
    void advertisesItselfInFeatAndHelp() {
        assertEquals(List.of("XSHA256"), xsha256.features(client.session));
        assertEquals("XSHA256 <sp> pathname | XSHA256 <sp> \"pathname\" [ <sp> [ start <sp> ] end ]", xsha256.help());
    }
}
