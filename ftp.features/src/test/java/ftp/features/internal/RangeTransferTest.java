package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ftp.core.api.Permission;
import ftp.core.internal.RawControl;
import ftp.core.internal.TestSite;

/** RANG with RETR and STOR on the wire (draft-bryan-ftp-range-08 sections 3 to 5). */
class RangeTransferTest extends FeatureTest {

    private static final int SIZE = 10_000;
    private byte[] content;

    @BeforeEach
    void file() throws Exception {
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Files.write(site.home().resolve("f.bin"), content);
    }

    @Test
    void featAnnouncesRangStreamOnlyWhileTheHashFeatureIsOn() throws Exception {
        try (TestSite off = FeatureSite.start(dir.resolve("off"), Map.of("feature.hash", "false"));
                RawControl on = new RawControl(site.port()).login();
                RawControl offControl = new RawControl(off.port()).login()) {
            assertTrue(on.command("FEAT").contains("\r\n RANG STREAM\r\n"));
            assertFalse(offControl.command("FEAT").contains("RANG"));
            assertTrue(offControl.command("RANG 0 9").startsWith("502"));
        }
    }

    @Test
    void retrSendsExactlyTheInclusiveRange() throws Exception {
        try (RawControl control = binary()) {
            assertRange(control, 0, 9);
            assertRange(control, 4000, 4999);
            assertRange(control, SIZE - 10, SIZE - 1);
            assertRange(control, 77, 77);
            assertArrayEquals(slice(SIZE - 5, SIZE - 1), retr(control, "RANG " + (SIZE - 5) + " 99999999"),
                    "an end beyond the file stops at its last octet");
            assertArrayEquals(new byte[0], retr(control, "RANG " + SIZE + " " + (SIZE + 10)), "a range at the end is empty");
            assertArrayEquals(new byte[0], retr(control, "RANG 20000 20010"),
                    "a range beyond the end sends no octet (section 4.3)");
            assertArrayEquals(content, retr(control, null), "the range was for one transfer");
        }
    }

    @Test
    void anEmptyFileHasNoOctetInAnyRange() throws Exception {
        Files.write(site.home().resolve("empty"), new byte[0]);
        try (RawControl control = binary()) {
            control.command("RANG 0 0");
            assertArrayEquals(new byte[0], control.download("RETR empty"));
        }
    }

    @Test
    void theRangeSurvivesTheDataConnectionCommandsAndIsReplacedByRest() throws Exception {
        try (RawControl control = binary()) {
            assertTrue(control.command("RANG 100 199").startsWith("350"));
            control.command("PASV");
            control.command("EPSV");
            assertArrayEquals(slice(100, 199), control.download("RETR f.bin"), "kept across PASV and EPSV");

            control.command("RANG 100 199");
            assertTrue(control.command("REST 9000").startsWith("350"));
            assertArrayEquals(slice(9000, SIZE - 1), control.download("RETR f.bin"), "REST after RANG replaces it");

            control.command("REST 9000");
            control.command("RANG 10 19");
            assertArrayEquals(slice(10, 19), control.download("RETR f.bin"), "RANG after REST replaces it");

            control.command("RANG 10 19");
            assertTrue(control.command("RANG 1 0").startsWith("350"));
            assertArrayEquals(content, control.download("RETR f.bin"), "RANG 1 0 resets");

            control.command("RANG 10 19");
            assertTrue(control.command("RANG 30 20").startsWith("501"));
            assertArrayEquals(content, control.download("RETR f.bin"), "an invalid RANG resets too");
            assertTrue(control.command("RANG -1 5").startsWith("501"));
            assertTrue(control.command("RANG 1 2 3").startsWith("501"));
            assertTrue(control.command("RANG 99999999999999999999 1").startsWith("501"));
        }
    }

    @Test
    void aRangeIsForTheCommandRightAfterIt() throws Exception {
        try (RawControl control = binary()) {
            control.command("RANG 0 9");
            assertTrue(control.command("HASH f.bin").startsWith("213 SHA-256 0-9 "));
            assertArrayEquals(content, control.download("RETR f.bin"), "HASH used the range");
            control.command("RANG 0 9");
            control.command("NOOP");
            assertArrayEquals(content, control.download("RETR f.bin"), "any other command ends it");
        }
    }

    @Test
    void typeAsciiRefusesRangedTransfersWith551() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE A");
            control.command("RANG 0 9");
            assertTrue(control.command("RETR f.bin").startsWith("551"));
            control.command("RANG 0 9");
            assertTrue(control.command("STOR f.bin").startsWith("551"));
            assertArrayEquals(content, Files.readAllBytes(site.home().resolve("f.bin")));
        }
    }

    @Test
    void storWritesTheRangeAndNothingElse() throws Exception {
        try (RawControl control = binary()) {
            byte[] patch = new byte[100];
            Arrays.fill(patch, (byte) 'x');
            assertEquals("226", upload(control, "RANG 5000 5099", "STOR f.bin", patch).substring(0, 3));
            byte[] expected = content.clone();
            System.arraycopy(patch, 0, expected, 5000, 100);
            assertArrayEquals(expected, read("f.bin"), "the range replaced, the rest untouched, no truncation");

            assertEquals("226", upload(control, "RANG " + (SIZE - 10) + " " + (SIZE + 89), "STOR f.bin", patch).substring(0, 3));
            assertEquals(SIZE + 90, read("f.bin").length, "a file shorter than the range grows to end + 1 octets");

            assertTrue(control.command("RANG " + (SIZE + 91) + " " + (SIZE + 200)).startsWith("350"));
            assertTrue(control.command("STOR f.bin").startsWith("554"), "a start beyond the end is refused");
            assertEquals(SIZE + 90, read("f.bin").length);
        }
    }

    @Test
    void storOfANewFileCreatesItOnlyWhenTheRangeIsComplete() throws Exception {
        try (RawControl control = binary()) {
            assertTrue(control.command("RANG 10 19").startsWith("350"));
            assertTrue(control.command("STOR new.bin").startsWith("554"), "a new file starts at 0");
            assertEquals("426", upload(control, "RANG 0 99", "STOR new.bin", new byte[60]).substring(0, 3),
                    "fewer octets than the range");
            assertFalse(Files.exists(site.home().resolve("new.bin")), "an incomplete new file never appears");
            assertEquals("226", upload(control, "RANG 0 59", "STOR new.bin", slice(0, 59)).substring(0, 3));
            assertArrayEquals(slice(0, 59), read("new.bin"));
        }
    }

    @Test
    void octetsBeyondTheRangeAreNeverWritten() throws Exception {
        try (RawControl control = binary()) {
            byte[] tooMuch = new byte[1000];
            Arrays.fill(tooMuch, (byte) 'y');
            String reply = upload(control, "RANG 100 199", "STOR f.bin", tooMuch);
            assertTrue(reply.startsWith("426"), reply);
            byte[] expected = content.clone();
            Arrays.fill(expected, 100, 200, (byte) 'y');
            assertArrayEquals(expected, read("f.bin"));
        }
    }

    @Test
    void appeAndStouRefuseARangeAndStorNeedsTheWriteRight() throws Exception {
        site.addUser("reader", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ, Permission.APPEND));
        try (RawControl control = binary()) {
            control.command("RANG 0 9");
            assertTrue(control.command("APPE f.bin").startsWith("504"));
            control.command("RANG 0 9");
            assertTrue(control.command("STOU").startsWith("504"));
        }
        try (RawControl reader = new RawControl(site.port()).login("reader", "pw")) {
            reader.command("TYPE I");
            reader.command("RANG 0 9");
            assertTrue(reader.command("STOR f.bin").startsWith("550"));
            assertArrayEquals(content, read("f.bin"));
        }
    }

    @Test
    void fourParallelSessionsFetchTheFileInRangesAndReassembleIt() throws Exception {
        byte[] big = new byte[8 << 20];
        new Random(11).nextBytes(big);
        Files.write(site.home().resolve("big.bin"), big);
        int parts = 4;
        long part = big.length / parts;
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<byte[]>> pieces = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long start = i * part;
                long end = i == parts - 1 ? big.length - 1 : start + part - 1;
                pieces.add(pool.submit(() -> {
                    try (RawControl control = binary()) {
                        assertTrue(control.command("RANG " + start + " " + end).startsWith("350"));
                        return control.download("RETR big.bin");
                    }
                }));
            }
            byte[] whole = new byte[big.length];
            int at = 0;
            for (Future<byte[]> piece : pieces) {
                byte[] bytes = piece.get();
                System.arraycopy(bytes, 0, whole, at, bytes.length);
                at += bytes.length;
            }
            assertEquals(big.length, at);
            assertArrayEquals(big, whole);
        } finally {
            pool.shutdownNow();
        }
    }

    private RawControl binary() throws IOException {
        RawControl control = new RawControl(site.port()).login();
        control.command("TYPE I");
        return control;
    }

    private void assertRange(RawControl control, long start, long end) throws IOException {
        assertArrayEquals(slice(start, end), retr(control, "RANG " + start + " " + end), start + "-" + end);
    }

    private byte[] retr(RawControl control, String rang) throws IOException {
        if (rang != null) {
            String reply = control.command(rang);
            assertTrue(reply.startsWith("350"), reply);
        }
        return control.download("RETR f.bin");
    }

    private byte[] slice(long start, long end) {
        return Arrays.copyOfRange(content, (int) start, (int) end + 1);
    }

    private byte[] read(String name) throws IOException {
        return Files.readAllBytes(site.home().resolve(name));
    }

    /** Sends {@code rang}, then {@code command} with {@code bytes} as the upload; returns the final reply. */
    private static String upload(RawControl control, String rang, String command, byte[] bytes) throws IOException {
        assertTrue(control.command(rang).startsWith("350"));
        return control.upload(command, bytes);
    }
}
