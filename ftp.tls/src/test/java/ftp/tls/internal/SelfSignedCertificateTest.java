package ftp.tls.internal;

import static ftp.tls.internal.KeyMaterialTest.assertWorks;
import static ftp.tls.internal.KeyMaterialTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate a site gets when it configures none: its content, its files, and its reuse. */
class SelfSignedCertificateTest {
    @TempDir
    Path dir;

    @Test
    void generatesAndKeepsPemFiles() throws Exception {
        Path data = dir.resolve("data/tls/default");

        KeyMaterial material = generate(data, List.of("ftp.example.org"));

        assertTrue(material.generated());
        assertEquals(1, material.chain().length);
        assertWorks(material);
        assertTrue(Files.readString(data.resolve("certificate.pem")).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(data.resolve("private-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"),
                "unencrypted PKCS#8");
        try (var files = Files.list(data)) {
            assertEquals(2, files.count(), "no temp files left behind");
        }
    }

    @Test
    void keyFileIsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        generate(dir, List.of());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private-key.pem"))));
    }

    @Test
    void certificateContent() throws Exception {
        Instant before = Instant.now();

        X509Certificate leaf = generate(dir, List.of(" ftp.example.org", "192.0.2.7", "0.0.0.0", "[2001:db8::1]", "ftp.example.org"))
                .chain()[0];
        Instant after = Instant.now();

        assertEquals("CN=ftp.example.org", leaf.getSubjectX500Principal().getName());
        assertEquals(leaf.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        leaf.verify(leaf.getPublicKey());
        assertEquals("SHA256withECDSA", leaf.getSigAlgName());
        assertEquals("secp256r1", ((ECPublicKey) leaf.getPublicKey()).getParams().toString().split(" ")[0]);
        // SAN type 2 = dNSName, 7 = iPAddress; the wildcard bind address names no host.
        assertEquals(List.of(List.of(2, "ftp.example.org"), List.of(7, "192.0.2.7"), List.of(7, "2001:db8:0:0:0:0:0:1")),
                List.copyOf(leaf.getSubjectAlternativeNames()));
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false, false}, leaf.getKeyUsage());
        assertTrue(leaf.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage is critical");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), leaf.getExtendedKeyUsage());
        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
        assertEquals(128, leaf.getSerialNumber().bitLength());
        Instant notBefore = leaf.getNotBefore().toInstant();
        assertEquals(Duration.ofDays(825), Duration.between(notBefore, leaf.getNotAfter().toInstant()));
        Instant earliest = before.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant latest = after.minus(Duration.ofHours(1));
        assertTrue(!notBefore.isBefore(earliest) && !notBefore.isAfter(latest), notBefore + " not in " + earliest + ".." + latest);
    }

    @Test
    void localhostWithoutHostNames() throws Exception {
        X509Certificate leaf = generate(dir, List.of("0.0.0.0", " ")).chain()[0];

        assertEquals("CN=localhost", leaf.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "localhost")), List.copyOf(leaf.getSubjectAlternativeNames()));
    }

    @Test
    void ipLiteralAsFirstNameBecomesTheCommonName() throws Exception {
        X509Certificate leaf = generate(dir, List.of("127.0.0.1")).chain()[0];

        assertEquals("CN=127.0.0.1", leaf.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(7, "127.0.0.1")), List.copyOf(leaf.getSubjectAlternativeNames()));
    }

    @Test
    void reusedOnLaterLoads() throws Exception {
        KeyMaterial first = generate(dir, List.of("one.example.org"));

        KeyMaterial second = generate(dir, List.of("two.example.org"));

        assertTrue(second.generated());
        assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
        assertEquals(first.privateKey(), second.privateKey());
        assertWorks(second);
    }

    @Test
    void newPairWhenOnlyTheKeyWasWritten() throws Exception {
        // What a crash between writing the key and the certificate leaves.
        KeyMaterial first = generate(dir, List.of());
        Files.delete(dir.resolve("certificate.pem"));

        KeyMaterial second = generate(dir, List.of());

        assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
        assertEquals(second.sha256Fingerprint(), generate(dir, List.of()).sha256Fingerprint());
    }

    @Test
    void damagedKeptCertificateIsReportedNotReplaced() throws Exception {
        generate(dir, List.of());
        Path certificate = Files.writeString(dir.resolve("certificate.pem"), "damaged");

        fails("tls.certificate", () -> generate(dir, List.of()), dir.toString(), "certificate.pem", "not a PEM file", "delete");
        assertEquals("damaged", Files.readString(certificate));
    }

    @Test
    void unwritableDataDirIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "not a directory");

        fails("tls.certificate", () -> generate(file.resolve("tls"), List.of()), file.resolve("tls").toString(),
                "cannot be generated");
    }

    @Test
    void refusesHostNameThatCannotBeDnsName() throws Exception {
        String label = "a".repeat(64);

        fails("tls.certificate", () -> generate(dir, List.of(label + ".example.org")), dir.toString(), "cannot be generated");
    }

    @Test
    void servesTls() throws Exception {
        KeyMaterial material = generate(dir, List.of("localhost", "127.0.0.1"));

        assertArrayEquals(material.chain(), KeyMaterialTest.handshake(material));
        assertFalse(material.keyStore("x".toCharArray()).isCertificateEntry("server"));
    }

    private static KeyMaterial generate(Path data, List<String> hostNames) throws KeyMaterialException {
        return KeyMaterial.load(Optional.empty(), Optional.empty(), Optional.empty(), data, hostNames);
    }
}
