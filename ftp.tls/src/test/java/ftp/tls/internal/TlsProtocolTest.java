package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;
import ftp.core.internal.RawControl;

/** FTPES and implicit FTPS with Commons Net and raw protected control connections. */
class TlsProtocolTest {

    @TempDir
    Path dir;

    static FTPSClient ftps(boolean implicit) {
        FTPSClient client = new FTPSClient("TLS", implicit);
        client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        client.setDefaultTimeout(10_000);
        return client;
    }

    static void loginProtected(FTPSClient client, int port) throws Exception {
        client.connect(InetAddress.getLoopbackAddress(), port);
        assertTrue(client.login("alice", "secret"), client.getReplyString());
        client.execPBSZ(0);
        client.execPROT("P");
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
    }

    @Test
    void explicitAndImplicitTransfersWithoutRequiredReuse() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.requireSessionReuse", false));
        transferExplicitAndImplicit(tls, TlsProtocolTest::ftps, 1_500_000);
        tls.site.close();
    }

    /** Uploads and downloads a random file over FTPES and implicit FTPS and compares the bytes. */
    static void transferExplicitAndImplicit(TlsSite tls, Function<Boolean, FTPSClient> clients, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        for (boolean implicit : new boolean[] { false, true }) {
            FTPSClient client = clients.apply(implicit);
            loginProtected(client, implicit ? tls.ftpsPort : tls.site.port());
            String name = implicit ? "implicit.bin" : "explicit.bin";
            assertTrue(client.storeFile(name, new ByteArrayInputStream(data)), client.getReplyString());
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile(name, back), client.getReplyString());
            assertArrayEquals(data, back.toByteArray());
            assertArrayEquals(data, Files.readAllBytes(tls.site.home().resolve(name)));
            client.logout();
        }
    }

    /**
     * Commons Net made to resume (see ReusingFtpsClient) is served with reuse required. TLS 1.2
     * only: the JSSE client uses each TLS 1.3 ticket once and keeps one per host and port, and the
     * server sends none on upload connections (DESIGN 6a), so a JSSE client has no ticket left for
     * the transfer after an upload. OpenSSL and GnuTLS clients (curl, lftp, ftplib) do not have
     * that limit; ClientMatrixTest runs them under TLS 1.3.
     */
    @Test
    void commonsNetResumingTheControlSessionIsServedWithReuseRequired() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.maxVersion", "TLSv1.2"));
        transferExplicitAndImplicit(tls, implicit -> {
            FTPSClient client = new ReusingFtpsClient(implicit);
            client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
            client.setDefaultTimeout(10_000);
            return client;
        }, 800_000);
        // issue 13: the metrics count the control connections' handshakes by version, not the data ones
        ftp.core.api.SiteMetrics metrics = tls.site.instance().metrics();
        assertEquals(Map.of("TLSv1.2", 2L), metrics.tlsSessions());
        assertEquals(2, metrics.uploads());
        assertEquals(1_600_000, metrics.bytesDownloaded());
        tls.site.close();
    }

    @Test
    void stockCommonsNetDoesNotResumeAndIsRefusedWhenReuseIsRequired() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of());
        FTPSClient client = ftps(false);
        loginProtected(client, tls.site.port());
        assertFalse(client.storeFile("never.bin", new ByteArrayInputStream(new byte[10])));
        assertEquals(522, client.getReplyCode(), client.getReplyString());
        assertFalse(Files.exists(tls.site.home().resolve("never.bin")), "refused before the file is created");
        tls.site.close();
    }

    @Test
    void featAndTheOrderOfAuthPbszProt() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of());
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            String feat = control.command("FEAT");
            for (String line : new String[] { " AUTH TLS", " PBSZ", " PROT" }) {
                assertTrue(feat.contains("\r\n" + line + "\r\n"), feat);
            }
            assertTrue(control.command("PBSZ 0").startsWith("503"));
            assertTrue(control.command("PROT P").startsWith("503"));
            assertTrue(control.command("AUTH KERBEROS").startsWith("504"));
            assertEquals("234 AUTH TLS successful\r\n", control.command("AUTH TLS"));
            control.upgrade(TlsSite.trustAll("TLS"));
            assertTrue(control.command("AUTH TLS").startsWith("503"), "already protected");
            assertTrue(control.command("PROT P").startsWith("503"), "PBSZ first");
            assertEquals("200 PBSZ=0\r\n", control.command("PBSZ 0"));
            assertTrue(control.command("PBSZ x").startsWith("501"));
            assertTrue(control.command("PROT S").startsWith("536"));
            assertTrue(control.command("PROT Q").startsWith("504"));
            assertEquals("200 Protection level set to P\r\n", control.command("PROT P"));
            assertTrue(control.command("CCC").startsWith("534"));
            control.command("USER alice");
            assertTrue(control.command("PASS secret").startsWith("230"));
        }
        tls.site.close();
    }

    @Test
    void forceStartTlsRefusesPlainLoginsAndClearData() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.forceStartTls", true, "tls.requireSessionReuse", false));
        try (RawControl plain = new RawControl(tls.site.port())) {
            plain.reply();
            assertTrue(plain.command("USER alice").startsWith("530"));
            assertTrue(plain.command("PASS secret").startsWith("530"));
        }
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            control.command("AUTH TLS");
            control.upgrade(TlsSite.trustAll("TLS"));
            control.command("USER alice");
            assertTrue(control.command("PASS secret").startsWith("230"));
            control.command("PBSZ 0");
            assertTrue(control.command("PROT C").startsWith("534"));
            control.pasv();
            assertTrue(control.command("LIST").startsWith("521"), "data must be protected");
        }
        tls.site.close();
    }

    @Test
    void theProtocolAllowanceIsCheckedPerSessionType() throws Exception {
        // every refused protocol is a failed login of 127.0.0.1 (issue 9 item 10): room for all of them
        TlsSite tls = TlsSite.start(dir, Map.of("tls.requireSessionReuse", false, "limits.maxLoginFailures", 100));
        for (SessionProtocol only : SessionProtocol.values()) {
            String user = "only-" + only.configName();
            tls.site.addUser(user, "pw", "alice", EnumSet.allOf(Permission.class), Set.of(only));
            assertEquals(only == SessionProtocol.FTP, plainLogin(tls, user), user + " over plain FTP");
            assertEquals(only == SessionProtocol.FTPES, explicitLogin(tls, user), user + " over FTPES");
            FTPSClient implicit = ftps(true);
            implicit.connect(InetAddress.getLoopbackAddress(), tls.ftpsPort);
            assertEquals(only == SessionProtocol.FTPS, implicit.login(user, "pw"), user + " over FTPS");
            implicit.disconnect();
        }
        tls.site.close();
    }

    @Test
    void pasvAnnouncesTheTlsAddressOnProtectedControlConnections() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("pasv.externalIp", "203.0.113.1", "pasv.externalIpTls", "203.0.113.2"));
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            control.command("USER alice");
            control.command("PASS secret");
            assertTrue(control.command("PASV").matches("227 Entering Passive Mode \\(203,0,113,1,\\d+,\\d+\\)\r\n"));
        }
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            control.command("AUTH TLS");
            control.upgrade(TlsSite.trustAll("TLS"));
            control.command("USER alice");
            control.command("PASS secret");
            String reply = control.command("PASV");
            assertTrue(reply.matches("227 Entering Passive Mode \\(203,0,113,2,\\d+,\\d+\\)\r\n"), reply);
        }
        tls.site.close();
    }

    private static boolean plainLogin(TlsSite tls, String user) throws Exception {
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            control.command("USER " + user);
            return control.command("PASS pw").startsWith("230");
        }
    }

    private static boolean explicitLogin(TlsSite tls, String user) throws Exception {
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            control.command("AUTH TLS");
            control.upgrade(TlsSite.trustAll("TLS"));
            control.command("USER " + user);
            return control.command("PASS pw").startsWith("230");
        }
    }

    @Test
    void implicitSessionsProtectDataByDefaultAndReinResetsPbszAndProt() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.requireSessionReuse", false));
        Files.writeString(tls.site.home().resolve("a.txt"), "protected");
        javax.net.ssl.SSLContext client = TlsSite.trustAll("TLS");
        try (javax.net.ssl.SSLSocket control = (javax.net.ssl.SSLSocket) client.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), tls.ftpsPort)) {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(control.getInputStream()));
            java.io.Writer out = new java.io.OutputStreamWriter(control.getOutputStream());
            assertTrue(in.readLine().startsWith("220"));
            for (String line : new String[] { "USER alice", "PASS secret", "TYPE I" }) {
                out.write(line + "\r\n");
                out.flush();
                in.readLine();
            }
            out.write("PASV\r\n");
            out.flush();
            String pasv = in.readLine();
            String[] numbers = pasv.replaceAll(".*\\((.*)\\).*", "$1").split(",");
            int port = Integer.parseInt(numbers[4]) * 256 + Integer.parseInt(numbers[5]);
            out.write("RETR a.txt\r\n");
            out.flush();
            try (java.net.Socket plain = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(in.readLine().startsWith("150"));
                javax.net.ssl.SSLSocket data = (javax.net.ssl.SSLSocket) client.getSocketFactory().createSocket(plain,
                        "127.0.0.1", port, true);
                data.startHandshake();
                assertEquals("protected", new String(data.getInputStream().readAllBytes()), "PROT P without asking");
            }
            assertTrue(in.readLine().startsWith("226"));
        }
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            control.command("AUTH TLS");
            control.upgrade(TlsSite.trustAll("TLS"));
            control.command("PBSZ 0");
            assertTrue(control.command("PROT P").startsWith("200"));
            assertTrue(control.command("REIN").startsWith("220"));
            assertTrue(control.command("PROT P").startsWith("503"), "REIN forgets PBSZ; the control connection stays protected");
            assertEquals("200 PBSZ=0\r\n", control.command("PBSZ 0"));
        }
        tls.site.close();
    }
}
