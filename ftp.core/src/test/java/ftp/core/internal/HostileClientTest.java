package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 on the wire: what one misbehaving client may cost, and that it costs only that client. */
class HostileClientTest {

    @TempDir
    java.nio.file.Path dir;

    /** Item 11: garbage lines never ended the session. */
    @Test
    void twentyUnrecognisedLinesInARowEndTheSession() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of()); RawControl control = new RawControl(site.port())) {
            control.reply();
            for (int i = 0; i < 19; i++) {
                String reply = control.command(i % 2 == 0 ? "\u0001\u0002garbage" : "NOSUCHVERB");
                assertTrue(reply.startsWith("500") || reply.startsWith("502"), reply);
            }
            assertTrue(control.command("NOOP").startsWith("200"), "a recognised command starts the count again");
            for (int i = 0; i < 19; i++) {
                control.command("XYZZY");
            }
            assertEquals("421 Too many unrecognised commands; closing control connection\r\n", control.command("XYZZY"));
            assertTrue(control.closedByServer());
        }
    }
}
