package ftp.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ftp.core.api.DataChannel;
import ftp.core.api.DataConnections.Direction;
import ftp.core.api.DataTransfer;
import ftp.core.api.Reply;
import ftp.core.api.SiteSettings;
import ftp.core.api.VirtualFile;
import ftp.core.internal.site.ServerHome;
import ftp.core.internal.site.SiteSettingsParser;

/** What a transfer that never runs leaves behind. */
class SessionDataConnectionsTest {

    /**
     * Issue 11 (review): a transfer that fails before it runs with an unchecked exception (here the
     * data connection's TLS handshake) is abandoned like one that fails with an I/O error, so a
     * listing closes its directory.
     */
    @Test
    void aTransferThatFailsBeforeRunningIsAbandonedWhateverTheFailure() throws Exception {
        SiteSettings settings = SiteSettingsParser.parse("t", Map.of("bind.address", "127.0.0.1", "ftps.port", 0),
                ServerHome.of(Path.of("/srv")));
        List<Reply> replies = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        TransferHost host = new TransferHost() {
            @Override
            public SiteSettings settings() {
                return settings;
            }

            @Override
            public InetSocketAddress remoteAddress() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }

            @Override
            public InetSocketAddress localAddress() {
                return new InetSocketAddress("127.0.0.1", 21);
            }

            @Override
            public boolean controlProtected() {
                return true;
            }

            @Override
            public Optional<DataProtector> dataProtector() {
                return Optional.of((plain, upload) -> {
                    throw new IllegalArgumentException("a TLS setting the JDK refuses");
                });
            }

            @Override
            public void reply(Reply reply) {
                replies.add(reply);
            }

            @Override
            public void transferEnded() {
                ended.countDown();
            }

            @Override
            public void transferred(VirtualFile file, Direction direction, long bytes, Instant started,
                    Duration duration, boolean complete) {
            }
        };
        ExecutorService transfers = Executors.newCachedThreadPool();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (SendfilePump pump = new SendfilePump(1, Thread::new)) {
            SessionDataConnections data = new SessionDataConnections(host, new PassivePorts(0, 0), transfers, transfers,
                    pump, new TransferWatchdog(scheduler, 60_000));
            InetSocketAddress passive = data.passive();
            CountDownLatch abandoned = new CountDownLatch(1);
            try (Socket client = new Socket("127.0.0.1", passive.getPort())) {
                data.transfer("Opening data connection", Direction.DOWNLOAD, new DataTransfer() {
                    @Override
                    public Reply run(DataChannel channel) {
                        throw new AssertionError("never runs: the handshake failed");
                    }

                    @Override
                    public void abandoned() {
                        abandoned.countDown();
                    }
                });
                assertTrue(ended.await(10, TimeUnit.SECONDS), "the transfer ended");
            }
            assertTrue(abandoned.await(0, TimeUnit.SECONDS), "abandoned: " + replies);
            assertEquals(425, replies.get(replies.size() - 1).code(), replies.toString());
        } finally {
            transfers.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
