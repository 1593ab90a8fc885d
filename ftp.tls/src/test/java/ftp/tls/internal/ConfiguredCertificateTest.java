package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.internal.RawControl;
import ftp.core.internal.site.ServerHome;

/** A site serves the certificate its settings name, and does not start on a bad one. */
class ConfiguredCertificateTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredPemCertificateIsServed() throws Exception {
        KeyMaterial operators = SelfSignedCertificate.generate(List.of("ftp.example.org"));
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.store(operators, certificate, key);
        TlsSite tls = TlsSite.start(dir.resolve("site"), Map.of("tls.certificate", certificate.toString(),
                "tls.privateKey", key.toString()));
        try (SSLSocket socket = (SSLSocket) TlsSite.trustAll("TLS").getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), tls.ftpsPort)) {
            socket.startHandshake();
            Certificate[] served = socket.getSession().getPeerCertificates();
            assertArrayEquals(operators.chain()[0].getEncoded(), served[0].getEncoded());
        }
        try (RawControl control = new RawControl(tls.site.port())) {
            control.reply();
            assertTrue(control.command("AUTH TLS").startsWith("234"));
            control.upgrade(TlsSite.trustAll("TLS"));
            assertEquals(operators.chain()[0], ((javax.net.ssl.SSLSocket) control.socket()).getSession().getPeerCertificates()[0]);
        }
        tls.site.close();
    }

    @Test
    void aMismatchedKeyKeepsTheSiteFromStartingAndSaysWhy() throws Exception {
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.store(SelfSignedCertificate.generate(List.of("a.example")), certificate, dir.resolve("unused.pem"));
        SelfSignedCertificate.store(SelfSignedCertificate.generate(List.of("b.example")), dir.resolve("other.pem"), key);
        IOException refused = assertThrows(IOException.class, () -> TlsSite.start(dir.resolve("site"), Map.of(
                "tls.certificate", certificate.toString(), "tls.privateKey", key.toString())));
        assertTrue(refused.getMessage().startsWith("TLS cannot start: tls.privateKey: " + key), refused.getMessage());
        Path missing = dir.resolve("missing.pem");
        IOException absent = assertThrows(IOException.class, () -> TlsSite.start(dir.resolve("site2"), Map.of(
                "tls.certificate", missing.toString(), "tls.privateKey", key.toString())));
        assertTrue(absent.getMessage().startsWith("TLS cannot start: tls.certificate: " + missing), absent.getMessage());
    }

    @Test
    void aGeneratedCertificateIsKeptAcrossRestarts() throws Exception {
        TlsSite first = TlsSite.start(dir, Map.of());
        byte[] served = servedCertificate(first);
        first.site.close();
        TlsSite second = TlsSite.start(dir, Map.of());
        assertArrayEquals(served, servedCertificate(second), "the same certificate after a restart");
        second.site.close();
        assertTrue(Files.exists(dir.resolve("tls/certificate.pem")));
    }

    private static byte[] servedCertificate(TlsSite tls) throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsSite.trustAll("TLS").getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), tls.ftpsPort)) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0].getEncoded();
        }
    }

    @Test
    void aGeneratedCertificateNamesTheHostAndASpecificBindAddress() throws Exception {
        ftp.core.api.SiteSettings settings = ftp.core.internal.site.SiteSettingsParser.parse("s",
                Map.of("bind.address", "192.0.2.10"), ServerHome.of(dir));
        List<String> names = TlsPolicyService.hostNames(settings);
        assertEquals(java.net.InetAddress.getLocalHost().getHostName(), names.get(0));
        assertTrue(names.containsAll(List.of("localhost", "127.0.0.1", "::1", "192.0.2.10")), names.toString());
        List<String> wildcard = TlsPolicyService.hostNames(ftp.core.internal.site.SiteSettingsParser.parse("s", Map.of(), ServerHome.of(dir)));
        assertTrue(!wildcard.contains("0.0.0.0"), wildcard.toString());
    }
}
