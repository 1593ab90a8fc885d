package ftp.core.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.DefaultTransportMetadata;
import org.apache.mina.core.session.IoSessionConfig;
import org.apache.mina.filter.codec.ProtocolCodecSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandLineDecoderTest {

    private static final int IAC = 0xff;
    private static final int IP = 0xf4;
    private static final int DM = 0xf2;
    private static final int WILL = 0xfb;
    private static final int DO = 0xfd;

    // --- the static line decoding ---

    @Test
    void trailingCarriageReturnIsStripped() {
        assertEquals("NOOP", CommandLineDecoder.decode(ascii("NOOP\r")));
    }

    @Test
    void lineWithoutCarriageReturnIsUnchanged() {
        assertEquals("USER anonymous", CommandLineDecoder.decode(ascii("USER anonymous")));
    }

    @Test
    void onlyTheLastCarriageReturnIsStripped() {
        assertEquals("a\rb", CommandLineDecoder.decode(ascii("a\rb\r")));
    }

    @Test
    void telnetInterruptAndDataMarkBeforeAborAreRemoved() {
        byte[] raw = bytes(IAC, IP, IAC, DM, 'A', 'B', 'O', 'R', '\r');
        assertEquals("ABOR", CommandLineDecoder.decode(raw));
    }

    @Test
    void doubledIacBecomesOneFfByteReadAsLatin1() {
        // 0xFF alone is not valid UTF-8, so the line falls back to ISO-8859-1: 0xFF is 'ÿ'.
        byte[] raw = concat(ascii("RETR a"), bytes(IAC, IAC), ascii("b"));
        assertEquals("RETR a\u00ffb", CommandLineDecoder.decode(raw));
    }

    @Test
    void optionNegotiationsAreRemovedWithTheirOptionByte() {
        byte[] raw = concat(bytes(IAC, WILL, 0x01), ascii("NO"), bytes(IAC, DO, 0x03), ascii("OP"));
        assertEquals("NOOP", CommandLineDecoder.decode(raw));
    }

    @Test
    void validUtf8IsDecodedAsUtf8() {
        String line = "RETR r\u00e9sum\u00e9.txt";
        assertEquals(line, CommandLineDecoder.decode(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fourByteUtf8SequenceIsDecoded() {
        String line = "STOR \uD83D\uDE00.txt"; // U+1F600, four bytes in UTF-8
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(4 + "STOR .txt".length(), raw.length);
        assertEquals(line, CommandLineDecoder.decode(raw));
    }

    @Test
    void invalidUtf8FallsBackToLatin1() {
        // "résumé" in ISO-8859-1: 0xE9 followed by 's' is malformed UTF-8.
        byte[] raw = "RETR r\u00e9sum\u00e9.txt\r".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("RETR r\u00e9sum\u00e9.txt", CommandLineDecoder.decode(raw));
    }

    // --- the MINA decoder ---

    private ProtocolCodecSession session;
    private CommandLineDecoder decoder;

    @BeforeEach
    void fragmentingSession() {
        session = new ProtocolCodecSession();
        // A stream transport: CumulativeProtocolDecoder keeps partial lines only when the
        // transport fragments (the dummy transport does not).
        session.setTransportMetadata(new DefaultTransportMetadata("test", "stream", false, true,
                SocketAddress.class, IoSessionConfig.class, Object.class));
        decoder = new CommandLineDecoder(16);
    }

    private void feed(byte[] data) throws Exception {
        decoder.decode(session, IoBuffer.wrap(data), session.getDecoderOutput());
    }

    @Test
    void twoLinesInOneBufferGiveTwoMessages() throws Exception {
        feed(ascii("USER a\r\nPASS b\r\n"));
        assertArrayEquals(new Object[] { "USER a", "PASS b" }, session.getDecoderOutputQueue().toArray());
    }

    @Test
    void bareLineFeedEndsALine() throws Exception {
        feed(ascii("NOOP\nPWD\n"));
        assertArrayEquals(new Object[] { "NOOP", "PWD" }, session.getDecoderOutputQueue().toArray());
    }

    @Test
    void lineSplitAcrossTwoBuffersGivesOneMessage() throws Exception {
        feed(ascii("RETR fi"));
        assertTrue(session.getDecoderOutputQueue().isEmpty());
        feed(ascii("le.txt\r\n"));
        assertArrayEquals(new Object[] { "RETR file.txt" }, session.getDecoderOutputQueue().toArray());
    }

    @Test
    void utf8CharacterSplitAcrossBuffersIsDecodedWhole() throws Exception {
        byte[] line = "CWD \u00e9\r\n".getBytes(StandardCharsets.UTF_8);
        feed(java.util.Arrays.copyOfRange(line, 0, 5)); // ends inside the two-byte 'é'
        feed(java.util.Arrays.copyOfRange(line, 5, line.length));
        assertArrayEquals(new Object[] { "CWD \u00e9" }, session.getDecoderOutputQueue().toArray());
    }

    @Test
    void sixteenBytesWithoutLineFeedAreStillAccepted() throws Exception {
        feed(ascii("0123456789abcdef"));
        assertTrue(session.getDecoderOutputQueue().isEmpty());
        feed(ascii("\n"));
        assertArrayEquals(new Object[] { "0123456789abcdef" }, session.getDecoderOutputQueue().toArray());
    }

    @Test
    void moreThanTheBoundWithoutLineFeedThrows() {
        // Called directly, CumulativeProtocolDecoder lets doDecode's exception through unwrapped;
        // ProtocolCodecFilter wraps it in a ProtocolDecoderException on a real session.
        CommandLineDecoder.LineTooLongException e = assertThrows(CommandLineDecoder.LineTooLongException.class,
                () -> feed(ascii("0123456789abcdefX")));
        assertTrue(e.getMessage().contains("16"), e.getMessage());
        assertTrue(session.getDecoderOutputQueue().isEmpty());
    }

    @Test
    void aLongLineIsRefusedEvenWhenItsLineFeedArrivesInTheSameRead() {
        assertThrows(CommandLineDecoder.LineTooLongException.class, () -> feed(ascii("0123456789abcdef0123456789\r\n")));
        assertTrue(session.getDecoderOutputQueue().isEmpty());
    }

    @Test
    void boundIsCountedAcrossBuffers() throws Exception {
        feed(ascii("0123456789"));
        assertThrows(CommandLineDecoder.LineTooLongException.class, () -> feed(ascii("abcdefg")));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
