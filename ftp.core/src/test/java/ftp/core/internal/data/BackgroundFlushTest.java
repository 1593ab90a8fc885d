package ftp.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackgroundFlushTest {

    /** Counts force calls; nothing else is used. */
    static final class CountingChannel extends FileChannel {
        final AtomicInteger forces = new AtomicInteger();

        @Override
        public void force(boolean metaData) {
            forces.incrementAndGet();
        }

        @Override public int read(ByteBuffer dst) { throw new UnsupportedOperationException(); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public int write(ByteBuffer src) { throw new UnsupportedOperationException(); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public long position() { return 0; }
        @Override public FileChannel position(long newPosition) { return this; }
        @Override public long size() { return 0; }
        @Override public FileChannel truncate(long size) { return this; }
        @Override public long transferTo(long position, long count, WritableByteChannel target) { return 0; }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) { return 0; }
        @Override public int read(ByteBuffer dst, long position) { throw new UnsupportedOperationException(); }
        @Override public int write(ByteBuffer src, long position) { throw new UnsupportedOperationException(); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) { throw new UnsupportedOperationException(); }
        @Override public FileLock lock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override public FileLock tryLock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override protected void implCloseChannel() throws IOException { }
    }

    private final CountingChannel file = new CountingChannel();
    private final List<Runnable> queued = new ArrayList<>();
    private final BackgroundFlush flush = new BackgroundFlush(queued::add, file);

    @Test
    void flushesOncePerStepAndNeverTwiceAtOnce() {
        flush.written(BackgroundFlush.STEP - 1);
        assertEquals(0, queued.size(), "less than a step");
        flush.written(1);
        assertEquals(1, queued.size(), "a step: one flush starts");
        flush.written(3 * BackgroundFlush.STEP);
        assertEquals(1, queued.size(), "not while the first runs");
        queued.remove(0).run();
        assertEquals(1, file.forces.get());
        flush.written(BackgroundFlush.STEP);
        assertEquals(1, queued.size(), "the next step after the first ended");
        queued.remove(0).run();
        assertEquals(2, file.forces.get());
    }

    @Test
    void aRefusedFlushIsLeftToTheFinalOne() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("busy");
        };
        BackgroundFlush refused = new BackgroundFlush(refusing, file);
        refused.written(BackgroundFlush.STEP);
        refused.written(BackgroundFlush.STEP);
        assertEquals(0, file.forces.get());
    }
}
