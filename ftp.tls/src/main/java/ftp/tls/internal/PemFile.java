package ftp.tls.internal;

import static ftp.tls.internal.KeyMaterialException.PASSWORD;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a PEM file: the certificate chain or the private key of a site. Every failure becomes a
 * {@link KeyMaterialException} naming the setting, the file and what is wrong with it.
 */
final class PemFile {
    private PemFile() {
    }

    /** The certificates in {@code file}, in file order; other PEM blocks are skipped. */
    static X509Certificate[] certificates(Path file, String setting) throws KeyMaterialException {
        List<Object> objects = read(file, setting);
        // The JDK's converter, so that JSSE gets the certificate class it knows best.
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> chain = new ArrayList<>();
        for (Object object : objects) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new KeyMaterialException(setting,
                            file + ": unusable certificate (" + e.getMessage() + ")", e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new KeyMaterialException(setting,
                    file + ": no certificate in it (it holds: " + kinds(objects) + ")");
        }
        return chain.toArray(X509Certificate[]::new);
    }

    /**
     * The first private key in {@code file}: PKCS#1 / SEC1, PKCS#8, encrypted PKCS#8 or legacy
     * OpenSSL-encrypted PKCS#1 / SEC1. Other blocks (EC parameters, a certificate) are skipped,
     * since {@code openssl ecparam -genkey} and combined files put them beside the key.
     */
    static PrivateKey privateKey(Path file, Optional<String> password, String setting)
            throws KeyMaterialException {
        List<Object> objects = read(file, setting);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            for (Object object : objects) {
                if (object instanceof PEMKeyPair pair) {
                    // Not getKeyPair: SEC1 keys written by Java tools carry no public key, and BC
                    // 1.83 then fails with a NullPointerException; the private part is all we need.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                } else if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return converter.getPrivateKey(decrypt(encrypted, file, password));
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    return converter.getPrivateKey(decrypt(encrypted, file, password).getPrivateKeyInfo());
                }
            }
        } catch (IOException e) {
            // JcaPEMKeyConverter: the JDK has no key factory for this algorithm or curve.
            throw new KeyMaterialException(setting, file + ": unsupported private key (" + e.getMessage() + ")", e);
        }
        throw new KeyMaterialException(setting,
                file + ": no private key in it (it holds: " + kinds(objects) + ")");
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, Path file,
            Optional<String> password) throws KeyMaterialException {
        char[] secret = secret(file, password);
        try {
            // BC's provider, passed in rather than registered: the JDK lacks some PBES2 variants.
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(new BouncyCastleProvider()).build(secret));
        } catch (OperatorCreationException | PKCSException e) {
            throw wrongPassword(file, e);
        }
    }

    private static PEMKeyPair decrypt(PEMEncryptedKeyPair encrypted, Path file,
            Optional<String> password) throws KeyMaterialException {
        char[] secret = secret(file, password);
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                    .setProvider(new BouncyCastleProvider()).build(secret));
        } catch (IOException e) {
            throw wrongPassword(file, e);
        }
    }

    private static char[] secret(Path file, Optional<String> password) throws KeyMaterialException {
        return password.filter(p -> !p.isEmpty()).map(String::toCharArray).orElseThrow(
                () -> new KeyMaterialException(PASSWORD, file + ": the key is encrypted, but no password is set"));
    }

    private static KeyMaterialException wrongPassword(Path file, Exception e) {
        // A bad password and a damaged file fail alike (bad padding or garbage); keep BC's words.
        return new KeyMaterialException(PASSWORD,
                file + ": wrong password, or the key cannot be decrypted (" + e.getMessage() + ")", e);
    }

    private static List<Object> read(Path file, String setting) throws KeyMaterialException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(setting, file + ": file not found", e);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException(setting, file + ": not readable (permission denied)", e);
        } catch (IOException e) {
            throw new KeyMaterialException(setting, file + ": cannot be read (" + e + ")", e);
        }
        List<Object> objects = new ArrayList<>();
        // ISO-8859-1 maps every byte to a char: a binary file reads as "no PEM", not as a decoding error.
        try (PEMParser parser = new PEMParser(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // BC reports a broken block or DER body with IOException, bad base64 with DecoderException.
            throw new KeyMaterialException(setting, file + ": not valid PEM (" + e.getMessage() + ")", e);
        }
        if (objects.isEmpty()) {
            throw new KeyMaterialException(setting, file + ": not a PEM file (no -----BEGIN block)");
        }
        return objects;
    }

    private static String kinds(List<Object> objects) {
        return objects.stream().map(PemFile::kind).distinct().collect(Collectors.joining(", "));
    }

    private static String kind(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        } else if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo
                || object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            return "a private key";
        }
        return object.getClass().getSimpleName();
    }
}
