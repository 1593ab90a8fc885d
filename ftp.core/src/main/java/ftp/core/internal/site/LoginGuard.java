package ftp.core.internal.site;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address; after {@code limits.maxLoginFailures} failures within
 * the ban time, the address is banned for the ban time. A success clears the count.
 */
public final class LoginGuard {

    /** Above this many tracked addresses, expired entries are swept before adding one. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Failures(int count, Instant first, Instant bannedUntil) {
    }

    private final int maxFailures;
    private final Duration banTime;
    private final Clock clock;
    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    public LoginGuard(int maxFailures, Duration banTime, Clock clock) {
        this.maxFailures = maxFailures;
        this.banTime = banTime;
        this.clock = clock;
    }

    public boolean banned(InetAddress client) {
        Failures entry = failures.get(client);
        return entry != null && entry.bannedUntil() != null && clock.instant().isBefore(entry.bannedUntil());
    }

    /** Records a failure. @return whether the address is banned now */
    public boolean failed(InetAddress client) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.values().removeIf(f -> expired(f, now));
        }
        Failures updated = failures.compute(client, (address, old) -> {
            boolean fresh = old == null || expired(old, now);
            int count = fresh ? 1 : old.count() + 1;
            return new Failures(count, fresh ? now : old.first(), count >= maxFailures ? now.plus(banTime) : null);
        });
        return updated.bannedUntil() != null;
    }

    public void succeeded(InetAddress client) {
        failures.remove(client);
    }

    private boolean expired(Failures entry, Instant now) {
        Instant end = entry.bannedUntil() != null ? entry.bannedUntil() : entry.first().plus(banTime);
        return !now.isBefore(end);
    }
}
