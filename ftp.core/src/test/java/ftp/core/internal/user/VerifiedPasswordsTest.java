package ftp.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final AtomicLong now = new AtomicLong();
    private final VerifiedPasswords cache = new VerifiedPasswords(now::get);

    @Test
    void vouchesOnlyForTheVerifiedPasswordOfTheSameHashWithinTheTtl() {
        assertFalse(cache.vouchesFor("u", "hash1", "pw".toCharArray()), "nothing verified yet");
        cache.verified("u", "hash1", "pw".toCharArray());
        assertTrue(cache.vouchesFor("u", "hash1", "pw".toCharArray()));
        assertFalse(cache.vouchesFor("u", "hash1", "pW".toCharArray()), "a wrong password is never vouched for");
        assertFalse(cache.vouchesFor("u", "hash1", "".toCharArray()));
        assertFalse(cache.vouchesFor("u", "hash2", "pw".toCharArray()), "a new hash (changed password) needs a check");
        assertFalse(cache.vouchesFor("v", "hash1", "pw".toCharArray()), "another user");
        now.addAndGet(VerifiedPasswords.TTL.toNanos() - 1);
        assertTrue(cache.vouchesFor("u", "hash1", "pw".toCharArray()));
        now.incrementAndGet();
        assertFalse(cache.vouchesFor("u", "hash1", "pw".toCharArray()), "expired");
    }

    @Test
    void aForgottenUserNeedsAFullCheck() {
        cache.verified("u", "hash1", "pw".toCharArray());
        cache.forget("u");
        assertFalse(cache.vouchesFor("u", "hash1", "pw".toCharArray()));
    }

    @Test
    void twoInstancesShareNoKey() {
        VerifiedPasswords other = new VerifiedPasswords(now::get);
        cache.verified("u", "hash1", "pw".toCharArray());
        assertFalse(other.vouchesFor("u", "hash1", "pw".toCharArray()));
    }
}
