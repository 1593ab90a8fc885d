package ftp.features.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The algorithms of HASH (draft-bryan-ftpext-hash-02 section 3), with their IANA names, in the
 * order FEAT lists them. SHA-1 is mandatory; SHA-256 is the default. CRC32 is an extension.
 */
enum HashAlgorithm {
    SHA_256("SHA-256"), SHA_512("SHA-512"), SHA_1("SHA-1"), MD5("MD5"), CRC32("CRC32");

    static final HashAlgorithm DEFAULT = SHA_256;

    private final String ianaName;

    HashAlgorithm(String ianaName) {
        this.ianaName = ianaName;
    }

    String ianaName() {
        return ianaName;
    }

    static Optional<HashAlgorithm> named(String name) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.ianaName.equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** A running computation. */
    interface Digest {
        void update(byte[] bytes, int offset, int length);

        String hex();
    }

    Digest start() {
        if (this == CRC32) {
            CRC32 crc = new CRC32();
            return new Digest() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    crc.update(bytes, offset, length);
                }

                @Override
                public String hex() {
                    return String.format(Locale.ROOT, "%08x", crc.getValue());
                }
            };
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(ianaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + ianaName, e);
        }
        return new Digest() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public String hex() {
                return HexFormat.of().formatHex(digest.digest());
            }
        };
    }
}
