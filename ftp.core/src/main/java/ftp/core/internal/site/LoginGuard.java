package ftp.core.internal.site;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address within the ban time; at {@code limits.maxLoginFailures}
 * the address is banned for the ban time. Whatever else the address does within that window
 * (a right login as another account included) does not clear its count.
 *
 * <p>A login reserves its attempt with {@link #admit} before the password is checked: while the
 * failures plus the attempts in flight reach the limit, no more are admitted, so ten sessions
 * guessing at the same instant cannot all reach the password check before any of them counts.
 */
public final class LoginGuard {

    /** Above this many tracked addresses, expired entries are swept before adding one. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Entry(int failures, int inFlight, Instant first, Instant bannedUntil) {
    }

    private final int maxFailures;
    private final Duration banTime;
    private final Clock clock;
    private final Map<InetAddress, Entry> entries = new ConcurrentHashMap<>();

    public LoginGuard(int maxFailures, Duration banTime, Clock clock) {
        this.maxFailures = maxFailures;
        this.banTime = banTime;
        this.clock = clock;
    }

    public boolean banned(InetAddress client) {
        Entry entry = entries.get(client);
        return entry != null && entry.bannedUntil() != null && clock.instant().isBefore(entry.bannedUntil());
    }

    /**
     * Reserves a login attempt; every admitted attempt ends with {@link #succeeded},
     * {@link #failed} or {@link #released}. @return false when the address is banned or its
     * failures and attempts in flight reach the limit (a refusal that is not counted: parallel
     * logins of one client are no guesses, and the guesses in flight count when they fail)
     */
    public boolean admit(InetAddress client) {
        Instant now = clock.instant();
        if (entries.size() > SWEEP_THRESHOLD) {
            entries.values().removeIf(e -> e.inFlight() == 0 && expired(e, now));
        }
        boolean[] admitted = new boolean[1];
        entries.compute(client, (address, old) -> {
            Entry entry = current(old, now);
            boolean isBanned = entry.bannedUntil() != null && now.isBefore(entry.bannedUntil());
            admitted[0] = !isBanned && entry.failures() + entry.inFlight() < maxFailures;
            return admitted[0] ? new Entry(entry.failures(), entry.inFlight() + 1, entry.first(), entry.bannedUntil())
                    : entry;
        });
        return admitted[0];
    }

    /** Ends an admitted attempt that could not be decided (a user store failed): nothing is counted. */
    public void released(InetAddress client) {
        entries.computeIfPresent(client, (address, old) -> new Entry(old.failures(), Math.max(0, old.inFlight() - 1),
                old.first(), old.bannedUntil()));
    }

    /** Ends an admitted attempt that failed. @return whether the address is banned now */
    public boolean failed(InetAddress client) {
        Instant now = clock.instant();
        Entry updated = entries.compute(client, (address, old) -> count(current(old, now), 1, now));
        return updated.bannedUntil() != null;
    }

    /** Ends an admitted attempt that succeeded; the failures counted so far stay. */
    public void succeeded(InetAddress client) {
        released(client); // a success ends the attempt and, on purpose, leaves the failures counted
    }

    /** The entry that counts now: a new window when there is none or the old one ended (attempts in flight stay). */
    private Entry current(Entry old, Instant now) {
        if (old == null) {
            return new Entry(0, 0, now, null);
        }
        return expired(old, now) ? new Entry(0, old.inFlight(), now, null) : old;
    }

    /** One more failure; {@code release} attempts in flight end with it. */
    private Entry count(Entry entry, int release, Instant now) {
        int failures = entry.failures() + 1;
        Instant bannedUntil = entry.bannedUntil() != null ? entry.bannedUntil()
                : failures >= maxFailures ? now.plus(banTime) : null;
        return new Entry(failures, Math.max(0, entry.inFlight() - release), entry.first(), bannedUntil);
    }

    private boolean expired(Entry entry, Instant now) {
        Instant end = entry.bannedUntil() != null ? entry.bannedUntil() : entry.first().plus(banTime);
        return !now.isBefore(end);
    }
}
