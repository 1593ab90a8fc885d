package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ftp.core.internal.RawControl;

/** What the server enforces, seen on the wire by {@code openssl s_client}. */
class OpensslTest {

    @TempDir
    Path dir;

    /** Runs s_client with AUTH TLS on the control port; QUIT is sent after the handshake. */
    static String startTls(int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-starttls", "ftp", "-connect",
                "127.0.0.1:" + port));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread.sleep(700);
        try (OutputStream in = process.getOutputStream()) {
            in.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException exited) {
            // the handshake failed and s_client is gone
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return new String(output, StandardCharsets.UTF_8);
    }

    static boolean negotiated(String output, String protocol) {
        return output.matches("(?s).*(Protocol +: " + protocol.replace(".", "\\.") + "|New, " + protocol.replace(".", "\\.")
                + ").*") && !output.contains("Cipher is (NONE)");
    }

    @Test
    void minimumAndMaximumVersionsAreEnforced() throws Exception {
        TlsSite only13 = TlsSite.start(dir.resolve("13"), Map.of("tls.minVersion", "TLSv1.3"));
        assertTrue(negotiated(startTls(only13.site.port(), "-tls1_3"), "TLSv1.3"));
        assertFalse(negotiated(startTls(only13.site.port(), "-tls1_2"), "TLSv1.2"), "below tls.minVersion");
        only13.site.close();
        TlsSite only12 = TlsSite.start(dir.resolve("12"), Map.of("tls.maxVersion", "TLSv1.2"));
        assertTrue(negotiated(startTls(only12.site.port(), "-tls1_2"), "TLSv1.2"));
        assertFalse(negotiated(startTls(only12.site.port(), "-tls1_3"), "TLSv1.3"), "above tls.maxVersion");
        only12.site.close();
    }

    @Test
    void aRestrictedCipherListIsEnforced() throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.maxVersion", "TLSv1.2",
                "tls.cipherSuites", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        String allowed = startTls(tls.site.port(), "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        assertTrue(allowed.contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256"), allowed);
        String other = startTls(tls.site.port(), "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384");
        assertFalse(other.contains("Cipher is ECDHE-ECDSA-AES256-GCM-SHA384"), other);
        tls.site.close();
    }

    /**
     * The attack DESIGN 6a describes: a second client with its own TLS session to the same server
     * connects to the victim's passive port and resumes its own session. It must get nothing and
     * the victim's transfer must be refused with 522.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void aClientResumingItsOwnSessionOnAnotherClientsPassivePortGets522(String version) throws Exception {
        TlsSite tls = TlsSite.start(dir, Map.of("tls.minVersion", version, "tls.maxVersion", version));
        Files.writeString(tls.site.home().resolve("secret.txt"), "the victim's secret");
        Path attackerSession = dir.resolve("attacker.session");
        String flag = version.equals("TLSv1.2") ? "-tls1_2" : "-tls1_3";
        String own = startTls(tls.site.port(), flag, "-sess_out", attackerSession.toString());
        assertTrue(negotiated(own, version), own);
        assertTrue(Files.size(attackerSession) > 0, "the attacker holds a session of its own");

        try (RawControl victim = new RawControl(tls.site.port())) {
            victim.reply();
            assertTrue(victim.command("AUTH TLS").startsWith("234"));
            victim.upgrade(TlsSite.trustAll(version));
            victim.command("USER alice");
            assertTrue(victim.command("PASS secret").startsWith("230"));
            victim.command("PBSZ 0");
            victim.command("PROT P");
            victim.command("TYPE I");
            InetSocketAddress data = victim.pasv();
            Process attacker = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + data.getPort(), flag,
                    "-sess_in", attackerSession.toString()).redirectErrorStream(true).start();
            Thread.sleep(300);
            victim.send("RETR secret.txt");
            assertTrue(victim.reply().startsWith("150"));
            String refused = victim.reply();
            assertEquals("522 Data connections must reuse the TLS session of the control connection\r\n", refused);
            attacker.getOutputStream().close();
            String stolen = new String(attacker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(attacker.waitFor(20, TimeUnit.SECONDS));
            assertFalse(stolen.contains("the victim's secret"), stolen);
            assertFalse(stolen.contains("Reused,"), "the victim's context cannot resume the attacker's session: " + stolen);
            assertTrue(victim.command("NOOP").startsWith("200"), "the victim's session goes on");
        }
        tls.site.close();
    }
}
