package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transfers over real sockets: bytes, TYPE A, REST, APPE, STOU, aborted and stolen connections. */
class TransferProtocolTest extends SiteTest {


    @Test
    void binaryUploadAndDownloadKeepEveryByte() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        FTPClient ftp = site.login();
        assertTrue(ftp.storeFile("blob.bin", new ByteArrayInputStream(data)), ftp.getReplyString());
        assertArrayEquals(data, Files.readAllBytes(site.home().resolve("blob.bin")));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(ftp.retrieveFile("blob.bin", back), ftp.getReplyString());
        assertArrayEquals(data, back.toByteArray());
        assertEquals(213, ftp.sendCommand("SIZE blob.bin"));
        assertEquals("213 " + data.length, ftp.getReplyString().trim());
    }

    /**
     * Issue 11: uploads are read in 1 MiB steps and, on durable sites, flushed in the background
     * every 32 MiB; with {@code transfer.durable = false} nothing is forced. Either way every byte
     * lands where STOR, REST + STOR and APPE put it.
     */
    @ParameterizedTest(name = "transfer.durable = {0}")
    @ValueSource(booleans = { true, false })
    void largeUploadsKeepEveryByteDurableOrNot(boolean durable) throws Exception {
        site.close();
        site = TestSite.start(dir.resolve("durable-" + durable), Map.of("transfer.durable", Boolean.toString(durable)));
        assertEquals(durable, site.instance().settings().transfers().durable());
        byte[] data = new byte[(70 << 20) + 12345]; // more than two background flush steps
        new Random(durable ? 1 : 2).nextBytes(data);
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            upload(control, "STOR big.bin", data);
            assertArrayEquals(data, Files.readAllBytes(site.home().resolve("big.bin")));
            assertTrue(control.command("REST 1000").startsWith("350"));
            upload(control, "STOR big.bin", Arrays.copyOfRange(data, 1000, data.length));
            assertArrayEquals(data, Files.readAllBytes(site.home().resolve("big.bin")));
            upload(control, "APPE big.bin", data);
            byte[] twice = Files.readAllBytes(site.home().resolve("big.bin"));
            assertArrayEquals(data, Arrays.copyOfRange(twice, data.length, twice.length));
        }
    }

    @Test
    void asciiModeConvertsLineEndsBothWays() throws IOException {
        Files.writeString(site.home().resolve("unix.txt"), "one\ntwo\n");
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("TYPE A").startsWith("200"));
            // Issue 9 item 9: SIZE in TYPE A read the whole file, byte by byte (7 s per GiB)
            assertEquals("550 SIZE is not available in ASCII mode; send TYPE I first\r\n", control.command("SIZE unix.txt"));
            assertEquals("one\r\ntwo\r\n", new String(control.download("RETR unix.txt"), StandardCharsets.US_ASCII));
            assertTrue(control.command("TYPE I").startsWith("200"));
            assertEquals("213 8\r\n", control.command("SIZE unix.txt"));
            assertTrue(control.command("TYPE A").startsWith("200"));
            upload(control, "STOR dos.txt", "a\r\nb\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("a\nb\n", Files.readString(site.home().resolve("dos.txt")));
    }

    @Test
    void restartedDownloadStartsAtTheOffset() throws IOException {
        Files.writeString(site.home().resolve("abc.txt"), "0123456789");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            assertTrue(control.command("REST 4").startsWith("350"));
            assertEquals("456789", new String(control.download("RETR abc.txt"), StandardCharsets.US_ASCII));
            assertTrue(control.command("REST 11").startsWith("350"));
            InetSocketAddress data = control.pasv();
            assertTrue(control.command("RETR abc.txt").startsWith("554"), "an offset past the end is refused");
            new Socket(data.getAddress(), data.getPort()).close();
        }
    }

    @Test
    void restThenStorResumesAPartialUpload() throws IOException {
        Files.writeString(site.home().resolve("part.txt"), "01234xxxxxxxxxx");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            control.command("REST 5");
            upload(control, "STOR part.txt", "56789".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("0123456789", Files.readString(site.home().resolve("part.txt")));
    }

    @Test
    void restIsForgottenAfterAnotherCommand() throws IOException {
        Files.writeString(site.home().resolve("abc.txt"), "0123456789");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            control.command("REST 4");
            control.command("NOOP");
            assertEquals("0123456789", new String(control.download("RETR abc.txt"), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void appendAddsToTheEnd() throws IOException {
        Files.writeString(site.home().resolve("log.txt"), "first\n");
        FTPClient ftp = site.login();
        assertTrue(ftp.appendFile("log.txt", new ByteArrayInputStream("second\n".getBytes())), ftp.getReplyString());
        assertEquals("first\nsecond\n", Files.readString(site.home().resolve("log.txt")));
    }

    @Test
    void stouNeverOverwrites() throws IOException {
        Files.writeString(site.home().resolve("upload"), "taken");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("STOU");
            try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                assertEquals("150 FILE: upload.1\r\n", control.reply());
                socket.getOutputStream().write("fresh".getBytes());
            }
            assertTrue(control.reply().startsWith("226"));
        }
        assertEquals("taken", Files.readString(site.home().resolve("upload")));
        assertEquals("fresh", Files.readString(site.home().resolve("upload.1")));
    }

    @Test
    void anInterruptedUploadLeavesThePreviousFileIntact() throws Exception {
        Path target = site.home().resolve("important.dat");
        Files.writeString(target, "the complete old version");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("STOR important.dat");
            Socket socket = new Socket(data.getAddress(), data.getPort());
            assertTrue(control.reply().startsWith("150"));
            socket.getOutputStream().write(new byte[100_000]);
            socket.setSoLinger(true, 0); // a reset, not an orderly end of file
            socket.close();
            assertTrue(control.reply().startsWith("426"));
        }
        assertEquals("the complete old version", Files.readString(target));
        try (Stream<Path> files = Files.list(site.home())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aPassiveConnectionFromAnotherAddressIsRefused() throws IOException {
        Files.writeString(site.home().resolve("secret.txt"), "for alice only");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            // A thief on another loopback address reaches the port first.
            try (Socket thief = new Socket()) {
                thief.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
                thief.connect(new InetSocketAddress(data.getAddress(), data.getPort()), 2000);
                control.send("RETR secret.txt");
                try (Socket owner = new Socket(data.getAddress(), data.getPort())) {
                    assertTrue(control.reply().startsWith("150"));
                    assertEquals("for alice only", new String(owner.getInputStream().readAllBytes()));
                }
                thief.setSoTimeout(5000);
                assertEquals(-1, thief.getInputStream().read(), "the thief gets nothing");
            }
            assertTrue(control.reply().startsWith("226"));
        }
    }

    @Test
    void aborDuringATransferAnswers426Then226() throws Exception {
        byte[] big = new byte[64 * 1024 * 1024];
        Files.write(site.home().resolve("big.bin"), big);
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("RETR big.bin");
            try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                socket.setReceiveBufferSize(4096);
                assertTrue(control.reply().startsWith("150"));
                socket.getInputStream().read(new byte[1024]); // the transfer is under way; we stop reading
                control.sendBytes(new byte[] { (byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2 });
                control.send("ABOR");
                assertTrue(control.reply().startsWith("426"));
                assertTrue(control.reply().startsWith("226"));
            }
            assertTrue(control.command("NOOP").startsWith("200"), "the session goes on");
        }
    }

    /**
     * ABOR the way clients send it with TCP urgent data: Python's ftplib sends the whole line with
     * MSG_OOB (the urgent byte is its last, the LF), RFC 959 section 4.1.3 sends IAC IP, then IAC as
     * urgent data, then DM and ABOR. Without SO_OOBINLINE Linux takes the urgent byte out of the
     * stream: ftplib's ABOR lost its LF and went unanswered until the next command, and the RFC's
     * sequence arrived without its second IAC and answered 500, the transfer running on both times.
     */
    @ParameterizedTest
    @ValueSource(strings = { "ftplib", "rfc959" })
    void aborWithUrgentDataAbortsTheTransfer(String client) throws Exception {
        Files.write(site.home().resolve("big.bin"), new byte[64 * 1024 * 1024]);
        try (RawControl control = new RawControl(site.port()).login()) {
            try (Socket socket = control.slowDownload("big.bin")) {
                socket.getInputStream().read(new byte[1024]); // under way; we stop reading
                if (client.equals("ftplib")) {
                    control.sendBytes("ABOR\r".getBytes(StandardCharsets.US_ASCII));
                    control.sendUrgent('\n');
                } else {
                    control.sendBytes(new byte[] { (byte) 0xff, (byte) 0xf4 }); // IAC IP
                    control.sendUrgent(0xff); // IAC, the Synch
                    control.sendBytes(new byte[] { (byte) 0xf2 }); // DM
                    control.send("ABOR");
                }
                assertTrue(control.reply().startsWith("426"));
                assertTrue(control.reply().startsWith("226"));
            }
            assertTrue(control.command("NOOP").startsWith("200"), "nothing of the ABOR is left in the stream");
        }
    }

    @Test
    void commandsSentDuringATransferWaitForItsEnd() throws Exception {
        Files.writeString(site.home().resolve("small.txt"), "x");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("STOR slow.txt");
            try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                assertTrue(control.reply().startsWith("150"));
                control.send("SIZE small.txt");
                socket.getOutputStream().write("data".getBytes());
            }
            assertTrue(control.reply().startsWith("226"), "the transfer's reply comes first");
            assertEquals("213 1\r\n", control.reply());
        }
    }

    @Test
    void quitDuringATransferLetsItFinishFirst() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            InetSocketAddress data = control.pasv();
            control.send("STOR last.txt");
            try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                assertTrue(control.reply().startsWith("150"));
                control.send("QUIT");
                socket.getOutputStream().write("complete".getBytes());
            }
            assertTrue(control.reply().startsWith("226"));
            assertTrue(control.reply().startsWith("221"));
            assertTrue(control.closedByServer());
        }
        assertEquals("complete", Files.readString(site.home().resolve("last.txt")));
    }

    @Test
    void aDataConnectionThatNeverComesGives425AndTouchesNoFile() throws Exception {
        site.close();
        site = TestSite.start(dir.resolve("short"), java.util.Map.of("limits.dataTimeout", 1));
        Path target = site.home().resolve("keep.txt");
        Files.writeString(target, "unchanged");
        try (RawControl control = new RawControl(site.port()).login()) {
            control.pasv();
            assertTrue(control.command("STOR keep.txt").startsWith("425"));
            assertTrue(control.command("NOOP").startsWith("200"));
        }
        assertEquals("unchanged", Files.readString(target));
    }

    @Test
    void aClientThatStopsReadingLosesTheTransferAfterTheDataTimeout() throws Exception {
        site.close();
        site = TestSite.start(dir.resolve("stall"), java.util.Map.of("limits.dataTimeout", 1));
        Files.write(site.home().resolve("big.bin"), new byte[32 * 1024 * 1024]);
        try (RawControl control = new RawControl(site.port()).login()) {
            try (Socket socket = control.slowDownload("big.bin")) {
                String reply = control.reply(); // we never read: the watchdog ends the transfer
                assertTrue(reply.startsWith("426") && reply.contains("no data moved"), reply);
            }
            assertTrue(control.command("NOOP").startsWith("200"));
        }
    }

    /**
     * Issue 11: a plain download waiting for its client waits on the site's sendfile threads, its
     * own transfer thread parked. Each used to sit in a blocking sendfile: a hundred downloads were
     * a hundred threads that all ran whenever their sockets drained, and the command threads got
     * 1 % of the cores (the last of 100 simultaneous RETRs had its 150 after 0.4 s).
     */
    @Test
    void downloadsWaitingForTheirClientsParkTheirTransferThreads() throws Exception {
        Files.write(site.home().resolve("big.bin"), new byte[32 * 1024 * 1024]);
        List<RawControl> controls = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawControl control = new RawControl(site.port()).login();
                controls.add(control);
                sockets.add(control.slowDownload("big.bin")); // never read
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Map<Thread.State, Long> states;
            do {
                Thread.sleep(50);
                states = Thread.getAllStackTraces().entrySet().stream()
                        .filter(thread -> Arrays.stream(thread.getValue())
                                .anyMatch(frame -> frame.getMethodName().equals("send")
                                        && frame.getClassName().endsWith(".SocketDataChannel")))
                        .collect(Collectors.groupingBy(thread -> thread.getKey().getState(), Collectors.counting()));
            } while (!Map.of(Thread.State.WAITING, 8L).equals(states) && System.nanoTime() < deadline);
            assertEquals(Map.of(Thread.State.WAITING, 8L), states, "the eight downloads' threads");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            for (RawControl control : controls) {
                control.close();
            }
        }
    }

    @Test
    void noDataConnectionPreparedGives425() throws IOException {
        Files.writeString(site.home().resolve("a.txt"), "x");
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("RETR a.txt").startsWith("425"));
        }
    }

    /**
     * Issue 11: a listing holds its directory open while it streams; a listing sent, one refused
     * for want of a data connection and one whose client hangs up all close it.
     */
    @Test
    void listingsLeaveNoDirectoryOpenHoweverTheyEnd() throws Exception {
        Path listed = Files.createDirectories(site.home().resolve("d"));
        for (int i = 0; i < 10; i++) {
            Files.writeString(listed.resolve("f" + i), "x");
        }
        try (RawControl control = new RawControl(site.port()).login()) {
            assertEquals(10, new String(control.download("LIST d"), StandardCharsets.US_ASCII).lines().count());
            long before = openFiles();
            for (int i = 0; i < 30; i++) {
                assertEquals(10, new String(control.download(i % 2 == 0 ? "LIST d" : "NLST d"), StandardCharsets.US_ASCII)
                        .lines().count());
                assertTrue(control.command("LIST d").startsWith("425"), "no data connection prepared");
                java.net.InetSocketAddress data = control.pasv();
                new Socket(data.getAddress(), data.getPort()).close(); // connects, then hangs up at once
                String reply = control.command("LIST d");
                if (reply.startsWith("150")) {
                    reply = control.reply();
                }
                assertTrue(reply.startsWith("226") || reply.startsWith("426"), reply);
            }
            assertTrue(openFiles() < before + 10, "open files grew from " + before + " to " + openFiles());
        }
    }

    private static long openFiles() throws IOException {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    static void upload(RawControl control, String command, byte[] bytes) throws IOException {
        String done = control.upload(command, bytes);
        assertTrue(done.startsWith("226"), done);
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
