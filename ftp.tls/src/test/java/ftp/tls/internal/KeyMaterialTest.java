package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading configured PEM files: every key form, a chain, and each refusal an operator can meet. */
class KeyMaterialTest {
    private static final String PASSWORD = "s3cret pass";

    private static KeyPair rsa;
    private static KeyPair ec;
    private static KeyPair otherRsa;
    private static X509Certificate rsaCertificate;
    private static X509Certificate ecCertificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        rsa = rsaKeyPair();
        ec = keyPair("EC");
        otherRsa = rsaKeyPair();
        rsaCertificate = selfSigned(rsa, "CN=rsa.test");
        ecCertificate = selfSigned(ec, "CN=ec.test");
    }

    /** How a test writes a private key, with the PEM header that proves the form. */
    enum KeyForm {
        TRADITIONAL("-----BEGIN %s PRIVATE KEY-----"),
        PKCS8("-----BEGIN PRIVATE KEY-----"),
        ENCRYPTED_PKCS8("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
        LEGACY_ENCRYPTED("Proc-Type: 4,ENCRYPTED");

        final String header;

        KeyForm(String header) {
            this.header = header;
        }

        Object pem(PrivateKey key) throws Exception {
            return switch (this) {
                // JcaPEMWriter writes a bare key as PKCS#1 (RSA) or SEC1 (EC).
                case TRADITIONAL -> openSslShaped(key);
                case PKCS8 -> new JcaPKCS8Generator(key, null);
                case ENCRYPTED_PKCS8 -> new JcaPKCS8Generator(key,
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                                .setProvider(new BouncyCastleProvider()).setPassword(PASSWORD.toCharArray()).build());
                case LEGACY_ENCRYPTED -> new JcaMiscPEMGenerator(openSslShaped(key), new JcePEMEncryptorBuilder("AES-128-CBC")
                        .setProvider(new BouncyCastleProvider()).build(PASSWORD.toCharArray()));
            };
        }

        /**
         * The JDK encodes an EC key without curve and public key inside SEC1 (PKCS#8 carries
         * the curve), and BC 1.83 writes that as a SEC1 file nothing can read; a BC key carries
         * both, as OpenSSL writes them.
         */
        private static PrivateKey openSslShaped(PrivateKey key) throws Exception {
            return key.getAlgorithm().equals("EC")
                    ? KeyFactory.getInstance("EC", new BouncyCastleProvider()).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()))
                    : key;
        }

        boolean encrypted() {
            return this == ENCRYPTED_PKCS8 || this == LEGACY_ENCRYPTED;
        }
    }

    static Stream<Arguments> keyForms() {
        return Stream.of(KeyForm.values()).flatMap(form -> Stream.of(
                Arguments.of("RSA", form), Arguments.of("EC", form)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keyForms")
    void loadsEveryKeyForm(String algorithm, KeyForm form) throws Exception {
        KeyPair pair = algorithm.equals("RSA") ? rsa : ec;
        X509Certificate certificate = algorithm.equals("RSA") ? rsaCertificate : ecCertificate;
        Path cert = write("cert.pem", certificate);
        Path key = write("key.pem", form.pem(pair.getPrivate()));
        assertTrue(Files.readString(key).contains(form.header.formatted(algorithm)), Files.readString(key));

        KeyMaterial material = load(cert, key, form.encrypted() ? PASSWORD : null);

        assertEquals(1, material.chain().length);
        assertEquals(certificate, material.chain()[0]);
        assertWorks(material);
        assertFalse(material.generated());
        assertEquals(certificate.getSubjectX500Principal().getName(), material.subject());
        assertEquals(certificate.getNotAfter().toInstant(), material.notAfter());
    }

    @Test
    void loadsSec1KeyWithoutPublicKey() throws Exception {
        // openssl ec -no_public writes this; BC's key-pair conversion needs the public key.
        ECPrivateKey sec1 = new ECPrivateKey(256, ((java.security.interfaces.ECPrivateKey) ec.getPrivate()).getS(),
                SECObjectIdentifiers.secp256r1);
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(sec1.getEncoded())
                + "\n-----END EC PRIVATE KEY-----\n");

        assertWorks(load(write("cert.pem", ecCertificate), key, null));
    }

    @Test
    void loadsChainLeafFirst() throws Exception {
        KeyPair caKeys = keyPair("EC");
        X509Certificate ca = certificate(caKeys.getPublic(), "CN=Test CA", caKeys.getPrivate(), "CN=Test CA", true);
        X509Certificate leaf = certificate(rsa.getPublic(), "CN=leaf.test", caKeys.getPrivate(), "CN=Test CA", false);
        Path cert = write("chain.pem", leaf, ca);
        Path key = write("key.pem", new JcaPKCS8Generator(rsa.getPrivate(), null));

        KeyMaterial material = load(cert, key, null);

        assertArrayEquals(new X509Certificate[] {leaf, ca}, material.chain());
        assertEquals("CN=leaf.test", material.subject());
        assertWorks(material);
        assertArrayEquals(new X509Certificate[] {leaf, ca}, handshake(material), "the whole chain goes on the wire");
    }

    @Test
    void loadsEd25519() throws Exception {
        KeyPair pair = keyPair("Ed25519");
        Path cert = write("cert.pem", certificate(pair.getPublic(), "CN=ed.test", pair.getPrivate(), "CN=ed.test", false));
        Path key = write("key.pem", new JcaPKCS8Generator(pair.getPrivate(), null));

        assertWorks(load(cert, key, null));
    }

    @Test
    void handshakesWithLoadedRsaKey() throws Exception {
        Path cert = write("cert.pem", rsaCertificate);
        Path key = write("key.pem", rsa.getPrivate());

        assertArrayEquals(new X509Certificate[] {rsaCertificate}, handshake(load(cert, key, null)));
    }

    @Test
    void refusesMissingFiles() throws Exception {
        Path key = write("key.pem", rsa.getPrivate());
        Path cert = write("cert.pem", rsaCertificate);
        Path missing = dir.resolve("missing.pem");

        fails("tls.certificate", () -> load(missing, key, null), missing.toString(), "file not found");
        fails("tls.privateKey", () -> load(cert, missing, null), missing.toString(), "file not found");
    }

    @Test
    void refusesFilesWithoutPem() throws Exception {
        byte[] garbage = new byte[512];
        new SecureRandom().nextBytes(garbage);
        Path binary = Files.write(dir.resolve("garbage.bin"), garbage);
        Path text = Files.writeString(dir.resolve("garbage.txt"), "this is not a certificate\n");
        Path key = write("key.pem", rsa.getPrivate());
        Path cert = write("cert.pem", rsaCertificate);

        fails("tls.certificate", () -> load(binary, key, null), binary.toString(), "not a PEM file");
        fails("tls.privateKey", () -> load(cert, text, null), text.toString(), "not a PEM file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAA", "!!!!"})
    void refusesBrokenPem(String body) throws Exception {
        // A body that is not DER, and one that is not even base64: BC fails them differently.
        Path cert = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        Path key = write("key.pem", rsa.getPrivate());

        fails("tls.certificate", () -> load(cert, key, null), cert.toString(), "not valid PEM");
    }

    @Test
    void refusesCertificateFileWithoutCertificate() throws Exception {
        Path key = write("key.pem", rsa.getPrivate());

        fails("tls.certificate", () -> load(key, key, null), key.toString(), "no certificate in it", "a private key");
    }

    @Test
    void refusesKeyFileWithoutKey() throws Exception {
        Path cert = write("cert.pem", rsaCertificate);

        fails("tls.privateKey", () -> load(cert, cert, null), cert.toString(), "no private key in it", "a certificate");
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"ENCRYPTED_PKCS8", "LEGACY_ENCRYPTED"})
    void refusesEncryptedKeyWithoutPassword(KeyForm form) throws Exception {
        Path cert = write("cert.pem", rsaCertificate);
        Path key = write("key.pem", form.pem(rsa.getPrivate()));

        fails("tls.privateKeyPassword", () -> load(cert, key, null), key.toString(), "encrypted, but no password");
        fails("tls.privateKeyPassword", () -> load(cert, key, ""), key.toString(), "encrypted, but no password");
    }

    @ParameterizedTest
    @EnumSource(value = KeyForm.class, names = {"ENCRYPTED_PKCS8", "LEGACY_ENCRYPTED"})
    void refusesWrongPassword(KeyForm form) throws Exception {
        Path cert = write("cert.pem", ecCertificate);
        Path key = write("key.pem", form.pem(ec.getPrivate()));

        fails("tls.privateKeyPassword", () -> load(cert, key, "not the password"), key.toString(), "wrong password");
    }

    @Test
    void refusesKeyOfAnotherPair() throws Exception {
        Path cert = write("cert.pem", rsaCertificate);
        Path key = write("key.pem", otherRsa.getPrivate());

        fails("tls.privateKey", () -> load(cert, key, null), key.toString(), cert.toString(), "does not match");
    }

    @Test
    void refusesKeyOfAnotherType() throws Exception {
        Path cert = write("cert.pem", rsaCertificate);
        Path key = write("key.pem", new JcaPKCS8Generator(ec.getPrivate(), null));

        fails("tls.privateKey", () -> load(cert, key, null), key.toString(), "does not match");
    }

    @Test
    void refusesChainThatStartsWithTheIssuer() throws Exception {
        KeyPair caKeys = keyPair("EC");
        X509Certificate ca = certificate(caKeys.getPublic(), "CN=Test CA", caKeys.getPrivate(), "CN=Test CA", true);
        X509Certificate leaf = certificate(rsa.getPublic(), "CN=leaf.test", caKeys.getPrivate(), "CN=Test CA", false);
        Path cert = write("chain.pem", ca, leaf);
        Path key = write("key.pem", rsa.getPrivate());

        fails("tls.privateKey", () -> load(cert, key, null), "does not match", "CN=Test CA", "must start with the server's own");
    }

    @Test
    void refusesUnsupportedKeyType() throws Exception {
        KeyPair dsa = keyPair("DSA");
        Path cert = write("cert.pem", certificate(dsa.getPublic(), "CN=dsa.test", dsa.getPrivate(), "CN=dsa.test", false));
        Path key = write("key.pem", new JcaPKCS8Generator(dsa.getPrivate(), null));

        fails("tls.privateKey", () -> load(cert, key, null), key.toString(), "unsupported key type DSA");
    }

    @Test
    void refusesOnlyOneOfTheTwo() throws Exception {
        Path cert = write("cert.pem", rsaCertificate);
        Path key = write("key.pem", rsa.getPrivate());
        Path data = dir.resolve("data");

        fails("tls.privateKey", () -> KeyMaterial.load(Optional.of(cert), Optional.empty(), Optional.empty(), data, List.of()),
                "not set", cert.toString());
        fails("tls.certificate", () -> KeyMaterial.load(Optional.empty(), Optional.of(key), Optional.empty(), data, List.of()),
                "not set", key.toString());
        assertFalse(Files.exists(data), "nothing is generated when only one is configured");
    }

    @Test
    void keyStoreHoldsKeyAndChainUnderServer() throws Exception {
        KeyMaterial material = load(write("cert.pem", ecCertificate), write("key.pem", new JcaPKCS8Generator(ec.getPrivate(), null)), null);
        char[] password = "changeit".toCharArray();

        var store = material.keyStore(password);

        assertEquals("PKCS12", store.getType());
        assertEquals(List.of("server"), java.util.Collections.list(store.aliases()));
        assertEquals(material.privateKey(), store.getKey("server", password));
        assertArrayEquals(material.chain(), store.getCertificateChain("server"));
    }

    // ---- fixtures, shared with SelfSignedCertificateTest ----

    /** Asserts the loaded material is usable: fingerprint as computed independently, key and certificate a pair. */
    static void assertWorks(KeyMaterial material) throws Exception {
        X509Certificate leaf = material.chain()[0];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
        StringBuilder expected = new StringBuilder();
        for (byte b : digest) {
            expected.append(expected.length() == 0 ? "" : ":").append(String.format("%02X", b));
        }
        assertEquals(expected.toString(), material.sha256Fingerprint());

        String algorithm = switch (leaf.getPublicKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        byte[] data = "RETR /pub/file".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(material.privateKey());
        signer.update(data);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signer.sign()), "the key signs what the certificate verifies");
    }

    /**
     * Serves TLS on 127.0.0.1 from {@link KeyMaterial#keyStore} through a KeyManagerFactory, with a
     * client that trusts anything, exchanges one byte, and returns the chain the client received.
     */
    static X509Certificate[] handshake(KeyMaterial material) throws Exception {
        char[] password = "changeit".toCharArray();
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(material.keyStore(password), password);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);
        SSLContext client = TlsSite.trustAll("TLS");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
            listener.setSoTimeout(10_000);
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(42);
                    out.flush();
                    socket.getInputStream().read();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            X509Certificate[] received;
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(loopback, listener.getLocalPort())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                assertEquals(42, in.read());
                socket.getOutputStream().write(1);
                socket.getOutputStream().flush();
                received = (X509Certificate[]) socket.getSession().getPeerCertificates();
            }
            // After the client's close: the server's close waits for the client's close_notify.
            served.get(10, TimeUnit.SECONDS);
            return received;
        }
    }

    static KeyMaterialException fails(String setting, Executable call, String... fragments) {
        KeyMaterialException e = assertThrows(KeyMaterialException.class, call);
        assertEquals(setting, e.setting());
        assertTrue(e.getMessage().startsWith(setting + ": "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
        return e;
    }

    private KeyMaterial load(Path certificate, Path key, String password) throws KeyMaterialException {
        return KeyMaterial.load(Optional.of(certificate), Optional.of(key), Optional.ofNullable(password),
                dir.resolve("data"), List.of());
    }

    private Path write(String name, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof PemObjectGenerator generator) {
                    writer.writeObject(generator);
                } else {
                    writer.writeObject(object);
                }
            }
        }
        return Files.writeString(dir.resolve(name), text.toString(), StandardCharsets.US_ASCII);
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair, String subject) throws Exception {
        return certificate(pair.getPublic(), subject, pair.getPrivate(), subject, false);
    }

    private static X509Certificate certificate(PublicKey subjectKey, String subject, PrivateKey issuerKey, String issuer,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), subjectKey);
        if (ca) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        String algorithm = switch (issuerKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> "Ed25519";
        };
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }
}
