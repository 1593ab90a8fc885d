package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** Issue 9 on the wire: what one misbehaving client may cost, and that it costs only that client. */
class HostileClientTest {

    @TempDir
    java.nio.file.Path dir;

    /** A command with a 4 KB reply that counts how often it ran. */
    @FtpCommandService(command = "XBIG", login = false)
    static final class BigReply implements FtpCommand {
        static final String TEXT = "x".repeat(4096);
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void execute(FtpRequest request, FtpSession session) {
            runs.incrementAndGet();
            session.reply(214, TEXT);
        }
    }

    /**
     * Item 2: a client pipelining commands without reading a reply grew the heap by gigabytes. With
     * back-pressure the commands stop running (and the lines stop being read) while the replies
     * are not taken; once the client reads, every reply arrives, none is lost.
     */
    @Test
    void aClientThatReadsNoReplyStopsItsOwnCommandsAndLosesNone() throws Exception {
        BigReply big = new BigReply();
        int lines = 20_000;
        try (TestSite site = TestSite.start(dir, Map.of()); Socket socket = new Socket()) {
            site.register(big);
            socket.setReceiveBufferSize(8192);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), site.port()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] all = "XBIG\r\n".repeat(lines).getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(all);
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // Nothing is read for a while: the runs stop far below the lines sent (80 MB of replies).
            long settled = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int before;
            do {
                before = big.runs.get();
                Thread.sleep(300);
            } while (big.runs.get() != before || System.nanoTime() < settled);
            assertTrue(big.runs.get() < lines / 4, "ran " + big.runs.get() + " of " + lines + " without a reply read");

            InputStream in = socket.getInputStream();
            int replies = 0;
            int lineEnds = 0;
            byte[] buffer = new byte[65536];
            while (replies < lines) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && ++lineEnds > 1) {
                        replies++; // the first line end is the 220 banner's
                    }
                }
            }
            sending.get(30, TimeUnit.SECONDS);
            assertEquals(lines, replies, "every command ran once the client read");
            assertEquals(lines, big.runs.get());
        }
    }

    /** Item 5: one byte every few seconds held a connection for ever. */
    @Test
    void aCommandLineMustBeCompleteWithinTheLineTimeout() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("limits.lineTimeout", 1));
                RawControl control = new RawControl(site.port())) {
            control.reply();
            long started = System.nanoTime();
            for (int i = 0; i < 6 && !control.socket().isClosed(); i++) {
                try {
                    control.sendBytes(new byte[] { 'N' });
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(400);
            }
            assertEquals("421 Command line not complete within 1 s; closing control connection\r\n", control.reply());
            assertTrue(control.closedByServer());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
        }
    }

    /** Item 5: a client could stay connected without ever logging in, as long as it sent something. */
    @Test
    void aConnectionThatDoesNotLogInInTimeIsClosed() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("limits.loginTimeout", 1));
                RawControl control = new RawControl(site.port())) {
            control.reply();
            String reply = "";
            for (int i = 0; i < 20 && !reply.startsWith("421"); i++) {
                reply = control.command("NOOP");
                Thread.sleep(100);
            }
            assertEquals("421 No login within 1 s; closing control connection\r\n", reply);
            assertTrue(control.closedByServer());
        }
        try (TestSite site = TestSite.start(dir, Map.of("limits.loginTimeout", 1));
                RawControl control = new RawControl(site.port()).login()) {
            Thread.sleep(1500);
            assertTrue(control.command("NOOP").startsWith("200"), "a logged-in session has no login deadline");
        }
    }

    private static boolean bindable(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(false); // with it, Linux lets a bind through beside some bound sockets
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitBindable(int port, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!bindable(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(bindable(port), what);
    }

    /**
     * Item 8: ABOR, or the end of the control connection, while a transfer waited for its data
     * connection left the accept running for up to limits.dataTimeout (a thread and the passive
     * port held), and the close path waited for it on a MINA I/O thread.
     */
    @Test
    void aborAndACloseCancelATransferThatWaitsForItsDataConnection() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("limits.dataTimeout", 60))) {
            java.nio.file.Files.writeString(site.home().resolve("f.txt"), "data");
            try (RawControl control = new RawControl(site.port()).login()) {
                int port = control.pasv().getPort();
                control.send("RETR f.txt");
                long started = System.nanoTime();
                control.send("ABOR");
                assertTrue(control.reply().startsWith("426"), "the transfer's reply first");
                assertTrue(control.reply().startsWith("226"));
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2));
                awaitBindable(port, "ABOR released the passive port");
                assertTrue(control.command("NOOP").startsWith("200"));
            }
            int port;
            try (RawControl control = new RawControl(site.port()).login()) {
                port = control.pasv().getPort();
                control.send("RETR f.txt");
                Thread.sleep(100);
            }
            awaitBindable(port, "the end of the control connection released the passive port");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (site.instance().sessionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, site.instance().sessionCount());
        }
    }

    /** A heavy command that holds its permit until released. */
    @FtpCommandService(command = "XSLOW", heavy = true)
    static final class SlowHeavy implements FtpCommand {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
            started.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session.reply(250, "done");
        }
    }

    /** Item 9: commands reading whole files queued on the shared pool without bound. */
    @Test
    void heavyCommandsBeyondTheSiteBoundGet450AtOnce() throws Exception {
        SlowHeavy slow = new SlowHeavy();
        try (TestSite site = TestSite.start(dir, Map.of("limits.maxHeavyCommands", 2))) {
            site.register(slow);
            RawControl a = new RawControl(site.port()).login();
            RawControl b = new RawControl(site.port()).login();
            RawControl c = new RawControl(site.port()).login();
            try {
                a.send("XSLOW");
                b.send("XSLOW");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (slow.started.get() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals("450 Too many commands that read whole files are running on this site; try again later\r\n",
                        c.command("XSLOW"));
                assertTrue(c.command("NOOP").startsWith("200"), "light commands still run");
                slow.release.countDown();
                assertEquals("250 done\r\n", a.reply());
                assertEquals("250 done\r\n", b.reply());
                assertEquals("250 done\r\n", c.command("XSLOW"), "the permits came back");
                assertEquals(2, slow.started.get() - 1);
            } finally {
                a.close();
                b.close();
                c.close();
            }
        }
    }

    /** Item 11: garbage lines never ended the session. */
    @Test
    void twentyUnrecognisedLinesInARowEndTheSession() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of()); RawControl control = new RawControl(site.port())) {
            control.reply();
            for (int i = 0; i < 19; i++) {
                String reply = control.command(i % 2 == 0 ? "\u0001\u0002garbage" : "NOSUCHVERB");
                assertTrue(reply.startsWith("500") || reply.startsWith("502"), reply);
            }
            assertTrue(control.command("NOOP").startsWith("200"), "a recognised command starts the count again");
            for (int i = 0; i < 19; i++) {
                control.command("XYZZY");
            }
            assertEquals("421 Too many unrecognised commands; closing control connection\r\n", control.command("XYZZY"));
            assertTrue(control.closedByServer());
        }
    }

    /**
     * Issue 11: a login storm (password checks that take long, as bcrypt does) took the shared
     * command pool, so every other session's commands queued behind it. Checks run on the site's
     * own login pool now: with more checks hanging than the command pool has threads, a logged-in
     * session still gets its replies.
     */
    @Test
    void hangingPasswordChecksNeverHoldAnotherSessionsCommands() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int storm = 4 * Runtime.getRuntime().availableProcessors() + 4; // beyond the command pool
        try (TestSite site = TestSite.start(dir, Map.of("limits.maxConnectionsPerIp", storm + 2,
                "limits.maxLoginFailures", storm + 2)); RawControl alice = new RawControl(site.port()).login()) {
            site.instance().addUserStore((name, password) -> {
                if (name.equals("slow")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Optional.empty();
            }, Map.of());
            List<RawControl> checking = new ArrayList<>();
            try {
                for (int i = 0; i < storm; i++) {
                    RawControl control = new RawControl(site.port());
                    checking.add(control);
                    control.reply(); // 220
                    control.command("USER slow");
                    control.send("PASS x");
                }
                for (int i = 0; i < 3; i++) {
                    assertEquals("200 NOOP ok\r\n", alice.command("NOOP"), "answered while " + storm + " checks hang");
                }
                assertTrue(alice.command("PWD").startsWith("257"));
                release.countDown();
                for (RawControl control : checking) {
                    String reply = control.reply();
                    assertTrue(reply.startsWith("530"), reply);
                    assertEquals("200 NOOP ok\r\n", control.command("NOOP"), "the session goes on after its check");
                }
            } finally {
                release.countDown();
                for (RawControl control : checking) {
                    control.close();
                }
            }
        }
    }
}
