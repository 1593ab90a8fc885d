package ftp.core.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.apache.mina.core.session.DummySession;
import org.junit.jupiter.api.Test;

class StartTlsFilterTest {

    /**
     * Issue 9 item 4: MINA's engine asked the peer's host name, a reverse DNS lookup on the I/O
     * thread for every TLS connection. An address made from a literal with no name would look it
     * up in getHostName(); the engine must not ask.
     */
    @Test
    void theEngineGetsNoPeerHostSoNoNameIsLookedUp() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        StartTlsFilter filter = new StartTlsFilter(context, false);
        DummySession session = new DummySession();
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByAddress(new byte[] { (byte) 192, 0, 2, 7 }), 4711);
        SSLEngine engine = filter.createEngine(session, peer);
        assertNull(engine.getPeerHost());
        assertEquals(-1, engine.getPeerPort());
        assertFalse(engine.getUseClientMode());
        assertEquals("192.0.2.7", peer.getHostString(), "and nobody resolved the address meanwhile");
    }
}
