package ftp.tls.internal;

import static ftp.tls.internal.KeyMaterialException.CERTIFICATE;
import static ftp.tls.internal.KeyMaterialException.PRIVATE_KEY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.operator.OperatorCreationException;

/** The certificate chain and private key a site serves TLS with. */
final class KeyMaterial {
    static final String GENERATED_CERTIFICATE = "certificate.pem";
    static final String GENERATED_KEY = "private-key.pem";

    private final X509Certificate[] chain;
    private final PrivateKey privateKey;
    private final boolean generated;
    private final String sha256Fingerprint;

    KeyMaterial(X509Certificate[] chain, PrivateKey privateKey, boolean generated) {
        this.chain = chain.clone();
        this.privateKey = privateKey;
        this.generated = generated;
        this.sha256Fingerprint = fingerprint(chain[0]);
    }

    /**
     * Loads the configured PEM files, or when none are configured generates a self-signed
     * certificate once and keeps it in dataDir (reused on later starts).
     *
     * @param certificate tls.certificate: PEM chain, leaf first (empty = generate)
     * @param privateKey tls.privateKey: PEM key, PKCS#1 ("BEGIN RSA PRIVATE KEY", "BEGIN EC
     *        PRIVATE KEY"), PKCS#8 ("BEGIN PRIVATE KEY") or encrypted PKCS#8 ("BEGIN ENCRYPTED
     *        PRIVATE KEY") or legacy OpenSSL-encrypted PKCS#1 (Proc-Type: 4,ENCRYPTED)
     * @param password tls.privateKeyPassword for encrypted keys (empty = none)
     * @param dataDir where a generated certificate and key are kept (created if missing), e.g.
     *        {@code <home>/data/tls/<site>}; one site per directory
     * @param hostNames subject alternative names for a generated certificate: DNS names and IP
     *        literals (e.g. the host name and the bind address)
     * @throws KeyMaterialException naming the setting (tls.certificate, tls.privateKey,
     *         tls.privateKeyPassword), the file and the reason: missing, unreadable, not PEM, no
     *         certificate in it, an encrypted key without password, a wrong password, a key that
     *         does not match the certificate's public key, only one of the two configured.
     */
    static KeyMaterial load(Optional<Path> certificate, Optional<Path> privateKey, Optional<String> password,
            Path dataDir, List<String> hostNames) throws KeyMaterialException {
        if (certificate.isPresent() && privateKey.isPresent()) {
            X509Certificate[] chain = PemFile.certificates(certificate.get(), CERTIFICATE);
            PrivateKey key = PemFile.privateKey(privateKey.get(), password, PRIVATE_KEY);
            requireMatch(chain[0], key, certificate.get(), privateKey.get());
            return new KeyMaterial(chain, key, false);
        } else if (certificate.isPresent()) {
            throw new KeyMaterialException(PRIVATE_KEY, "not set, but " + CERTIFICATE + " is ("
                    + certificate.get() + "): set both, or neither for a generated certificate");
        } else if (privateKey.isPresent()) {
            throw new KeyMaterialException(CERTIFICATE, "not set, but " + PRIVATE_KEY + " is ("
                    + privateKey.get() + "): set both, or neither for a generated certificate");
        }
        return generated(dataDir, hostNames);
    }

    /** The kept self-signed certificate, so its fingerprint (which clients pin) survives restarts; else a new one. */
    private static KeyMaterial generated(Path dataDir, List<String> hostNames) throws KeyMaterialException {
        Path certificateFile = dataDir.resolve(GENERATED_CERTIFICATE);
        Path keyFile = dataDir.resolve(GENERATED_KEY);
        if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
            try {
                X509Certificate[] chain = PemFile.certificates(certificateFile, CERTIFICATE);
                PrivateKey key = PemFile.privateKey(keyFile, Optional.empty(), CERTIFICATE);
                requireMatch(chain[0], key, certificateFile, keyFile);
                return new KeyMaterial(chain, key, true);
            } catch (KeyMaterialException e) {
                // Replacing it silently would change the fingerprint under the clients' feet.
                throw new KeyMaterialException(CERTIFICATE, "not set, and the self-signed certificate kept in "
                        + dataDir + " cannot be used (" + e.getMessage() + "); delete " + GENERATED_CERTIFICATE
                        + " and " + GENERATED_KEY + " there to generate a new one", e);
            }
        }
        try {
            KeyMaterial material = SelfSignedCertificate.generate(hostNames);
            SelfSignedCertificate.store(material, certificateFile, keyFile);
            return material;
        } catch (IOException | GeneralSecurityException | OperatorCreationException | IllegalArgumentException e) {
            // IllegalArgumentException: IDN refuses a host name that cannot be a DNS name.
            throw new KeyMaterialException(CERTIFICATE, "not set, and a self-signed certificate cannot be generated in "
                    + dataDir + " (" + e + ")", e);
        }
    }

    /**
     * Signs a random challenge with the key and verifies it with the certificate's public key:
     * one test for every key type, where comparing public parts would need per-type code.
     */
    private static void requireMatch(X509Certificate leaf, PrivateKey key, Path certificateFile, Path keyFile)
            throws KeyMaterialException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            // BouncyCastle, when it is a registered provider (as in Karaf), calls EC keys "ECDSA".
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> throw new KeyMaterialException(PRIVATE_KEY, keyFile + ": unsupported key type "
                    + key.getAlgorithm() + " (use RSA, EC or Ed25519)");
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (InvalidKeyException | SignatureException e) {
            // The certificate holds another type of key or another curve: no match either.
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
        throw new KeyMaterialException(PRIVATE_KEY, keyFile
                + ": the key does not match the public key of the first certificate in " + certificateFile
                + " (" + leaf.getSubjectX500Principal().getName()
                + "); the chain must start with the server's own certificate");
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // SHA-256 is mandatory in every JDK, and a parsed certificate has its encoding.
            throw new IllegalStateException(e);
        }
    }

    X509Certificate[] chain() {
        return chain.clone();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * SHA-256 of the leaf certificate's DER encoding, upper-case hex pairs joined by ':' (as
     * openssl x509 -fingerprint -sha256 prints it).
     */
    String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    /** Subject DN of the leaf (RFC 2253), for logs and the console. */
    String subject() {
        return chain[0].getSubjectX500Principal().getName();
    }

    /** The leaf's notAfter, for logs and the console. */
    Instant notAfter() {
        return chain[0].getNotAfter().toInstant();
    }

    /** Whether it was generated (self-signed) rather than loaded. */
    boolean generated() {
        return generated;
    }

    /**
     * A KeyStore (PKCS12, in memory) holding the key and chain under alias "server" with the
     * given password chars, for a KeyManagerFactory.
     */
    KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey, password, chain.clone());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            // An empty in-memory PKCS12 store that takes a JDK key is part of every JDK.
            throw new IllegalStateException(e);
        }
    }
}
