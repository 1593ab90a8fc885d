package ftp.core.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

import ftp.core.api.DataChannel;

/**
 * A plain data connection. Binary downloads go through {@link FileChannel#transferTo}, which the
 * kernel serves with sendfile: the bytes never enter the Java heap.
 */
final class SocketDataChannel implements DataChannel {

    /** Bytes per transferTo call: small enough to report progress, large enough to be cheap. */
    private static final long CHUNK = 8L << 20;
    private static final int BUFFER = 64 << 10;

    private final SocketChannel socket;
    private volatile long transferred;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    SocketDataChannel(SocketChannel socket) {
        this.socket = socket;
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
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing more to release
        }
    }

    private void progress(long bytes) {
        if (bytes > 0) {
            transferred += bytes;
            lastProgress = System.nanoTime();
        }
    }

    @Override
    public InputStream input() {
        InputStream in = Channels.newInputStream(socket);
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
    public OutputStream output() {
        OutputStream out = Channels.newOutputStream(socket);
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
    public long send(FileChannel file, long position) throws IOException {
        long start = position;
        long size = file.size();
        while (position < size) {
            long n = file.transferTo(position, Math.min(CHUNK, size - position), socket);
            position += n;
            progress(n);
        }
        return position - start;
    }

    @Override
    public long receive(FileChannel file, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        long total = 0;
        while (socket.read(buffer) >= 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                int n = file.write(buffer, position);
                position += n;
                total += n;
                progress(n);
            }
            buffer.clear();
        }
        return total;
    }
}
