package ftp.core.internal.user;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The verified-credential cache (the model is SFTPGo's password caching): after a bcrypt check
 * succeeded, an HMAC-SHA256 of the password under a key that exists only in this process's memory
 * is kept for {@link #TTL}, so that the same user logging in again with the same password costs
 * microseconds instead of a bcrypt check. Nothing reversible is kept. A wrong password never
 * matches an entry and always pays the full check; an entry belongs to one stored hash, so a new
 * password (a new hash) never matches an old entry, and the store forgets a user's entry when its
 * configuration changes or goes.
 */
final class VerifiedPasswords {

    /** How long one successful check vouches for the password. */
    static final Duration TTL = Duration.ofMinutes(10);

    private record Entry(String hash, byte[] mac, long expiresNanos) {
    }

    private final SecretKeySpec key;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        this(System::nanoTime);
    }

    VerifiedPasswords(LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.nanoTime = nanoTime;
    }

    /** Whether a check of {@code password} against {@code hash} succeeded for {@code id} within {@link #TTL}. */
    boolean vouchesFor(String id, String hash, char[] password) {
        Entry entry = entries.get(id);
        if (entry == null || !entry.hash().equals(hash) || nanoTime.getAsLong() - entry.expiresNanos() >= 0) {
            return false;
        }
        return MessageDigest.isEqual(entry.mac(), mac(password));
    }

    /** Records that {@code password} matched {@code hash} for {@code id}. */
    void verified(String id, String hash, char[] password) {
        entries.put(id, new Entry(hash, mac(password), nanoTime.getAsLong() + TTL.toNanos()));
    }

    /** Forgets {@code id}'s entry: its configuration changed or was deleted. */
    void forget(String id) {
        entries.remove(id);
    }

    private byte[] mac(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(bytes);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
