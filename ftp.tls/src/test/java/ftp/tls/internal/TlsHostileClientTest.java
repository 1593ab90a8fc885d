package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.internal.RawControl;

/**
 * Issue 9 items 1 and 3: every way a TLS control connection ends releases its slot, and a TLS
 * connection that never completes its handshake is closed.
 */
class TlsHostileClientTest {

    /** A suite the secure defaults refuse (openssl's AES128-SHA). */
    private static final String REFUSED_SUITE = "TLS_RSA_WITH_AES_128_CBC_SHA";

    @TempDir
    Path dir;

    /** A client that offers only a refused suite, on an already connected socket. */
    private static void refusedHandshake(Socket plain, String host) throws Exception {
        SSLSocket tls = (SSLSocket) TlsSite.trustAll("TLSv1.2").getSocketFactory().createSocket(plain, host,
                plain.getPort(), true);
        tls.setEnabledProtocols(new String[] { "TLSv1.2" });
        tls.setEnabledCipherSuites(new String[] { REFUSED_SUITE });
        assertThrows(SSLHandshakeException.class, tls::startHandshake);
        tls.close();
    }

    private static void await(IntSupplier count, int expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, count.getAsInt(), what);
    }

    /**
     * Item 1: ten refused handshakes from one address locked it out of both ports for good; a
     * hundred made the site refuse everyone.
     */
    @Test
    void refusedHandshakesLeaveNoSessionBehind() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("limits.maxConnectionsPerIp", 3));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int i = 0; i < 12; i++) {
            try (Socket implicit = new Socket(loopback, tls.ftpsPort)) {
                refusedHandshake(implicit, "127.0.0.1");
            }
            try (RawControl explicit = new RawControl(tls.site.port())) {
                explicit.reply();
                assertTrue(explicit.command("AUTH TLS").startsWith("234"));
                refusedHandshake(explicit.socket(), "127.0.0.1");
            }
        }
        await(() -> tls.site.instance().connectionCount(), 0, "connections left behind");
        assertEquals(0, tls.site.instance().sessionCount());
        try (RawControl control = new RawControl(tls.site.port())) {
            assertTrue(control.reply().startsWith("220"), "the address is not locked out");
        }
        tls.site.close();
    }

    /** Item 3: implicit-FTPS connections that never sent a ClientHello stayed open for ever. */
    @Test
    void aSilentImplicitConnectionIsClosedAfterTheHandshakeTimeout() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("limits.tlsHandshakeTimeout", 1));
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tls.ftpsPort), 5000);
                socket.setSoTimeout(5000);
                silent.add(socket);
            }
            long started = System.nanoTime();
            for (Socket socket : silent) {
                InputStream in = socket.getInputStream();
                try {
                    assertEquals(-1, in.read(), "closed by the server, nothing sent in the clear");
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("still open after 5 s", e);
                } catch (IOException reset) {
                    // closed too
                }
            }
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
            await(() -> tls.site.instance().connectionCount(), 0, "connections left behind");
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
            tls.site.close();
        }
    }

    /**
     * Item 7: a protected data connection that never sent its ClientHello wedged the session for
     * ever (no reply, NOOP queued, ABOR answered while the transfer thread stayed blocked).
     */
    @Test
    void aDataConnectionThatNeverHandshakesEndsWithinTheDataTimeout() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("limits.dataTimeout", 2, "tls.requireSessionReuse", false));
        java.nio.file.Files.writeString(tls.site.home().resolve("f.txt"), "data");
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            assertTrue(control.command("AUTH TLS").startsWith("234"));
            control.upgrade(TlsSite.trustAll("TLS"));
            control.command("USER alice");
            assertTrue(control.command("PASS secret").startsWith("230"));
            control.command("PBSZ 0");
            assertTrue(control.command("PROT P").startsWith("200"));
            InetSocketAddress pasv = control.pasv();
            control.send("RETR f.txt");
            try (Socket data = new Socket(InetAddress.getLoopbackAddress(), pasv.getPort())) {
                assertTrue(control.reply().startsWith("150"));
                long started = System.nanoTime();
                String reply = control.reply();
                assertTrue(reply.startsWith("425") || reply.startsWith("426"), reply);
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
            }
            assertTrue(control.command("NOOP").startsWith("200"));
        }
        tls.site.close();
    }

    /** Item 6: a client could renegotiate TLS 1.2 as often as it liked, each time a full handshake. */
    @Test
    void aClientsRenegotiationIsRefused() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.maxVersion", "TLSv1.2"));
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            assertTrue(control.command("AUTH TLS").startsWith("234"));
            control.upgrade(TlsSite.trustAll("TLSv1.2"));
            assertTrue(control.command("NOOP").startsWith("200"));
            SSLSocket socket = (SSLSocket) control.socket();
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            socket.startHandshake();
            assertThrows(IOException.class, () -> control.command("NOOP"), "renegotiation ends the connection");
        }
        await(() -> tls.site.instance().connectionCount(), 0, "connections left behind");
        tls.site.close();
    }

    /** Item 3: a connection refused (over the per-address limit) on the implicit port was never closed. */
    @Test
    void aRefusedImplicitConnectionIsClosedToo() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("limits.maxConnectionsPerIp", 1, "limits.tlsHandshakeTimeout", 1));
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), tls.ftpsPort);
                Socket second = new Socket(InetAddress.getLoopbackAddress(), tls.ftpsPort)) {
            second.setSoTimeout(10_000);
            long started = System.nanoTime();
            try {
                assertEquals(-1, second.getInputStream().read());
            } catch (IOException reset) {
                // closed too
            }
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(7));
        }
        await(() -> tls.site.instance().connectionCount(), 0, "connections left behind");
        tls.site.close();
    }
}
