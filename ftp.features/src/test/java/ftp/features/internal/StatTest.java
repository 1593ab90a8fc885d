package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import ftp.core.api.Permission;
import ftp.core.internal.RawControl;

/** STAT: session status, listings over the control connection, progress during a transfer. */
class StatTest extends FeatureTest {

    @Test
    void withoutArgumentTheSessionStatus() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            control.command("TYPE I");
            assertEquals("211-FTP server status:\r\n"
                    + " Connected to 127.0.0.1\r\n"
                    + " Logged in as alice\r\n"
                    + " TYPE: BINARY; STRUcture: File; transfer MODE: Stream\r\n"
                    + " Control connection: plain\r\n"
                    + " Data connection: none\r\n"
                    + "211 End of status\r\n", control.command("STAT"));
            control.command("PASV");
            assertTrue(control.command("STAT").contains(" Data connection: prepared\r\n"));
        }
    }

    @Test
    void withAPathTheListingOverTheControlConnection() throws Exception {
        Files.writeString(site.home().resolve("one.txt"), "1");
        Files.createDirectory(site.home().resolve("sub"));
        try (RawControl control = new RawControl(site.port()).login()) {
            String reply = control.command("STAT /");
            assertTrue(reply.matches("213-Status of /:\r\n"
                    + " -rw-r--r-- +1 ftp +ftp +1 \\w{3} [ \\d]\\d \\d\\d:\\d\\d one\\.txt\r\n"
                    + " d[rwx-]{9} +1 ftp +ftp +\\d+ \\w{3} [ \\d]\\d \\d\\d:\\d\\d sub\r\n"
                    + "213 End of status\r\n"), reply);
            assertTrue(control.command("STAT one.txt").contains(" one.txt\r\n213 End of status\r\n"));
            assertTrue(control.command("STAT missing").startsWith("550"));
        }
    }

    @Test
    void duringATransferItReportsProgress() throws Exception {
        Files.write(site.home().resolve("big.bin"), new byte[64 * 1024 * 1024]);
        try (RawControl control = new RawControl(site.port()).login()) {
            try (Socket socket = control.slowDownload("big.bin")) {
                socket.getInputStream().readNBytes(1000);
                String status = control.command("STAT");
                assertTrue(status.matches("(?s)211-.* Data connection: transfer in progress, \\d+ bytes transferred\r\n211 End of status\r\n"),
                        status);
                control.send("ABOR");
                assertTrue(control.reply().startsWith("426"));
                assertTrue(control.reply().startsWith("226"));
            }
        }
    }

    @Test
    void listingNeedsTheListPermission() throws Exception {
        site.addUser("nolist", "pw", "alice", EnumSet.of(Permission.READ));
        try (RawControl control = new RawControl(site.port()).login("nolist", "pw")) {
            assertTrue(control.command("STAT /").startsWith("550"));
            assertTrue(control.command("STAT").startsWith("211"), "the session status needs no permission");
        }
    }
}
