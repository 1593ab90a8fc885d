package ftp.core.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

import ftp.core.api.DataChannel;

/**
 * A data connection, plain or protected. Plain binary downloads go through
 * {@link FileChannel#transferTo}, which the kernel serves with sendfile: the bytes never enter
 * the Java heap; the site's {@link SendfilePump} makes those calls. A protected connection copies
 * through large buffers and ends with an exchange of close_notify alerts (DESIGN section 6a:
 * ftplib waits for ours, lftp treats anything else as fatal).
 */
final class SocketDataChannel implements DataChannel {

    /** Plain uploads: one read and one write per MiB. */
    private static final int BUFFER = 1 << 20;
    /** Protected transfers: 16 TLS records of 16 KiB per write. */
    private static final int TLS_BUFFER = 256 << 10;

    /** How long a protected connection waits for the client's close_notify. */
    private static final int CLOSE_NOTIFY_WAIT_MILLIS = 2000;

    private final SocketChannel socket;
    private final Socket tls;
    /** Runs background flushes of uploads on durable sites; null when uploads are not forced. */
    private final Executor flushes;
    private final SendfilePump pump;
    /** The plain download under way in the pump, which {@link #close} must end. */
    private volatile SendfilePump.Send sending;
    private volatile long transferred;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    /**
     * @param tls the protected socket layered over {@code socket}, or null for a plain connection
     * @param flushes where uploads are flushed to disk as they arrive, or null when the site's
     *        uploads are not durable
     * @param pump sends files to plain connections
     */
    SocketDataChannel(SocketChannel socket, Socket tls, Executor flushes, SendfilePump pump) {
        this.socket = socket;
        this.tls = tls;
        this.flushes = flushes;
        this.pump = pump;
    }

    long transferred() {
        return transferred;
    }

    long lastProgressNanos() {
        return lastProgress;
    }

    boolean stalled() {
        return stalled;
    }

    /** Called by the watchdog: breaks the blocked transfer. */
    void stall() {
        stalled = true;
        close();
    }

    void close() {
        try {
            // close() alone does not wake a thread blocked in sendfile (transferTo); shutdown does.
            socket.shutdownInput();
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // not connected any more: close below is all that is left
        }
        SendfilePump.Send running = sending;
        if (running != null) {
            running.cancel(); // a send waiting for the socket to drain learns of the close only so
        }
        try {
            if (tls != null) {
                tls.close();
            }
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing more to release
        }
    }

    /**
     * Ends a successful transfer: on a protected connection sends close_notify and waits briefly
     * for the client's, so that neither side sees a truncation.
     */
    void finish() throws IOException {
        if (tls == null) {
            return;
        }
        tls.shutdownOutput();
        tls.setSoTimeout(CLOSE_NOTIFY_WAIT_MILLIS);
        try {
            InputStream in = tls.getInputStream();
            byte[] rest = new byte[512];
            while (in.read(rest) >= 0) {
                // a well-behaved client sends nothing more; its close_notify ends the stream
            }
        } catch (IOException ignored) {
            // no close_notify in time: the transfer itself is complete
        }
    }

    private void progress(long bytes) {
        if (bytes > 0) {
            transferred += bytes;
            lastProgress = System.nanoTime();
        }
    }

    @Override
    public InputStream input() throws IOException {
        InputStream in = tls != null ? tls.getInputStream() : Channels.newInputStream(socket);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                progress(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                progress(n);
                return n;
            }
        };
    }

    @Override
    public OutputStream output() throws IOException {
        OutputStream out = tls != null ? tls.getOutputStream() : Channels.newOutputStream(socket);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress(1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                progress(length);
            }
        };
    }

    @Override
    public long send(FileChannel file, long position, long count) throws IOException {
        long end = Math.min(file.size(), position + Math.min(count, Long.MAX_VALUE - position));
        long start = position;
        if (tls != null) {
            OutputStream out = tls.getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(TLS_BUFFER);
            while (position < end) {
                buffer.clear().limit((int) Math.min(TLS_BUFFER, end - position));
                int n = file.read(buffer, position);
                if (n < 0) {
                    break; // the file shrank meanwhile
                }
                out.write(buffer.array(), 0, n);
                position += n;
                progress(n);
            }
            out.flush();
            return position - start;
        }
        SendfilePump.Send send = pump.prepare(file, position, end, socket, this::progress);
        sending = send;
        try {
            return send.run();
        } finally {
            sending = null;
        }
    }

    /**
     * Reads into one large buffer and writes it at the file's position: plain connections read
     * straight from the socket into a direct buffer, protected ones decrypt into a heap array.
     * On durable sites the file is flushed in the background as it grows ({@link BackgroundFlush}).
     */
    @Override
    public long receive(FileChannel file, long position, long limit) throws IOException {
        BackgroundFlush flush = flushes == null ? null : new BackgroundFlush(flushes, file);
        InputStream in = tls == null ? null : tls.getInputStream();
        ByteBuffer buffer = tls == null ? ByteBuffer.allocateDirect(BUFFER) : ByteBuffer.allocate(TLS_BUFFER);
        long total = 0;
        while (total < limit) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), limit - total));
            if (!fill(in, buffer)) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                int n = file.write(buffer, position);
                position += n;
                total += n;
                progress(n);
                if (flush != null) {
                    flush.written(n);
                }
            }
        }
        return total;
    }

    /** Reads what is there (at least one byte) into {@code buffer}; false at the end of the stream. */
    private boolean fill(InputStream in, ByteBuffer buffer) throws IOException {
        if (in == null) {
            return socket.read(buffer) >= 0;
        }
        int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
        if (n < 0) {
            return false;
        }
        buffer.position(buffer.position() + n);
        return true;
    }
}
