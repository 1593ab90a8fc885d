package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.internal.protocol.ControlCodecFactory;

/** The session rules on the wire: banners, login, limits, dispatch, FEAT/HELP and feature toggles. */
class SessionProtocolTest {

    @TempDir
    java.nio.file.Path dir;

    /** A third-party style command behind the feature key "xtest". */
    @FtpCommandService(command = "XTEST", feature = "xtest")
    static final class XtestCommand implements FtpCommand {
        @Override
        public void execute(FtpRequest request, FtpSession session) {
            session.reply(200, "xtest " + request.argument());
        }

        @Override
        public List<String> features(FtpSession session) {
            return List.of("XTEST");
        }

        @Override
        public String help() {
            return "XTEST <sp> anything";
        }
    }

    @Test
    void multiLineBannersAreWellFormedReplies() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("banner.connect", "Welcome\r\n230 fake\nthird",
                "banner.login", "Hello\nthere", "banner.logout", "Bye\nnow"));
                RawControl control = new RawControl(site.port())) {
            assertEquals("220-Welcome\r\n220-230 fake\r\n220 third\r\n", control.reply());
            control.command("USER alice");
            assertEquals("230-Hello\r\n230 there\r\n", control.command("PASS secret"));
            assertEquals("221-Bye\r\n221 now\r\n", control.command("QUIT"));
            assertTrue(control.closedByServer());
        }
    }

    @Test
    void wrongPasswordsAreRefusedWithTheFailureBannerAndCommandsNeedALogin() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("banner.loginFailure", "No entry"));
                RawControl control = new RawControl(site.port())) {
            control.reply();
            assertTrue(control.command("LIST").startsWith("530"));
            assertTrue(control.command("PASS secret").startsWith("503"), "PASS before USER");
            control.command("USER alice");
            assertEquals("530 No entry\r\n", control.command("PASS wrong"));
            control.command("USER nobody");
            assertEquals("530 No entry\r\n", control.command("PASS secret"), "unknown users look the same");
            assertTrue(control.command("PWD").startsWith("530"));
        }
    }

    @Test
    void reinLogsOut() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("PWD").startsWith("257"));
            assertTrue(control.command("REIN").startsWith("220"));
            assertTrue(control.command("PWD").startsWith("530"));
        }
    }

    @Test
    void repeatedFailuresBanTheAddress() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("limits.maxLoginFailures", 2, "limits.banTime", 60));
                RawControl control = new RawControl(site.port())) {
            control.reply();
            control.command("USER alice");
            assertTrue(control.command("PASS bad1").startsWith("530"));
            control.command("USER alice");
            assertTrue(control.command("PASS bad2").startsWith("421"));
            assertTrue(control.closedByServer());
            try (RawControl again = new RawControl(site.port())) {
                assertTrue(again.reply().startsWith("421"), "a banned address is refused at connect");
            }
            try (RawControl other = new RawControl(site.port(), InetAddress.getByName("127.0.0.2"))) {
                assertTrue(other.reply().startsWith("220"), "other addresses are not affected");
            }
        }
    }

    @Test
    void connectionLimitsPerAddressAndPerSite() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("limits.maxConnectionsPerIp", 1, "limits.maxConnections", 2));
                RawControl first = new RawControl(site.port())) {
            assertTrue(first.reply().startsWith("220"));
            try (RawControl second = new RawControl(site.port())) {
                assertTrue(second.reply().startsWith("421"));
            }
            try (RawControl other = new RawControl(site.port(), InetAddress.getByName("127.0.0.2"))) {
                assertTrue(other.reply().startsWith("220"));
                try (RawControl third = new RawControl(site.port(), InetAddress.getByName("127.0.0.3"))) {
                    assertTrue(third.reply().startsWith("421"), "the site is full");
                }
            }
        }
    }

    @Test
    void idleSessionsAreClosed() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("limits.idleTimeout", 1));
                RawControl control = new RawControl(site.port())) {
            control.reply();
            assertTrue(control.reply().startsWith("421"));
            assertTrue(control.closedByServer());
        }
    }

    @Test
    void overLongLinesCostTheSessionAndGarbageGets500() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port())) {
            control.reply();
            assertTrue(control.command("!!!").startsWith("500"));
            assertTrue(control.command("WHATEVER").startsWith("502"));
            control.sendBytes(new byte[ControlCodecFactory.MAX_LINE_LENGTH + 10]);
            assertTrue(control.reply().startsWith("500"));
            assertTrue(control.closedByServer());
        }
    }

    @Test
    void telnetSequencesAndUtf8Names() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            control.sendBytes(new byte[] { (byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2 });
            assertTrue(control.command("NOOP").startsWith("200"));
            assertTrue(control.command("OPTS UTF8 ON").startsWith("200"));
            assertEquals("257 \"/résumé \"\"quoted\"\"\" created\r\n", control.command("MKD résumé \"quoted\""));
            assertTrue(java.nio.file.Files.isDirectory(site.home().resolve("résumé \"quoted\"")));
        }
    }

    @Test
    void featListsEnabledFeaturesAndHelpListsVerbs() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port())) {
            site.register(new XtestCommand());
            control.reply();
            String feat = control.command("FEAT");
            assertTrue(feat.startsWith("211-Features:\r\n"), feat);
            assertTrue(feat.endsWith("211 End\r\n"), feat);
            for (String line : List.of(" CLNT", " EPSV", " MDTM", " REST STREAM", " SIZE", " TVFS", " UTF8", " XTEST")) {
                assertTrue(feat.contains("\r\n" + line + "\r\n"), line + " in " + feat);
            }
            String help = control.command("HELP");
            assertTrue(help.startsWith("214-") && help.contains("RETR") && help.contains("XTEST"), help);
            assertEquals("214 Syntax: SIZE <sp> pathname\r\n", control.command("HELP size"));
            assertTrue(control.command("HELP BOGUS").startsWith("502"));
        }
    }

    @Test
    void aDisabledFeatureAnswers502AndVanishesFromFeatAndHelp() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("feature.xtest", "false"));
                RawControl control = new RawControl(site.port()).login()) {
            site.register(new XtestCommand());
            assertTrue(control.command("XTEST hi").startsWith("502"));
            assertFalse(control.command("FEAT").contains("XTEST"));
            assertFalse(control.command("HELP").contains("XTEST"));
            assertTrue(control.command("HELP XTEST").startsWith("502"));
        }
        try (TestSite site = TestSite.start(dir.resolve("on"), Map.of("feature.xtest", "true"));
                RawControl control = new RawControl(site.port()).login()) {
            site.register(new XtestCommand());
            assertEquals("200 xtest hi\r\n", control.command("XTEST hi"));
        }
    }

    @Test
    void passiveAddressFollowsTheSiteRulesOnTheWire() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("pasv.externalIp", "203.0.113.5"));
                RawControl local = new RawControl(site.port()).login()) {
            assertEquals("203.0.113.5", local.pasv().getAddress().getHostAddress());
        }
        // Loopback is a whole /8: a client on 127.0.0.2 is inside 127.0.0.0/8, so it gets the control address.
        try (TestSite site = TestSite.start(dir.resolve("b"), Map.of("pasv.externalIp", "203.0.113.5",
                "pasv.localNetworks", "10.0.0.0/8, 127.0.0.0/8"));
                RawControl control = new RawControl(site.port(), InetAddress.getByName("127.0.0.2")).login()) {
            InetSocketAddress data = control.pasv();
            assertEquals("127.0.0.1", data.getAddress().getHostAddress());
        }
        try (TestSite site = TestSite.start(dir.resolve("c"), Map.of("pasv.externalIp", "203.0.113.5",
                "pasv.useControlIp", true)); RawControl control = new RawControl(site.port()).login()) {
            assertEquals("127.0.0.1", control.pasv().getAddress().getHostAddress());
        }
    }

    @Test
    void epsvAndEpsvAll() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            String epsv = control.command("EPSV");
            assertTrue(epsv.matches("229 Entering Extended Passive Mode \\(\\|\\|\\|\\d+\\|\\)\r\n"), epsv);
            assertTrue(control.command("EPSV 2").startsWith("522"));
            assertTrue(control.command("EPSV ALL").startsWith("200"));
            assertTrue(control.command("PASV").startsWith("501"));
            assertTrue(control.command("EPSV").startsWith("229"));
        }
    }

    @Test
    void typeModeAndStructureAcceptWhatClientsSend() throws Exception {
        try (TestSite site = TestSite.start(dir); RawControl control = new RawControl(site.port()).login()) {
            assertEquals("200 Type set to I\r\n", control.command("TYPE L 8"));
            assertEquals("200 Type set to A\r\n", control.command("TYPE A N"));
            assertTrue(control.command("TYPE E").startsWith("504"));
            assertTrue(control.command("TYPE X").startsWith("501"));
            assertTrue(control.command("MODE S").startsWith("200"));
            assertTrue(control.command("MODE B").startsWith("504"));
            assertTrue(control.command("STRU F").startsWith("200"));
            assertTrue(control.command("STRU R").startsWith("504"));
            assertTrue(control.command("TYPE").startsWith("501"));
            assertTrue(control.command("ALLO 100").startsWith("202"));
            assertTrue(control.command("CLNT test-client 1.0").startsWith("200"));
            assertTrue(control.command("ACCT x").startsWith("202"));
            assertTrue(control.command("OPTS UTF8 OFF").startsWith("504"));
            assertTrue(control.command("OPTS BOGUS x").startsWith("501"));
        }
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
