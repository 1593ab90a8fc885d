package ftp.core.internal.fs;

import java.nio.file.ClosedDirectoryStreamException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import ftp.core.api.ListedFile;
import ftp.core.api.VirtualFile;

/**
 * A listing's entries in name order, their attributes read window by window: a helper (on the
 * common fork-join pool) reads the next window while the consumer sends the current one, and the
 * consumer reads along when it catches up, in chunks both claim from one counter. So two threads
 * read attributes when there is nothing to send, sending overlaps reading, and memory holds two
 * windows of attributes whatever the directory's size. A busy pool only means no help: the
 * consumer never waits for a chunk nobody runs.
 */
final class ListingWindows implements Iterator<ListedFile> {

    /** Entries per claim: one counter update per 64 {@code fstatat}s. */
    private static final int CHUNK = 64;

    private final VirtualFile dir;
    private final List<String> names;
    private final int size;
    private final Function<String, BasicFileAttributes> attributes;
    private final Executor helper;
    private volatile boolean closed;
    private Window current;
    private Window next;
    private int cursor;
    private ListedFile pending;

    /**
     * @param names sorted
     * @param size entries per window
     * @param attributes an entry's attributes, or null when it is not shown
     * @param helper runs the read-ahead, or null to read everything on the consumer's thread
     */
    ListingWindows(VirtualFile dir, List<String> names, int size, Function<String, BasicFileAttributes> attributes,
            Executor helper) {
        this.dir = dir;
        this.names = names;
        this.size = size;
        this.attributes = attributes;
        this.helper = helper;
        this.next = start(0);
    }

    /** Stops the read-ahead; call before closing the directory the attributes are read from. */
    void close() {
        closed = true;
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (current == null || cursor == current.to) {
                if (next == null) {
                    return false;
                }
                current = next;
                current.read(false);
                current.await();
                next = start(current.to);
                cursor = current.from;
            }
            BasicFileAttributes shown = current.shown[cursor - current.from];
            if (shown != null) {
                pending = new ListedFile(dir, names.get(cursor), shown);
            }
            cursor++;
        }
        return true;
    }

    @Override
    public ListedFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ListedFile entry = pending;
        pending = null;
        return entry;
    }

    /** The window from {@code from}, its read-ahead handed to the helper; null past the end. */
    private Window start(int from) {
        if (from >= names.size()) {
            return null;
        }
        Window window = new Window(from, Math.min(names.size(), from + size));
        if (helper != null) {
            try {
                helper.execute(() -> window.read(true));
            } catch (RejectedExecutionException e) {
                // no help: the consumer reads the window alone
            }
        }
        return window;
    }

    private final class Window {
        final int from;
        final int to;
        final BasicFileAttributes[] shown;
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger unread;
        final CountDownLatch done = new CountDownLatch(1);
        /** What the helper's reading threw; read after {@link #done}. */
        volatile Throwable failure;

        Window(int from, int to) {
            this.from = from;
            this.to = to;
            this.shown = new BasicFileAttributes[to - from];
            this.unread = new AtomicInteger(shown.length);
        }

        /**
         * Reads chunks until none is left to claim; the helper also stops once the listing is
         * closed. What fails on the helper's thread is thrown on the consumer's ({@link #await}).
         */
        void read(boolean helping) {
            for (int start; !(helping && closed) && (start = claimed.getAndAdd(CHUNK)) < shown.length;) {
                int end = Math.min(shown.length, start + CHUNK);
                try {
                    for (int i = start; i < end; i++) {
                        shown[i] = attributes.apply(names.get(from + i));
                    }
                } catch (RuntimeException | Error e) {
                    if (!helping) {
                        throw e;
                    }
                    if (!(e instanceof ClosedDirectoryStreamException)) { // closed: nobody waits for it
                        failure = e;
                    }
                    return;
                } finally {
                    // every claimed chunk is counted, read or not: the consumer waits for no other
                    if (unread.addAndGet(start - end) == 0) {
                        done.countDown();
                    }
                }
            }
        }

        /** Waits for the chunks other threads are reading: at most one chunk each. */
        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
