package ftp.core.internal.data;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends files to plain data connections from a few selector threads: one sendfile per writable
 * connection and round. A hundred downloads used to be a hundred threads in blocking sendfile; on
 * loopback sendfile also does the receiving side's TCP work, so they were all runnable at once and
 * the kernel's fair share left the command and network threads next to nothing (the last of 100
 * simultaneous RETRs got its 150 after 0.4 s, where pyftpdlib and pure-ftpd answered all of them
 * in 30 ms). Here the bytes move on as many threads as there are cores while the session's
 * transfer thread waits, idle; it still owns the transfer and its outcome.
 */
public final class SendfilePump implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SendfilePump.class);

    /**
     * Bytes per sendfile call at most. A call stops early when the socket holds what it may keep
     * unsent ({@link UnsentLimit}) or its buffer is full, so what a slow connection gets per round
     * is that; the cap only bounds a reader that drains as fast as we send. Rounds cost: one select
     * of a Java selector per call, and with 1 MiB a single download moved 0.77-0.81 x what 8 MiB
     * moves (loopback, 16 interleaved repetitions).
     */
    private static final long CHUNK = 8L << 20;

    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    /** @param threads the selector threads, started at once */
    public SendfilePump(int threads, ThreadFactory factory) throws IOException {
        loops = new Loop[threads];
        try {
            for (int i = 0; i < threads; i++) {
                loops[i] = new Loop(Selector.open());
            }
            for (Loop loop : loops) {
                factory.newThread(loop).start();
            }
            // asking UnsentLimit here (whatever the log level) makes a JVM that cannot set the cap say
            // so when the first site starts, not at its first download
            LOG.debug("Sendfile pump of {} threads; unsent bytes per download: {}", threads,
                    UnsentLimit.available() ? "at most " + UnsentLimit.BYTES : "the kernel's default");
        } catch (IOException | RuntimeException | Error e) {
            for (Loop loop : loops) {
                if (loop != null) {
                    loop.stop();
                    loop.closeSelector(); // a running loop closes it again, harmlessly
                }
            }
            throw e;
        }
    }

    /**
     * A send of {@code [position, end)} of {@code file} to {@code socket} (connected, blocking),
     * fewer bytes if the file shrinks meanwhile; {@code progress} hears of each chunk sent.
     * Nothing moves before {@link Send#run}.
     */
    Send prepare(FileChannel file, long position, long end, SocketChannel socket, LongConsumer progress) {
        int first = next.getAndIncrement();
        Loop loop = loops[Math.floorMod(first, loops.length)];
        for (int i = 1; i < loops.length && loop.stopped; i++) {
            loop = loops[Math.floorMod(first + i, loops.length)]; // a thread that failed: the others serve
        }
        return new Send(loop, file, position, end, socket, progress);
    }

    /** Stops the threads; sends still under way fail with an {@link AsynchronousCloseException}. */
    @Override
    public void close() {
        for (Loop loop : loops) {
            if (loop != null) {
                loop.stop();
            }
        }
    }

    /** One range to send. Its fields other than the result belong to the loop's thread once submitted. */
    static final class Send {
        private final Loop loop;
        private final FileChannel file;
        private final long start;
        private final long end;
        private final SocketChannel socket;
        private final LongConsumer progress;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private long position;
        private SelectionKey key;
        /** Why the send failed on the loop's thread; reported once its key is deregistered. */
        private Throwable failure;

        private Send(Loop loop, FileChannel file, long position, long end, SocketChannel socket,
                LongConsumer progress) {
            this.loop = loop;
            this.file = file;
            this.start = position;
            this.position = position;
            this.end = end;
            this.socket = socket;
            this.progress = progress;
        }

        /**
         * Sends the range on the pump's thread and waits for it: returns the bytes sent, with the
         * socket back in blocking mode and off the selector.
         */
        long run() throws IOException {
            socket.configureBlocking(false);
            try {
                loop.submit(this);
                return result.get();
            } catch (InterruptedException e) {
                cancel(); // as a blocking channel does: an interrupted transfer closes its connection
                Thread.currentThread().interrupt();
                throw new ClosedByInterruptException();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                if (socket.isOpen()) {
                    socket.configureBlocking(true); // no valid key left: see Loop.finish and end
                }
            }
        }

        /**
         * Closes the socket and ends the send with an {@link AsynchronousCloseException}: a closed
         * channel's key leaves its selector without ever being selected, so whoever closes the
         * socket of a running send must come here.
         */
        void cancel() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed is all that matters
            }
            result.completeExceptionally(new AsynchronousCloseException());
        }

        /** One sendfile; true when the range is done (sent, or the file ended early). */
        private boolean step() throws IOException {
            if (position >= end) {
                return true; // an empty range, or one starting past the end of the file
            }
            long n = file.transferTo(position, Math.min(CHUNK, end - position), socket);
            if (n > 0) {
                position += n;
                progress.accept(n);
            }
            // 0 is a full socket buffer, or a file that shrank below the position
            return position >= end || (n == 0 && position >= file.size());
        }

        private void complete() {
            if (failure == null) {
                result.complete(position - start);
            } else {
                result.completeExceptionally(failure);
            }
        }
    }

    /** One selector thread. */
    private static final class Loop implements Runnable {
        private final Selector selector;
        private final Queue<Send> submitted = new ConcurrentLinkedQueue<>();
        /** Sends whose keys are cancelled: completed after the next select deregistered them. */
        private final List<Send> finishing = new ArrayList<>();
        private volatile boolean stopped;

        Loop(Selector selector) {
            this.selector = selector;
        }

        void submit(Send send) {
            submitted.add(send);
            selector.wakeup();
            if (stopped && submitted.remove(send)) {
                // the loop ended meanwhile and never took it; one it took is failed by end()
                send.result.completeExceptionally(new AsynchronousCloseException());
            }
        }

        void stop() {
            stopped = true;
            selector.wakeup();
        }

        void closeSelector() {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("Closing a sendfile selector: {}", e.toString());
            }
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    if (finishing.isEmpty()) {
                        selector.select();
                    } else {
                        selector.selectNow();
                    }
                    finishing.forEach(Send::complete);
                    finishing.clear();
                    for (Send send; (send = submitted.poll()) != null;) {
                        begin(send);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        step((Send) key.attachment());
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("A sendfile thread failed; its transfers end, the other threads serve the next", e);
            } finally {
                end();
            }
        }

        /**
         * A new send: registered before its socket option and its first sendfile. A registered
         * channel closed by {@link Send#cancel} keeps its descriptor until the selector lets go of
         * it; an unregistered one loses it at once, and a sendfile (or setsockopt) racing that close
         * could act on whatever file or socket got the number next.
         */
        private void begin(Send send) {
            if (send.result.isDone()) {
                return; // cancelled before it began
            }
            try {
                send.key = send.socket.register(selector, SelectionKey.OP_WRITE, send);
            } catch (IOException | RuntimeException e) {
                send.failure = e;
                send.complete(); // not registered: nothing to wait for
                return;
            }
            UnsentLimit.apply(send.socket); // registered, so no close can hand its number to another socket
        }

        private void step(Send send) {
            boolean done;
            try {
                done = send.result.isDone() || send.step();
            } catch (IOException | RuntimeException e) {
                send.failure = e;
                done = true;
            }
            if (done) {
                finish(send);
            }
        }

        /**
         * Cancels the key; the send completes only after the next select deregistered it, so that
         * the socket may be registered again at once (registering a channel whose cancelled key is
         * still in the selector throws CancelledKeyException).
         */
        private void finish(Send send) {
            send.key.cancel();
            finishing.add(send);
        }

        /** Whatever is still under way fails; sends submitted from now on fail at once. */
        private void end() {
            stopped = true;
            List<Send> unfinished = new ArrayList<>(finishing);
            unfinished.addAll(submitted);
            if (selector.isOpen()) {
                selector.keys().forEach(key -> unfinished.add((Send) key.attachment()));
            }
            closeSelector();
            AsynchronousCloseException stopping = new AsynchronousCloseException();
            unfinished.forEach(send -> send.result.completeExceptionally(stopping));
        }
    }
}
