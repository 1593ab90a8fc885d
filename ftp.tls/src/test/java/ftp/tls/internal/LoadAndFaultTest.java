package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.internal.RawControl;

/**
 * Issue 9: the attacks of the issue at once, against one real site (FTP, FTPES, implicit FTPS),
 * from another loopback address, while a well-behaved client keeps downloading. Bounded in count
 * and time (about 15 s, loopback only).
 *
 * <p>Asserted: no reply to the well-behaved client takes longer than {@link #REPLY_BOUND} (3 s: on
 * this 2-core machine an unloaded reply takes milliseconds, a TLS handshake tens; 3 s leaves room
 * for a loaded CI machine and is far below every attack's own cost before the fixes, which was a
 * stall of limits.dataTimeout or for ever); afterwards the site is back to its idle level: only
 * the well-behaved connection open, the site's threads no more than before the attacks plus its
 * pools' idle cores, the process's open file descriptors and heap (after a GC) near their level
 * before the attacks.
 */
class LoadAndFaultTest {

    static final Duration REPLY_BOUND = Duration.ofSeconds(3);
    private static final InetAddress ATTACKER = loopback(2);

    @TempDir
    Path dir;

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) last });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void attacksCostOnlyTheAttackersAndEverythingComesBack() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("limits.maxConnections", 1000, "limits.maxConnectionsPerIp", 500,
                "limits.lineTimeout", 2, "limits.loginTimeout", 4, "limits.tlsHandshakeTimeout", 2,
                "limits.dataTimeout", 5, "tls.requireSessionReuse", false, "limits.maxLoginFailures", 1000));
        byte[] file = new byte[256 * 1024];
        new Random(1).nextBytes(file);
        Files.write(tls.site.home().resolve("file.bin"), file);
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        AtomicLong downloads = new AtomicLong();
        ExecutorService pool = Executors.newCachedThreadPool();
        try (RawControl good = new RawControl(tls.site.port()).login()) {
            good.command("TYPE I");
            Thread.sleep(500);
            System.gc();
            long heapBefore = usedHeap();
            long fdsBefore = openFiles();
            long threadsBefore = siteThreads();

            Future<?> client = pool.submit(() -> {
                while (attacking.get()) {
                    long started = System.nanoTime();
                    assertTrue(good.command("NOOP").startsWith("200"));
                    slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                    InetSocketAddress data = good.pasv();
                    good.send("RETR file.bin");
                    try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
                        started = System.nanoTime();
                        assertTrue(good.reply().startsWith("150"));
                        slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                        assertEquals(file.length, socket.getInputStream().readAllBytes().length);
                    }
                    started = System.nanoTime();
                    assertTrue(good.reply().startsWith("226"));
                    slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                    downloads.incrementAndGet();
                }
                return null;
            });
            List<Future<?>> attacks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attacks.add(pool.submit(() -> refusedHandshakes(tls, 25)));
                attacks.add(pool.submit(() -> pipelineWithoutReading(tls)));
                attacks.add(pool.submit(() -> garbage(tls)));
                attacks.add(pool.submit(() -> abandonedTransfers(tls, 10)));
            }
            attacks.add(pool.submit(() -> silentImplicit(tls, 50)));
            attacks.add(pool.submit(() -> slowloris(tls, 10)));
            for (Future<?> attack : attacks) {
                attack.get(60, TimeUnit.SECONDS);
            }
            attacking.set(false);
            client.get(30, TimeUnit.SECONDS);
            System.out.printf("LoadAndFaultTest: %d downloads during the attacks, slowest reply %d ms%n", downloads.get(),
                    TimeUnit.NANOSECONDS.toMillis(slowest.get()));
            assertTrue(downloads.get() > 0, "the well-behaved client downloaded during the attacks");
            assertTrue(slowest.get() < REPLY_BOUND.toNanos(), "slowest reply to the well-behaved client: "
                    + TimeUnit.NANOSECONDS.toMillis(slowest.get()) + " ms");

            awaitTrue(() -> tls.site.instance().connectionCount() == 1, "only the well-behaved connection left: "
                    + tls.site.instance().connectionCount());
            awaitTrue(() -> tls.site.instance().busyThreads() == 0, "no command or transfer thread busy");
            // idle pool threads wait out their keep-alive (60 s) holding no socket and no file: at most
            // one transfer thread per abandoned transfer (40) and the command pool's workers (4)
            awaitTrue(() -> siteThreads() <= threadsBefore + 44, "site threads bounded: " + siteThreads());
            awaitTrue(() -> openFiles() <= fdsBefore + 10, "open files back near " + fdsBefore);
            System.gc();
            assertTrue(usedHeap() < heapBefore + 64L * 1024 * 1024, "heap back near its level before");
            assertTrue(good.command("NOOP").startsWith("200"));
        } finally {
            attacking.set(false);
            pool.shutdownNow();
            tls.site.close();
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!check.ok() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(check.ok(), what);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long openFiles() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Threads of the site (its pools, MINA's processors and acceptor). */
    private static long siteThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("ftp-test-") || t.getName().startsWith("NioProcessor")
                        || t.getName().startsWith("NioSocketAcceptor"))
                .count();
    }

    private static Socket connectFrom(int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(ATTACKER, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Item 1: clients offering only a suite the site refuses, on both ports. */
    private static Void refusedHandshakes(TlsSite tls, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            try (Socket plain = connectFrom(i % 2 == 0 ? tls.ftpsPort : tls.site.port())) {
                if (i % 2 == 1) {
                    plain.getOutputStream().write("AUTH TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                    InputStream in = plain.getInputStream();
                    int lines = 0;
                    for (int b = in.read(); b >= 0 && lines < 2; b = in.read()) {
                        lines += b == '\n' ? 1 : 0; // 220, then 234
                    }
                }
                SSLSocket socket = (SSLSocket) TlsSite.trustAll("TLSv1.2").getSocketFactory()
                        .createSocket(plain, "127.0.0.1", plain.getPort(), true);
                socket.setEnabledProtocols(new String[] { "TLSv1.2" });
                socket.setEnabledCipherSuites(new String[] { "TLS_RSA_WITH_AES_128_CBC_SHA" });
                try {
                    socket.startHandshake();
                } catch (IOException expected) {
                    // refused
                }
            }
        }
        return null;
    }

    /** Item 2: HELP pipelined for a few seconds, no reply read. */
    private static Void pipelineWithoutReading(TlsSite tls) throws Exception {
        try (Socket socket = connectFrom(tls.site.port())) {
            socket.setSoTimeout(1000);
            socket.setSendBufferSize(8192);
            byte[] help = "HELP\r\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                try {
                    while (true) {
                        socket.getOutputStream().write(help);
                    }
                } catch (IOException closed) {
                    // blocked by the server's back-pressure, failed when the socket closed
                }
            }, "pipelining attacker");
            writer.start();
            Thread.sleep(4000);
            socket.close();
            writer.join(5000);
        }
        return null;
    }

    /** Item 11: random bytes until the server ends the session. */
    private static Void garbage(TlsSite tls) throws Exception {
        Random random = new Random();
        try (Socket socket = connectFrom(tls.site.port())) {
            byte[] bytes = new byte[64 * 1024];
            random.nextBytes(bytes);
            try {
                socket.getOutputStream().write(bytes);
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // until the server closes
                }
            } catch (IOException closed) {
                // reset by the server
            }
        }
        return null;
    }

    /** Item 8: transfers whose client goes away before the data connection. */
    private static Void abandonedTransfers(TlsSite tls, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            try (RawControl control = new RawControl(tls.site.port(), ATTACKER).login()) {
                control.pasv();
                control.send("RETR file.bin");
            }
        }
        return null;
    }

    /** Item 3: implicit-FTPS connections that never send a ClientHello. */
    private static Void silentImplicit(TlsSite tls, int count) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(connectFrom(tls.ftpsPort));
            }
            for (Socket socket : sockets) {
                try {
                    while (socket.getInputStream().read() >= 0) {
                        // until the handshake timeout closes it
                    }
                } catch (IOException closed) {
                    // reset
                }
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        return null;
    }

    /** Item 5: one byte every 300 ms, never a line end. */
    private static Void slowloris(TlsSite tls, int count) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(connectFrom(tls.site.port()));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < end) {
                for (Socket socket : sockets) {
                    try {
                        socket.getOutputStream().write('N');
                    } catch (IOException closed) {
                        // the line timeout ended it
                    }
                }
                Thread.sleep(300);
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        return null;
    }
}
