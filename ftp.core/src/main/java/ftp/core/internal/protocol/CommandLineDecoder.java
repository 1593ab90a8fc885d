package ftp.core.internal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;

/**
 * Splits the control stream into command lines (RFC 959 section 4.1, RFC 2640).
 *
 * <p>Lines end with CRLF or a bare LF. Telnet commands are removed ({@code IAC IP}, {@code IAC DM}
 * and option negotiations, as lftp sends them before ABOR), a doubled {@code IAC} is one 0xFF
 * byte. Bytes are UTF-8; a line that is not valid UTF-8 is read as ISO-8859-1 so that old clients
 * still reach their files. A line longer than the bound is answered with an error and the client
 * loses its session, not the server its memory. A line must also be complete within the site's
 * {@code limits.lineTimeout} of its first byte ({@link #PARTIAL_SINCE}, checked by
 * {@link ControlHandler#sweep}): one byte every few seconds no longer holds a connection.
 */
final class CommandLineDecoder extends CumulativeProtocolDecoder {

    static final int IAC = 0xff;
    /** {@code System.nanoTime()} when the line now being received began; absent between lines. */
    static final AttributeKey PARTIAL_SINCE = new AttributeKey(CommandLineDecoder.class, "partialSince");

    private final int maxLineLength;

    CommandLineDecoder(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) throws LineTooLongException {
        int start = in.position();
        for (int i = start; i < in.limit(); i++) {
            if (in.get(i) == '\n') {
                if (i - start > maxLineLength) {
                    throw new LineTooLongException(maxLineLength);
                }
                byte[] raw = new byte[i - start];
                in.get(raw);
                in.get(); // the LF
                session.removeAttribute(PARTIAL_SINCE);
                out.write(decode(raw));
                return true;
            }
        }
        if (in.remaining() > maxLineLength) {
            throw new LineTooLongException(maxLineLength);
        }
        if (in.hasRemaining()) {
            session.setAttributeIfAbsent(PARTIAL_SINCE, System.nanoTime());
        }
        return false;
    }

    /** Removes Telnet sequences and a trailing CR, then decodes the bytes. */
    static String decode(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xff;
            if (b != IAC) {
                bytes.write(b);
            } else if (i + 1 < raw.length && (raw[i + 1] & 0xff) == IAC) {
                bytes.write(IAC);
                i++;
            } else if (i + 1 < raw.length && (raw[i + 1] & 0xff) >= 251 && (raw[i + 1] & 0xff) <= 254) {
                i += 2; // WILL/WONT/DO/DONT <option>
            } else {
                i++; // IP, DM, AO, … : a two-byte command
            }
        }
        byte[] line = bytes.toByteArray();
        int length = line.length;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** The client sent more than the bound without a line end. */
    static final class LineTooLongException extends Exception {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int max) {
            super("command line longer than " + max + " bytes");
        }
    }
}
