package ftp.core.internal.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * TYPE A from the client: CRLF becomes the server's line end, LF. A CR not followed by LF is
 * kept, even when the LF would arrive in the next read.
 */
public final class AsciiInputStream extends FilterInputStream {

    private boolean pendingCr;

    public AsciiInputStream(InputStream in) {
        super(new PushbackInputStream(in, 1));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n;
        do {
            // A read of only a CR yields nothing yet; never return 0 for a non-empty request.
            n = readOnce(buffer, offset, length);
        } while (n == 0);
        return n;
    }

    private int readOnce(byte[] buffer, int offset, int length) throws IOException {
        if (pendingCr && length == 1) {
            // Room for one byte only: decide the pending CR alone.
            int next = in.read();
            pendingCr = false;
            if (next == '\n') {
                buffer[offset] = '\n';
            } else {
                if (next >= 0) {
                    ((PushbackInputStream) in).unread(next);
                }
                buffer[offset] = '\r';
            }
            return 1;
        }
        // A pending CR may add one byte to what is read, so leave room for it.
        byte[] raw = new byte[pendingCr ? length - 1 : length];
        int n = in.read(raw, 0, raw.length);
        if (n < 0) {
            if (pendingCr) {
                pendingCr = false;
                buffer[offset] = '\r';
                return 1;
            }
            return -1;
        }
        int out = offset;
        for (int i = 0; i < n; i++) {
            byte b = raw[i];
            if (pendingCr) {
                pendingCr = false;
                if (b != '\n') {
                    buffer[out++] = '\r';
                }
            }
            if (b == '\r') {
                pendingCr = true;
            } else {
                buffer[out++] = b;
            }
        }
        return out - offset;
    }
}
