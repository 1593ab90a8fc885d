package ftp.core.internal.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Forces an upload's data to disk while the rest of it still arrives: every {@link #STEP} bytes
 * written, one {@code fdatasync} starts on another thread (never two at once for one file), so
 * that the flush before a durable upload's {@code 226} only has the last few megabytes left.
 * Without it that final flush costs about 0.5 s per GiB here, after the last byte arrived.
 * A failure here is not reported: the final, synchronous flush reports it.
 */
final class BackgroundFlush {

    /** Bytes between two background flushes. */
    static final long STEP = 32L << 20;

    private final Executor executor;
    private final FileChannel file;
    private long unflushed;
    private volatile boolean running;

    BackgroundFlush(Executor executor, FileChannel file) {
        this.executor = executor;
        this.file = file;
    }

    /** Called by the receiving thread after each write. */
    void written(long bytes) {
        unflushed += bytes;
        if (unflushed < STEP || running) {
            return;
        }
        unflushed = 0;
        running = true;
        try {
            executor.execute(() -> {
                try {
                    file.force(false);
                } catch (IOException e) {
                    // the final flush fails the same way and says so
                } finally {
                    running = false;
                }
            });
        } catch (RejectedExecutionException e) {
            running = false; // the site is stopping, or every flush thread is busy: the final flush does it
        }
    }
}
