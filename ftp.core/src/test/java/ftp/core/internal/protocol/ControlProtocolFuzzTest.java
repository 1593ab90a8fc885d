package ftp.core.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketAddress;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.DefaultTransportMetadata;
import org.apache.mina.core.session.IoSessionConfig;
import org.apache.mina.filter.codec.ProtocolCodecSession;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import ftp.core.api.FtpRequest;
import ftp.core.api.Reply;

/**
 * Issue 9: the control protocol's input path fuzzed, coverage-guided (Jazzer). Arbitrary bytes,
 * cut into arbitrary chunks, go through the command-line decoder; every line it yields is parsed
 * as the dispatcher parses it and answered as the dispatcher would answer it (500, or the verb
 * and argument echoed in a 502), and with the line as a configured banner. Every reply must be
 * well formed: lines of a code and '-' or ' ', CRLF only at line ends. The decoder may refuse a
 * line only for its length, and never holds more than one line's bound.
 *
 * <p>{@code mvn test} runs the checked-in inputs ({@code ControlProtocolFuzzTestInputs}) and then
 * fuzzes for {@code maxDuration} (JAZZER_FUZZ=1 in the surefire configuration); a crash, a hang
 * or a failed assertion fails the build and leaves its input beside the others.
 */
class ControlProtocolFuzzTest {

    private static final int MAX_LINE = 4096;
    private static final Pattern REPLY_LINE = Pattern.compile("\\d{3}[- ][^\r\n]*");

    @FuzzTest(maxDuration = "45s")
    void controlStreamsDecodeParseAndAnswerWellFormed(FuzzedDataProvider data) throws Exception {
        ProtocolCodecSession session = new ProtocolCodecSession();
        session.setTransportMetadata(new DefaultTransportMetadata("fuzz", "stream", false, true,
                SocketAddress.class, IoSessionConfig.class, Object.class));
        CommandLineDecoder decoder = new CommandLineDecoder(MAX_LINE);
        while (data.remainingBytes() > 0) {
            byte[] chunk = data.consumeBytes(data.consumeInt(1, 2 * MAX_LINE));
            try {
                decoder.decode(session, IoBuffer.wrap(chunk), session.getDecoderOutput());
            } catch (CommandLineDecoder.LineTooLongException e) {
                return; // the session ends here, on the wire too
            }
            for (Object decoded : session.getDecoderOutputQueue()) {
                answer((String) decoded);
            }
            session.getDecoderOutputQueue().clear();
        }
    }

    private static void answer(String line) {
        assertFalse(line.indexOf('\n') >= 0, "a decoded line holds no LF");
        assertTrue(line.length() <= MAX_LINE, "a decoded line is within the bound");
        Optional<FtpRequest> request = CommandDispatcher.parse(line);
        if (request.isEmpty()) {
            wellFormed(Reply.of(500, "Syntax error, command unrecognized"), 500);
        } else {
            assertTrue(request.get().verb().matches("[A-Z][A-Z0-9]{0,15}"), request.get().verb());
            wellFormed(Reply.of(502, "Command not implemented: " + request.get().verb() + " " + request.get().argument()),
                    502);
        }
        wellFormed(Reply.of(220, line), 220);
    }

    private static void wellFormed(Reply reply, int code) {
        String wire = reply.toWire();
        assertTrue(wire.endsWith("\r\n"), wire);
        String[] lines = wire.substring(0, wire.length() - 2).split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(REPLY_LINE.matcher(lines[i]).matches(), () -> "not a reply line: " + wire);
            assertEquals(String.valueOf(code), lines[i].substring(0, 3));
            assertEquals(i == lines.length - 1 ? ' ' : '-', lines[i].charAt(3), wire);
        }
    }
}
