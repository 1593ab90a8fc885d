package ftp.core.internal.user;

import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashes (BouncyCastle's OpenBSD bcrypt, {@code $2y$}). bcrypt reads at most 72
 * bytes of a password; that is its documented limit.
 */
public final class PasswordHasher {

    /** Work factor: about 50-100 ms per check on a current core. */
    static final int COST = 10;

    private final SecureRandom random = new SecureRandom();

    /** Whether the value is already a bcrypt hash (else it is a plain password to hash). */
    public static boolean isHash(String value) {
        return value.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password, salt, COST);
    }

    /** A random password of 16 letters and digits (about 95 bits), for new accounts. */
    public String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    public static boolean matches(String hash, char[] password) {
        return OpenBSDBCrypt.checkPassword(hash, password);
    }
}
