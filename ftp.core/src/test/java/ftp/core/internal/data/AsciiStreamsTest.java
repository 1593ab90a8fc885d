package ftp.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Time-limited: a read loop that never makes progress must fail, not hang the build. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsciiStreamsTest {

    // --- AsciiOutputStream ---

    @Test
    void outputTurnsBareLfIntoCrlfWithoutDoublingCrlf() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AsciiOutputStream out = new AsciiOutputStream(sink)) {
            out.write(bytes("a\nb\r\nc\n"));
        }
        assertEquals("a\r\nb\r\nc\r\n", text(sink.toByteArray()));
    }

    @Test
    void outputByteByByte() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AsciiOutputStream out = new AsciiOutputStream(sink)) {
            for (byte b : bytes("a\nb\r\nc\n")) {
                out.write(b);
            }
        }
        assertEquals("a\r\nb\r\nc\r\n", text(sink.toByteArray()));
    }

    @Test
    void outputCrAndLfInSeparateWrites() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AsciiOutputStream out = new AsciiOutputStream(sink)) {
            out.write(bytes("a\r"));
            out.write(bytes("\nb\r"));
            out.write('\n');
            out.write(bytes("\n"));
        }
        assertEquals("a\r\nb\r\n\r\n", text(sink.toByteArray()));
    }

    @Test
    void outputHonoursOffsetAndLength() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AsciiOutputStream out = new AsciiOutputStream(sink)) {
            out.write(bytes("xx\n\nyy"), 2, 2);
        }
        assertEquals("\r\n\r\n", text(sink.toByteArray()));
    }

    // --- AsciiInputStream ---

    @Test
    void inputTurnsCrlfIntoLf() throws IOException {
        assertEquals("a\nb\n", readAll(new AsciiInputStream(source("a\r\nb\r\n")), 8192));
    }

    @Test
    void inputKeepsLoneCr() throws IOException {
        assertEquals("a\rb", readAll(new AsciiInputStream(source("a\rb")), 8192));
        assertEquals("a\r\nb", readAll(new AsciiInputStream(source("a\r\r\nb")), 8192));
    }

    @Test
    void inputKeepsCrAtEof() throws IOException {
        assertEquals("a\r", readAll(new AsciiInputStream(source("a\r")), 8192));
        assertEquals("a\r", readAll(new AsciiInputStream(new OneByteAtATime(bytes("a\r"))), 8192));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 8192 })
    void inputCrlfSplitAcrossReads(int bufferSize) throws IOException {
        String data = "a\r\nb\r\r\nc\rd\r\n\r\ne\r";
        assertEquals("a\nb\r\nc\rd\n\ne\r", readAll(new AsciiInputStream(new OneByteAtATime(bytes(data))), bufferSize));
        assertEquals("a\nb\r\nc\rd\n\ne\r", readAll(new AsciiInputStream(source(data)), bufferSize));
    }

    @Test
    void singleByteReads() throws IOException {
        AsciiInputStream in = new AsciiInputStream(new OneByteAtATime(bytes("x\r\ny\rz")));
        StringBuilder out = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.append((char) b);
        }
        assertEquals("x\ny\rz", out.toString());
    }

    @Test
    void crlfOnlyInputNeverReadsZero() throws IOException {
        assertEquals("\n\n\n", readAll(new AsciiInputStream(new OneByteAtATime(bytes("\r\n\r\n\r\n"))), 4));
    }

    /** Reads to EOF with read(byte[], off, len), checking that no read returns 0. */
    private static String readAll(InputStream in, int bufferSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferSize + 2];
        while (true) {
            int n = in.read(buffer, 1, bufferSize);
            assertNotEquals(0, n, "read returned 0 for a non-empty request");
            if (n < 0) {
                return text(out.toByteArray());
            }
            out.write(buffer, 1, n);
        }
    }

    private static InputStream source(String s) {
        return new ByteArrayInputStream(bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A stream that hands out one byte per read, like a slow network. */
    private static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream data;

        OneByteAtATime(byte[] bytes) {
            data = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return data.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : data.read(b, off, 1);
        }
    }
}
