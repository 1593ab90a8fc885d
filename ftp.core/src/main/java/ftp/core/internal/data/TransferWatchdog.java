package ftp.core.internal.data;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends transfers that made no progress for the site's data timeout. Blocking channel writes have
 * no timeout of their own, so a client that stops reading would otherwise hold a thread forever.
 */
public final class TransferWatchdog {

    private final Set<SocketDataChannel> running = ConcurrentHashMap.newKeySet();
    private final long timeoutNanos;

    public TransferWatchdog(ScheduledExecutorService scheduler, long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long period = Math.max(100, Math.min(1000, timeoutMillis / 4));
        scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void watch(SocketDataChannel channel) {
        running.add(channel);
    }

    void forget(SocketDataChannel channel) {
        running.remove(channel);
    }

    private void check() {
        long now = System.nanoTime();
        for (SocketDataChannel channel : running) {
            if (now - channel.lastProgressNanos() > timeoutNanos) {
                channel.stall();
            }
        }
    }
}
