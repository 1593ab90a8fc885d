package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ftp.core.internal.RawControl;
import ftp.core.internal.TestSite;

/** PORT and EPRT (RFC 959, RFC 2428): connections on demand, bounce protection, port.useControlIp. */
class ActiveModeTest extends FeatureTest {

    static String port(InetAddress address, int port) {
        return address.getHostAddress().replace('.', ',') + "," + (port >> 8) + "," + (port & 0xff);
    }

    @Test
    void portConnectsBackOnlyWhenTheTransferCommandComes() throws Exception {
        Files.writeString(site.home().resolve("a.txt"), "active bytes");
        try (ServerSocket client = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RawControl control = new RawControl(site.port()).login()) {
            client.setSoTimeout(300);
            assertEquals("200 PORT command successful\r\n",
                    control.command("PORT " + port(InetAddress.getLoopbackAddress(), client.getLocalPort())));
            assertThrows(SocketTimeoutException.class, client::accept, "no connection before RETR");
            control.send("RETR a.txt");
            client.setSoTimeout(5000);
            try (Socket data = client.accept()) {
                assertTrue(control.reply().startsWith("150"));
                assertEquals("active bytes", new String(data.getInputStream().readAllBytes()));
            }
            assertTrue(control.reply().startsWith("226"));
        }
    }

    @Test
    void eprtWorksForIpv4AndRefusesWhatItMust() throws Exception {
        Files.writeString(site.home().resolve("b.txt"), "eprt bytes");
        try (ServerSocket client = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("EPRT |3|127.0.0.1|2000|").startsWith("522"));
            assertTrue(control.command("EPRT |1|::1|2000|").startsWith("501"), "family mismatch");
            assertTrue(control.command("EPRT |2|::1|2000|").startsWith("501"), "another host than the client");
            assertTrue(control.command("EPRT 1|127.0.0.1|2000").startsWith("501"));
            assertTrue(control.command("EPRT").startsWith("501"));
            assertEquals("200 EPRT command successful\r\n", control.command("EPRT |1|127.0.0.1|" + client.getLocalPort() + "|"));
            control.send("RETR b.txt");
            client.setSoTimeout(5000);
            try (Socket data = client.accept()) {
                assertTrue(control.reply().startsWith("150"));
                assertEquals("eprt bytes", new String(data.getInputStream().readAllBytes()));
            }
            assertTrue(control.reply().startsWith("226"));
        }
    }

    @Test
    void ipv6ActiveAndExtendedPassiveMode() throws Exception {
        site.close();
        site = FeatureSite.start(dir.resolve("v6"), Map.of("bind.address", "::1"));
        Files.writeString(site.home().resolve("v6.txt"), "over IPv6");
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket client = new ServerSocket(0, 1, v6);
                RawControl control = new RawControl(new InetSocketAddress(v6, site.port()), v6).login()) {
            assertTrue(control.command("PORT 127,0,0,1,40,0").startsWith("501"), "an IPv4 target is another host");
            assertTrue(control.command("PASV").startsWith("522"), "PASV has no IPv6 form");
            assertEquals("200 EPRT command successful\r\n", control.command("EPRT |2|::1|" + client.getLocalPort() + "|"));
            control.send("RETR v6.txt");
            client.setSoTimeout(5000);
            try (Socket data = client.accept()) {
                assertTrue(control.reply().startsWith("150"));
                assertEquals("over IPv6", new String(data.getInputStream().readAllBytes()));
            }
            assertTrue(control.reply().startsWith("226"));
            String epsv = control.command("EPSV");
            int port = Integer.parseInt(epsv.replaceAll("(?s).*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
            control.send("RETR v6.txt");
            try (Socket data = new Socket(v6, port)) {
                assertTrue(control.reply().startsWith("150"));
                assertEquals("over IPv6", new String(data.getInputStream().readAllBytes()));
            }
            assertTrue(control.reply().startsWith("226"));
        }
    }

    @Test
    void bounceTargetsAndBadSyntaxAreRefused() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            assertEquals("501 Refused: data connections go only to the client's own address 127.0.0.1\r\n",
                    control.command("PORT 127,0,0,2,40,0"));
            assertEquals("501 Refused: data ports below 1024 are not allowed\r\n", control.command("PORT 127,0,0,1,0,21"));
            assertTrue(control.command("PORT 127,0,0,1,40").startsWith("501"));
            assertTrue(control.command("PORT 127,0,0,256,40,0").startsWith("501"));
            assertTrue(control.command("PORT a,b,c,d,e,f").startsWith("501"));
            assertTrue(control.command("EPSV ALL").startsWith("200"));
            assertTrue(control.command("PORT 127,0,0,1,40,0").startsWith("501"), "only EPSV after EPSV ALL");
        }
    }

    @Test
    void withPortUseControlIpTheServerConnectsToTheControlAddress() throws Exception {
        site.close();
        site = FeatureSite.start(dir.resolve("control-ip"), Map.of("port.useControlIp", true));
        Files.writeString(site.home().resolve("c.txt"), "to the control address");
        try (ServerSocket client = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RawControl control = new RawControl(site.port()).login()) {
            // A client behind NAT names an address the server cannot reach; the server ignores it.
            assertTrue(control.command("PORT " + port(InetAddress.getByName("10.9.8.7"), client.getLocalPort()))
                    .startsWith("200"));
            control.send("RETR c.txt");
            client.setSoTimeout(5000);
            try (Socket data = client.accept()) {
                assertEquals(InetAddress.getLoopbackAddress(), ((InetSocketAddress) data.getRemoteSocketAddress()).getAddress());
                assertTrue(control.reply().startsWith("150"));
                assertEquals("to the control address", new String(data.getInputStream().readAllBytes()));
            }
            assertTrue(control.reply().startsWith("226"));
        }
    }

    @Test
    void aClientThatNeverListensGets425() throws Exception {
        site.close();
        site = FeatureSite.start(dir.resolve("nobody"), Map.of("limits.dataTimeout", 1));
        Files.writeString(site.home().resolve("d.txt"), "x");
        int closed = TestSite.freePort();
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("PORT " + port(InetAddress.getLoopbackAddress(), closed));
            assertTrue(control.command("RETR d.txt").startsWith("425"));
        }
    }
}
