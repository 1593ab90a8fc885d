package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.Permission;

/** Issue 10 on the wire: permissions that hold, names that cannot forge replies, nothing left behind. */
class FileIntegrityTest {

    @TempDir
    Path dir;

    /**
     * Item 1: while the client looped RETR sw/f, the operator's side flipped sw between a directory
     * and a link to a directory outside the root; 336 of 3000 RETRs returned the outside file. Here
     * a thread flips them as fast as it can (atomic renames) during {@value #SWAPS} RETRs; not one
     * byte from outside may arrive.
     */
    @Test
    void noByteFromOutsideArrivesWhileADirectoryAndALinkAreSwapped() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("f"), "OUTSIDE");
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            Path home = site.home();
            int inside = 0;
            try (Flipper flipper = new Flipper(home, outside, "inside")) {
                control.command("TYPE I");
                for (int i = 0; i < SWAPS; i++) {
                    InetSocketAddress data = control.pasv();
                    control.send("RETR sw/f");
                    byte[] bytes = new byte[0];
                    try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                        String opening = control.reply();
                        if (opening.startsWith("150")) {
                            bytes = socket.getInputStream().readAllBytes();
                            control.reply();
                        }
                    }
                    String received = new String(bytes, StandardCharsets.US_ASCII);
                    assertFalse(received.contains("OUTSIDE"), "RETR " + i + " returned the outside file");
                    inside += received.equals("inside") ? 1 : 0;
                }
                assertTrue(flipper.flips.get() > 10, "the flipper ran: " + flipper.flips.get());
            }
            assertTrue(inside > 0, "some RETRs found the directory");
        }
    }

    static final int SWAPS = 1000;

    /**
     * Flips {@code home/sw} between a real directory (holding {@code f} with {@code content}, when
     * given) and a link to {@code outside}, by atomic renames, as fast as a thread can, until closed.
     */
    static final class Flipper implements AutoCloseable {
        final java.util.concurrent.atomic.AtomicLong flips = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean flipping = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread;

        Flipper(Path home, Path outside, String content) throws java.io.IOException {
            Path sw = home.resolve("sw");
            Path real = Files.createDirectories(home.resolve("sw.dir"));
            if (content != null) {
                Files.writeString(real.resolve("f"), content);
            }
            Path link = Files.createSymbolicLink(home.resolve("sw.link"), outside);
            Files.move(real, sw);
            thread = new Thread(() -> {
                while (flipping.get()) {
                    try {
                        Files.move(sw, real, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        Files.move(link, sw, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        Files.move(sw, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        Files.move(real, sw, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        flips.incrementAndGet();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, "flipper");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            flipping.set(false);
            thread.join();
        }
    }

    /**
     * Item 1 for the commands that change things: while the same flipper runs, DELE, RMD and
     * RNFR/RNTO through sw never change the outside directory. (MKD is the exception Java leaves:
     * see ContainedFiles.createDirectory and the test below.)
     */
    @Test
    void nothingOutsideChangesWhileADirectoryAndALinkAreSwapped() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        for (int i = 0; i < 200; i++) {
            Files.writeString(outside.resolve("f" + i), "OUTSIDE");
        }
        Files.createDirectory(outside.resolve("keep"));
        List<String> before;
        try (var listing = Files.list(outside)) {
            before = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            Path home = site.home();
            try (Flipper flipper = new Flipper(home, outside, null)) {
                control.command("TYPE I");
                for (int i = 0; i < 200; i++) {
                    control.command("DELE sw/f" + i);
                    control.command("RMD sw/keep");
                    control.command("RNFR sw/f" + i);
                    control.command("RNTO sw/renamed" + i);
                    control.command("RNFR sw/f" + i);
                    control.command("RNTO f" + i);
                }
            }
        }
        try (var listing = Files.list(outside)) {
            assertEquals(before, listing.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the outside directory is exactly as it was");
        }
        for (int i = 0; i < 200; i++) {
            assertEquals("OUTSIDE", Files.readString(outside.resolve("f" + i)));
        }
    }

    /**
     * Item 1, MKD: Java has no mkdirat, so a racing swap can let an empty directory appear outside;
     * then the client is refused (never told 257) and the operator warned. Every 257 names a
     * directory that is inside.
     */
    @Test
    void mkdThroughASwappedLinkNeverClaimsADirectoryOutside() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        java.util.Map<Integer, String> replies = new java.util.HashMap<>();
        Path home;
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            home = site.home();
            try (Flipper flipper = new Flipper(home, outside, null)) {
                for (int i = 0; i < 200; i++) {
                    replies.put(i, control.command("MKD sw/new" + i));
                }
            }
        }
        for (Map.Entry<Integer, String> reply : replies.entrySet()) {
            boolean inside = Files.isDirectory(home.resolve("sw/new" + reply.getKey()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (reply.getValue().startsWith("257")) {
                assertTrue(inside, "257 for new" + reply.getKey() + " but it is not inside");
            }
            if (Files.exists(outside.resolve("new" + reply.getKey()))) {
                assertTrue(reply.getValue().startsWith("550"), "created outside and answered " + reply.getValue());
            }
        }
    }

    /** Item 2: a user without delete renamed another file over the victim. */
    @Test
    void renamingOntoAnExistingFileNeedsTheDeletePermission() throws Exception {
        try (TestSite site = TestSite.start(dir)) {
            Path home = site.home();
            Files.writeString(home.resolve("victim"), "precious");
            Files.writeString(home.resolve("other"), "junk");
            site.addUser("renamer", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ, Permission.RENAME));
            try (RawControl control = new RawControl(site.port()).login("renamer", "pw")) {
                assertTrue(control.command("DELE victim").startsWith("550"));
                assertTrue(control.command("RNFR other").startsWith("350"));
                assertEquals("550 /victim: exists, and replacing it needs the delete permission\r\n",
                        control.command("RNTO victim"));
                assertEquals("precious", Files.readString(home.resolve("victim")));
                assertTrue(control.command("RNFR other").startsWith("350"));
                assertTrue(control.command("RNTO fresh").startsWith("250"), "a new name needs no delete");
            }
            try (RawControl control = new RawControl(site.port()).login()) {
                assertTrue(control.command("RNFR fresh").startsWith("350"));
                assertTrue(control.command("RNTO victim").startsWith("250"), "with delete the file is replaced");
                assertEquals("junk", Files.readString(home.resolve("victim")));
            }
        }
    }

    /** Item 3: a bare CR in a name forged reply lines; line separators and bidi overrides were accepted. */
    @Test
    void namesWithControlOrSeparatorCharactersAreRefusedAndNeverListed() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            for (String name : List.of("inj\r226 Injected fake line", "line\u2028sep", "next\u0085line",
                    "para\u2029", "evil\u202etxt.exe", "bell\u0007", "del\u007f")) {
                assertEquals("553 File name not allowed\r\n", control.command("MKD " + name), name);
                assertEquals("553 File name not allowed\r\n", control.command("CWD " + name), name);
            }
            try {
                Files.createDirectory(site.home().resolve("op\rmade"));
            } catch (java.nio.file.InvalidPathException | java.io.IOException unsupported) {
                return; // a file system that refuses such names itself
            }
            Files.writeString(site.home().resolve("plain.txt"), "x");
            // a name that is not UTF-8 on disk (byte 0x85): no command can address it, no listing shows it
            assertEquals(0, new ProcessBuilder("sh", "-c", "touch \"$(printf 'undecodable\\205name')\"")
                    .directory(site.home().toFile()).start().waitFor());
            control.command("TYPE A");
            String nlst = new String(control.download("NLST"), StandardCharsets.UTF_8);
            String list = new String(control.download("LIST"), StandardCharsets.UTF_8);
            for (String listing : List.of(nlst, list)) {
                assertTrue(listing.contains("plain.txt"), listing);
                assertFalse(listing.contains("op\rmade") || listing.contains("made"), "skipped: " + listing);
                assertFalse(listing.contains("undecodable"), "skipped: " + listing);
                assertEquals(listing.replace("\r\n", "").indexOf('\r'), -1, "no bare CR");
            }
        }
    }

    /** Item 4: the upload temporary prefix hid a client's own file from every listing. */
    @Test
    void uploadTemporaryNamesCannotBeCreatedRenamedToOrAddressed() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            Files.writeString(site.home().resolve(".ftp-upload-old.part"), "left by a crash");
            Files.writeString(site.home().resolve("mine.txt"), "x");
            control.command("TYPE I");
            assertEquals("553 File name not allowed\r\n", control.command("STOR .ftp-upload-hide.part"));
            assertEquals("553 File name not allowed\r\n", control.command("RETR .ftp-upload-old.part"));
            assertEquals("553 File name not allowed\r\n", control.command("DELE .ftp-upload-old.part"));
            assertTrue(control.command("RNFR mine.txt").startsWith("350"));
            assertEquals("553 File name not allowed\r\n", control.command("RNTO .ftp-upload-x.part"));
            assertTrue(Files.exists(site.home().resolve("mine.txt")));
        }
    }

    /** Item 5: a 40 MB temporary outlived a kill -9 of the server, hidden and never removed. */
    @Test
    void aSiteStartRemovesItsStaleUploadTemporaries() throws Exception {
        Path home = Files.createDirectories(dir.resolve("root/alice/deep"));
        Path stale = Files.writeString(home.resolve(".ftp-upload-123.part"), "x".repeat(1000));
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path notOurs = Files.writeString(home.resolve(".ftp-upload-notes.txt"), "an operator's file");
        try (TestSite site = TestSite.start(dir)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (Files.exists(stale) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(Files.exists(stale), "the stale temporary is gone");
            assertTrue(Files.exists(notOurs), "only .part temporaries are the server's");
        }
    }

    /**
     * Item 7: a client killed in the middle of a STOR over a file: its partial upload replaced the
     * file. The control connection ends with the data connection; nobody asked for the result.
     */
    @Test
    void aHalfUploadWhoseClientIsGoneNeverReplacesTheFile() throws Exception {
        try (TestSite site = TestSite.start(dir)) {
            Path target = Files.writeString(site.home().resolve("big.bin"), "the complete old file");
            RawControl control = new RawControl(site.port()).login();
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("STOR big.bin");
            Socket socket = new Socket(data.getAddress(), data.getPort());
            assertTrue(control.reply().startsWith("150"));
            socket.getOutputStream().write(new byte[100_000]);
            control.close(); // the client dies: its control connection ends, then its data connection
            socket.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (site.instance().busyThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            assertEquals("the complete old file", Files.readString(target));
            try (var files = Files.list(site.home())) {
                assertEquals(List.of("big.bin"), files.map(p -> p.getFileName().toString()).toList(),
                        "no temporary left");
            }
        }
    }

    /** Item 6: errors carried the server's own path and the wrong codes. */
    @Test
    void fileErrorsAreHonestRepliesWithoutNativePaths() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            Path file = Files.writeString(site.home().resolve("f.txt"), "data");
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("RETR f.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (site.instance().activeTransfers() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5); // until RETR waits for its data connection
            }
            Files.delete(file); // between RETR and its data connection
            try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                String opening = control.reply();
                assertTrue(opening.startsWith("150"), opening);
                socket.getInputStream().readAllBytes();
            }
            String reply = control.reply();
            assertEquals("550 Requested action not taken: no such file or directory\r\n", reply);
            String tooLong = "n".repeat(300);
            assertEquals("553 File name not allowed\r\n", control.command("MKD " + tooLong));
            for (String answer : List.of(reply, control.command("MKD " + tooLong))) {
                assertFalse(answer.contains(dir.toString()), answer);
            }
        }
    }

    /**
     * Found by an attack: a file replaced by a FIFO between RETR and its data connection blocked
     * the transfer thread in open() for good (and the session with it); a directory put in its
     * place answered 426.
     */
    @Test
    void onlyPlainFilesAreOpenedWhateverTookTheirPlace() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            for (String swap : List.of("fifo", "dir")) {
                Path file = Files.writeString(site.home().resolve("f-" + swap), "data");
                InetSocketAddress data = control.pasv();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                // the previous round's transfer thread may still be winding down after its reply:
                // counting it would swap the file before this RETR has checked it
                while (site.instance().activeTransfers() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                control.send("RETR f-" + swap);
                while (site.instance().activeTransfers() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Files.delete(file);
                if (swap.equals("fifo")) {
                    assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
                } else {
                    Files.createDirectory(file);
                }
                try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                    String opening = control.reply();
                    assertTrue(opening.startsWith("150"), swap + ": " + opening);
                    socket.getInputStream().readAllBytes();
                }
                assertEquals("550 Not a plain file\r\n", control.reply(), swap);
            }
            assertTrue(control.command("NOOP").startsWith("200"));
        }
    }

    @Test
    void aFullDiskIs452AndOtherLocalErrors451() {
        assertEquals(452, ftp.core.internal.fs.FileErrors.reply(new java.io.IOException("No space left on device")).code());
        assertEquals(452, ftp.core.internal.fs.FileErrors.reply(
                new java.nio.file.FileSystemException("/srv/x", null, "Disk quota exceeded")).code());
        assertEquals(553, ftp.core.internal.fs.FileErrors.reply(
                new java.nio.file.FileSystemException("/srv/x", null, "File name too long")).code());
        assertEquals(550, ftp.core.internal.fs.FileErrors.reply(new java.nio.file.AccessDeniedException("/srv/x")).code());
        assertEquals(451, ftp.core.internal.fs.FileErrors.reply(new java.io.IOException("Input/output error")).code());
        assertTrue(ftp.core.internal.fs.FileErrors.local(new java.io.IOException("No space left on device")));
        assertFalse(ftp.core.internal.fs.FileErrors.local(new java.net.SocketException("Connection reset")));
        assertFalse(ftp.core.internal.fs.FileErrors.reply(new java.nio.file.NoSuchFileException("/srv/secret/x")).toWire()
                .contains("/srv"));
    }

    @Test
    void aCompleteUploadOfAConnectedClientStillReplaces() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            Path target = Files.writeString(site.home().resolve("f.bin"), "old");
            control.command("TYPE I");
            TransferProtocolTest.upload(control, "STOR f.bin", "new".getBytes(StandardCharsets.US_ASCII));
            assertEquals("new", Files.readString(target));
        }
    }
}
