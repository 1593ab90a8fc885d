package ftp.core.internal.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import ftp.core.api.DataConnections.Direction;
import ftp.core.api.LoginOutcome;
import ftp.core.api.SiteMetrics;
import ftp.core.api.TransferType;

/** Issue 13: what a site records never fails the session that reports it. */
class SiteActivityTest {

    @TempDir
    Path dir;

    @Test
    void anEventAdminThatThrowsCostsTheEventOnlyNotTheLogOrTheCounters() throws Exception {
        AtomicInteger posted = new AtomicInteger();
        EventAdmin refusing = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.incrementAndGet();
                throw new IllegalStateException("Event Admin is going away");
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("a site never waits for handlers");
            }
        };
        Path xferlog = dir.resolve("xferlog");
        try (SiteActivity activity = new SiteActivity("main", Optional.of(new TransferLog(xferlog, ZoneId.of("UTC"))),
                () -> refusing)) {
            activity.login(new InetSocketAddress("192.0.2.7", 40000), "alice", LoginOutcome.SUCCESS);
            activity.transferred(TransferLogTest.record("/a.bin", Direction.UPLOAD, TransferType.BINARY, 10, true));

            SiteMetrics metrics = activity.metrics(0);
            assertEquals(1, metrics.loginsSucceeded());
            assertEquals(1, metrics.uploads());
            assertEquals(2, posted.get());
        }
        assertEquals(1, Files.readAllLines(xferlog).size());
    }

    @Test
    void anInterruptedSessionThreadStillWritesAndLeavesTheLogOpenForTheOthers() throws Exception {
        Path xferlog = dir.resolve("xferlog");
        try (TransferLog log = new TransferLog(xferlog, ZoneId.of("UTC"))) {
            // an aborted transfer's thread may carry its interrupt into the record; an interruptible
            // channel would close itself for every later line of every session
            Thread.currentThread().interrupt();
            try {
                log.write(TransferLogTest.record("/a.bin", Direction.DOWNLOAD, TransferType.BINARY, 1, false));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is the caller's, left as it was");
            }
            log.write(TransferLogTest.record("/b.bin", Direction.DOWNLOAD, TransferType.BINARY, 2, true));
        }
        List<String> lines = Files.readAllLines(xferlog);
        assertEquals(2, lines.size(), lines.toString());
    }
}
