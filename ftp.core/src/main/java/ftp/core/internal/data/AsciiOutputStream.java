package ftp.core.internal.data;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * TYPE A on the way to the client: every line end becomes CRLF (RFC 959 section 3.1.1.1). A bare
 * LF gets its CR; a CRLF already in the file is left alone.
 */
public final class AsciiOutputStream extends FilterOutputStream {

    private int previous = -1;

    public AsciiOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && previous != '\r') {
            out.write('\r');
        }
        out.write(b);
        previous = b;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        byte[] converted = new byte[length * 2];
        int n = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (b == '\n' && previous != '\r') {
                converted[n++] = '\r';
            }
            converted[n++] = b;
            previous = b;
        }
        out.write(converted, 0, n);
    }
}
