package ftp.core.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ftp.core.api.FtpRequest;

class CommandDispatcherTest {

    @Test
    void verbIsUpperCasedAndArgumentKeptExactly() {
        FtpRequest request = CommandDispatcher.parse("retr a b  c").orElseThrow();
        assertEquals("RETR", request.verb());
        assertEquals("a b  c", request.argument());
    }

    @Test
    void argumentKeepsTrailingAndLeadingSpacesAfterTheSeparator() {
        FtpRequest request = CommandDispatcher.parse("STOR  x ").orElseThrow();
        assertEquals(" x ", request.argument());
    }

    @Test
    void verbWithoutArgumentHasEmptyArgument() {
        FtpRequest request = CommandDispatcher.parse("NOOP").orElseThrow();
        assertEquals("NOOP", request.verb());
        assertEquals("", request.argument());
        assertFalse(request.hasArgument());
    }

    @Test
    void leadingSpacesAreDropped() {
        FtpRequest request = CommandDispatcher.parse("   cwd /pub").orElseThrow();
        assertEquals("CWD", request.verb());
        assertEquals("/pub", request.argument());
    }

    @Test
    void sixteenLetterVerbIsAccepted() {
        assertTrue(CommandDispatcher.parse("ABCDEFGHIJKLMNOP x").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "12AB", "ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPQ arg", "RE-TR x", " 1 x" })
    void nonVerbsAreRejected(String line) {
        assertEquals(Optional.empty(), CommandDispatcher.parse(line));
    }

    @Test
    void nonAsciiLettersAreNotVerbsEvenWhenTheyUpperCaseToAscii() {
        assertTrue(CommandDispatcher.parse("l\u0131st /").isEmpty(), "dotless i upper-cases to I");
    }

    @Test
    void verbsMayHoldDigitsAfterTheFirstLetter() {
        assertEquals("XSHA256", CommandDispatcher.parse("xsha256 file").orElseThrow().verb());
        assertTrue(CommandDispatcher.parse("256SHA file").isEmpty());
    }
}
