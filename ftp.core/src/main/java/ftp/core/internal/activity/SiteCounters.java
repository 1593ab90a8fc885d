package ftp.core.internal.activity;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import ftp.core.api.DataConnections.Direction;
import ftp.core.api.LoginOutcome;
import ftp.core.api.SiteMetrics;
import ftp.core.api.TransferRecord;

/** What {@link SiteMetrics} counts, updated by the sessions without a lock. */
final class SiteCounters {

    private final LongAdder loginsSucceeded = new LongAdder();
    private final LongAdder loginsFailed = new LongAdder();
    private final LongAdder loginsBanned = new LongAdder();
    private final LongAdder uploads = new LongAdder();
    private final LongAdder downloads = new LongAdder();
    private final LongAdder bytesUploaded = new LongAdder();
    private final LongAdder bytesDownloaded = new LongAdder();
    private final LongAdder transferFailures = new LongAdder();
    private final Map<String, LongAdder> tlsSessions = new ConcurrentHashMap<>();

    void login(LoginOutcome outcome) {
        (outcome == LoginOutcome.SUCCESS ? loginsSucceeded : outcome == LoginOutcome.BANNED ? loginsBanned : loginsFailed)
                .increment();
    }

    void transferred(TransferRecord transfer) {
        boolean upload = transfer.direction() == Direction.UPLOAD;
        (upload ? bytesUploaded : bytesDownloaded).add(transfer.bytes());
        (!transfer.complete() ? transferFailures : upload ? uploads : downloads).increment();
    }

    void tlsSession(String protocol) {
        tlsSessions.computeIfAbsent(protocol, p -> new LongAdder()).increment();
    }

    SiteMetrics snapshot(String site, int sessions) {
        Map<String, Long> tls = new TreeMap<>();
        tlsSessions.forEach((protocol, count) -> tls.put(protocol, count.sum()));
        return new SiteMetrics(site, sessions, loginsSucceeded.sum(), loginsFailed.sum(), loginsBanned.sum(),
                uploads.sum(), downloads.sum(), bytesUploaded.sum(), bytesDownloaded.sum(), transferFailures.sum(), tls);
    }
}
