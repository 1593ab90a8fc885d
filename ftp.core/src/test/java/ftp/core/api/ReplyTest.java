package ftp.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTest {

    /** Found by an attack: a configured banner's BEL, ESC and DEL went out raw to terminals and parsers. */
    @Test
    void otherControlCharactersAndSeparatorsBecomeSpaces() {
        assertEquals("220 a b c d e f g h\r\n", Reply.of(220, "a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g\u2029h").toWire());
        assertEquals("220-tab here\r\n220 x\r\n", Reply.of(220, "tab\there\nx").toWire());
    }

    @Test
    void singleLineWireFormat() {
        assertEquals("200 ok\r\n", Reply.of(200, "ok").toWire());
    }

    @Test
    void multiLineTextCarriesTheCodeOnEveryLine() {
        assertEquals("220-a\r\n220-b\r\n220 c\r\n", Reply.of(220, "a\nb\r\nc").toWire());
        assertEquals(List.of("a", "b", "c"), Reply.of(220, "a\nb\r\nc").lines());
    }

    @Test
    void loneCarriageReturnAlsoSplitsLines() {
        assertEquals("220-a\r\n220 b\r\n", Reply.of(220, "a\rb").toWire());
    }

    @ParameterizedTest
    @ValueSource(strings = { "x\r\n230 Logged in", "x\n230 Logged in", "x\r230 Logged in", "x\r\n230 Logged in\r\n" })
    void lineBreaksCannotInjectAReplyOfTheirOwn(String text) {
        String wire = Reply.of(550, text).toWire();
        assertTrue(wire.endsWith("\r\n"));
        List<String> lines = wireLines(wire);
        for (String line : lines) {
            assertFalse(line.startsWith("230"), () -> "injected line in " + wire);
            assertFalse(line.contains("\r") || line.contains("\n"), () -> "stray line break in " + wire);
        }
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.startsWith("550-"), () -> "not a continuation line: " + line);
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("550 "));
    }

    @Test
    void injectedReplyBecomesTextOfTheFinalLine() {
        assertEquals("550-x\r\n550 230 Logged in\r\n", Reply.of(550, "x\r\n230 Logged in").toWire());
    }

    @Test
    void blockReplyIndentsBodyLines() {
        Reply reply = Reply.block(211, "Features:", List.of("SIZE", "MDTM"), "End");
        assertEquals("211-Features:\r\n SIZE\r\n MDTM\r\n211 End\r\n", reply.toWire());
    }

    @Test
    void lineBreaksInBlockPartsCannotEndTheBlockEarly() {
        Reply reply = Reply.block(211, "Features:\r\n211 fake", List.of("SIZE\n211 fake"), "End");
        List<String> lines = wireLines(reply.toWire());
        assertEquals("211 End", lines.get(lines.size() - 1));
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertFalse(line.startsWith("211 "), () -> "early end line: " + line);
        }
    }

    @Test
    void nulBytesAreReplaced() {
        String wire = Reply.of(200, "a\0b").toWire();
        assertFalse(wire.contains("\0"));
        assertEquals("200 a b\r\n", wire);
        assertFalse(Reply.block(211, "x\0", List.of("\0y"), "z\0").toWire().contains("\0"));
    }

    @Test
    void nullTextIsAnEmptyLine() {
        assertEquals("200 \r\n", Reply.of(200, null).toWire());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 99, 600, 1000, -200 })
    void codeOutOfRangeThrows(int code) {
        assertThrows(IllegalArgumentException.class, () -> Reply.of(code, "x"));
        assertThrows(IllegalArgumentException.class, () -> Reply.block(code, "a", List.of(), "b"));
    }

    @Test
    void boundaryCodesAreAccepted() {
        assertEquals(100, Reply.of(100, "x").code());
        assertEquals(599, Reply.of(599, "x").code());
    }

    @Test
    void repliesWithTheSameWireFormAreEqual() {
        assertEquals(Reply.of(220, "a\nb"), Reply.of(220, "a\r\nb"));
        assertEquals(Reply.of(220, "a\nb").hashCode(), Reply.of(220, "a\r\nb").hashCode());
    }

    private static List<String> wireLines(String wire) {
        assertTrue(wire.endsWith("\r\n"));
        return Arrays.asList(wire.substring(0, wire.length() - 2).split("\r\n", -1));
    }
}
