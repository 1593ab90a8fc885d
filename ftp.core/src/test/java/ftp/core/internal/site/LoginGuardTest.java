package ftp.core.internal.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private static final Duration BAN = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LoginGuard guard = new LoginGuard(3, BAN, clock);
    private final InetAddress client = ip("192.0.2.1");
    private final InetAddress other = ip("192.0.2.2");

    @Test
    void belowTheLimitIsNotBanned() {
        assertFalse(guard.banned(client));
        assertFalse(guard.failed(client));
        assertFalse(guard.failed(client));
        assertFalse(guard.banned(client));
    }

    @Test
    void reachingTheLimitBans() {
        guard.failed(client);
        guard.failed(client);
        assertTrue(guard.failed(client));
        assertTrue(guard.banned(client));
        assertFalse(guard.banned(other), "a ban is per address");
    }

    @Test
    void banExpiresAfterBanTime() {
        banClient();
        clock.advance(BAN.minusSeconds(1));
        assertTrue(guard.banned(client));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(guard.banned(client));
        assertFalse(guard.failed(client), "after a ban the count starts again");
    }

    /** Issue 9, item 10: two wrong guesses, then a right login as another account, again and again. */
    @Test
    void aSuccessDoesNotClearTheCount() {
        assertTrue(guard.admit(client));
        guard.failed(client);
        assertTrue(guard.admit(client));
        guard.failed(client);
        assertTrue(guard.admit(client));
        guard.succeeded(client);
        assertTrue(guard.admit(client));
        assertTrue(guard.failed(client), "the third failure within the ban time bans, whatever succeeded between");
        assertFalse(guard.admit(client));
    }

    /** Issue 9, item 10: ten wrong passwords at the same instant all reached the password check. */
    @Test
    void attemptsInFlightCountAgainstTheLimitBeforeThePasswordIsChecked() {
        assertTrue(guard.admit(client));
        assertTrue(guard.admit(client));
        assertTrue(guard.admit(client));
        assertFalse(guard.admit(client), "three in flight: the fourth is not checked at all");
        assertFalse(guard.failed(client), "a refusal is not counted: 1 failed");
        assertFalse(guard.failed(client), "2 failed");
        assertTrue(guard.failed(client), "3 failed: banned");
        assertTrue(guard.banned(client));
        assertFalse(guard.admit(client));
        assertTrue(guard.admit(other));
    }

    @Test
    void admittedAttemptsThatSucceedLeaveRoom() {
        for (int i = 0; i < 10; i++) {
            assertTrue(guard.admit(client));
            guard.succeeded(client);
        }
        assertFalse(guard.banned(client));
    }

    @Test
    void failuresOlderThanBanTimeDoNotAccumulate() {
        guard.failed(client);
        guard.failed(client);
        clock.advance(BAN);
        assertFalse(guard.failed(client));
        assertFalse(guard.failed(client));
        assertFalse(guard.banned(client));
        assertTrue(guard.failed(client));
    }

    @Test
    void failuresWithinBanTimeAccumulate() {
        guard.failed(client);
        clock.advance(BAN.minusSeconds(2));
        guard.failed(client);
        clock.advance(Duration.ofSeconds(1));
        assertTrue(guard.failed(client));
    }

    private void banClient() {
        guard.failed(client);
        guard.failed(client);
        assertTrue(guard.failed(client));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
