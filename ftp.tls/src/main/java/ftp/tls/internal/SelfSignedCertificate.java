package ftp.tls.internal;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.IDN;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The self-signed certificate of a site that configures none: an EC P-256 key (generated in
 * milliseconds, accepted by every TLS client we meet), the site's host names as subject
 * alternative names, and PEM files that keep it across restarts.
 */
final class SelfSignedCertificate {
    /** The longest validity Apple's TLS clients accept, counted from notBefore. */
    private static final Duration VALIDITY = Duration.ofDays(825);
    /** notBefore lies this far back so that clients whose clock is a little behind accept it. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private SelfSignedCertificate() {
    }

    /** A new key and certificate; the subject CN is the first usable host name. */
    static KeyMaterial generate(List<String> hostNames) throws GeneralSecurityException, OperatorCreationException, IOException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = generator.generateKeyPair();

        List<String> names = usableNames(hostNames);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0)).build();
        // X.509 times carry whole seconds; truncating first keeps the validity at exactly 825 days.
        Instant notBefore = Instant.now().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        // 127 random bits with the top bit set: positive, non-zero, and unguessable (CA/B asks for 64).
        BigInteger serial = new BigInteger(127, random).setBit(127);

        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        List<GeneralName> alternativeNames = new ArrayList<>();
        for (String name : names) {
            alternativeNames.add(IPAddress.isValid(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, IDN.toASCII(name)));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new KeyMaterial(new X509Certificate[] {certificate}, pair.getPrivate(), true);
    }

    /**
     * The host names, stripped of blanks, brackets and repeats, in order. IP literals are told
     * apart without DNS lookups; wildcard addresses (a bind address of 0.0.0.0 or ::) name no host
     * and are left out. Never empty: "localhost" when nothing is left.
     */
    private static List<String> usableNames(List<String> hostNames) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String hostName : hostNames) {
            String name = hostName.strip();
            if (name.startsWith("[") && name.endsWith("]")) {
                name = name.substring(1, name.length() - 1);
            }
            // getByName parses a literal without asking DNS.
            boolean wildcard = IPAddress.isValid(name) && InetAddress.getByName(name).isAnyLocalAddress();
            if (!name.isEmpty() && !wildcard) {
                names.add(name);
            }
        }
        return names.isEmpty() ? List.of("localhost") : List.copyOf(names);
    }

    /**
     * Writes the certificate and the key (PKCS#8, unencrypted, owner-only) as PEM. The key goes
     * first: a crash between the two leaves no certificate, and the next start generates anew.
     */
    static void store(KeyMaterial material, Path certificateFile, Path keyFile) throws IOException {
        Files.createDirectories(keyFile.getParent());
        writeAtomically(keyFile, pem(new JcaPKCS8Generator(material.privateKey(), null)), "rw-------");
        writeAtomically(certificateFile, pem(material.chain()[0]), "rw-r--r--");
    }

    private static byte[] pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Temp file beside the target, synced, then renamed: readers see the old file or the whole new one. */
    private static void writeAtomically(Path target, byte[] content, String posixPermissions) throws IOException {
        FileAttribute<?>[] attributes = target.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixPermissions))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
