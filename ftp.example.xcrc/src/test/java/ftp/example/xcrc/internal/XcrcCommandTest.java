package ftp.example.xcrc.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.Permission;

class XcrcCommandTest {

    @TempDir
    Path root;

    TestSession client;
    final XcrcCommand xcrc = new XcrcCommand();

    @BeforeEach
    void setUp() {
        client = new TestSession(root, EnumSet.of(Permission.READ));
    }

    @Test
    void answersTheCrc32CheckValueInLowercaseHex() throws Exception {
        // CRC-32's published check value: the CRC of the ASCII digits 1 to 9.
        Files.writeString(root.resolve("check.txt"), "123456789", US_ASCII);
        assertEquals("250 cbf43926", client.run(xcrc, "XCRC", "check.txt"));
    }

    @Test
    void keepsLeadingZeros() throws Exception {
        Files.write(root.resolve("empty"), new byte[0]);
        assertEquals("250 00000000", client.run(xcrc, "XCRC", "empty"));
        // zlib.crc32(b"file6") == 0x0083f546: two leading zeros that %x alone would drop.
        Files.writeString(root.resolve("low"), "file6", US_ASCII);
        assertEquals("250 0083f546", client.run(xcrc, "XCRC", "low"));
    }

    @Test
    void anUnquotedArgumentIsAllPathEvenWithSpacesAndDigits() throws Exception {
        Files.writeString(root.resolve("report 2024 12"), "123456789", US_ASCII);
        assertEquals("250 cbf43926", client.run(xcrc, "XCRC", "report 2024 12"));
    }

    @Test
    void aQuotedPathTakesAnEndOrAStartAndAnEnd() throws Exception {
        Files.writeString(root.resolve("with space.txt"), "xx123456789yy", US_ASCII);
        assertEquals("250 cbf43926", client.run(xcrc, "XCRC", "\"with space.txt\" 2 11"));
        Files.writeString(root.resolve("head"), "123456789tail", US_ASCII);
        assertEquals("250 cbf43926", client.run(xcrc, "XCRC", "\"head\" 9"));
        assertEquals("250 cbf43926", client.run(xcrc, "XCRC", "\"/head\"  0   9 "));
    }

    @Test
    void readsFilesLargerThanItsBufferExactlyOnce() throws Exception {
        byte[] data = new byte[300_001];
        new Random(3).nextBytes(data);
        Files.write(root.resolve("big.bin"), data);
        CRC32 whole = new CRC32();
        whole.update(data);
        assertEquals("250 " + String.format("%08x", whole.getValue()), client.run(xcrc, "XCRC", "big.bin"));
        CRC32 middle = new CRC32();
        middle.update(data, 65_000, 200_000);
        assertEquals("250 " + String.format("%08x", middle.getValue()), client.run(xcrc, "XCRC", "\"big.bin\" 65000 265000"));
    }

    @Test
    void advertisesItselfInFeatAndHelp() {
        assertEquals(List.of("XCRC"), xcrc.features(client.session));
        assertEquals("XCRC <sp> pathname | XCRC <sp> \"pathname\" [ <sp> [ start <sp> ] end ]", xcrc.help());
    }
}
