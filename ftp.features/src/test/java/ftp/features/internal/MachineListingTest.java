package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ftp.core.api.Permission;
import ftp.core.internal.RawControl;

/** MLST, MLSD and OPTS MLST, byte for byte (RFC 3659 section 7). */
class MachineListingTest extends FeatureTest {

    static final String UNIQUE = "unique=[0-9a-f]+U[0-9a-f]+;";

    @BeforeEach
    void files() throws Exception {
        Path file = Files.writeString(site.home().resolve("f.txt"), "hello");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-01-02T03:04:05Z")));
        Path sub = Files.createDirectory(site.home().resolve("sub"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(sub, FileTime.from(Instant.parse("2023-12-31T23:59:59Z")));
    }

    @Test
    void mlstAnswersOnTheControlConnection() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            String reply = control.command("MLST f.txt");
            assertTrue(reply.matches("250-Listing /f.txt\r\n type=file;size=5;modify=20240102030405;perm=adfrw;" + UNIQUE
                    + "UNIX.mode=0640; /f.txt\r\n250 End\r\n"), reply);
            String dir = control.command("MLST sub");
            assertTrue(dir.matches("250-Listing /sub\r\n type=dir;modify=20231231235959;perm=cdeflmp;" + UNIQUE
                    + "UNIX.mode=0755; /sub\r\n250 End\r\n"), dir);
            assertTrue(control.command("MLST missing").startsWith("550"));
        }
    }

    @Test
    void optsMlstSelectsFactsForMlstMlsdAndFeat() throws Exception {
        try (RawControl control = new RawControl(site.port()).login()) {
            assertTrue(control.command("FEAT").contains("\r\n MLST type*;size*;modify*;perm*;unique*;UNIX.mode*;\r\n"));
            assertEquals("200 MLST OPTS type;size;\r\n", control.command("OPTS MLST Size;type;bogus;"));
            assertEquals("250-Listing /f.txt\r\n type=file;size=5; /f.txt\r\n250 End\r\n", control.command("MLST f.txt"));
            assertTrue(control.command("FEAT").contains("\r\n MLST type*;size*;modify;perm;unique;UNIX.mode;\r\n"));
            assertEquals("type=file;size=5; f.txt\r\ntype=dir; sub\r\n", listing(control, "MLSD").replaceFirst("type=cdir; \\.\r\n", ""));
            assertEquals("200 MLST OPTS \r\n", control.command("OPTS MLST"));
            assertEquals("250-Listing /f.txt\r\n  /f.txt\r\n250 End\r\n", control.command("MLST f.txt"), "no facts at all");
        }
    }

    @Test
    void mlsdListsCdirPdirAndEntries() throws Exception {
        Files.writeString(site.home().resolve("sub/inner.txt"), "x");
        Files.setLastModifiedTime(site.home().resolve("sub"), FileTime.from(Instant.parse("2023-12-31T23:59:59Z")));
        try (RawControl control = new RawControl(site.port()).login()) {
            String root = listing(control, "MLSD");
            assertTrue(root.matches("type=cdir;modify=\\d{14};perm=cdeflmp;" + UNIQUE + "UNIX.mode=0\\d{3}; \\.\r\n"
                    + "type=file;size=5;modify=20240102030405;perm=adfrw;" + UNIQUE + "UNIX.mode=0640; f\\.txt\r\n"
                    + "type=dir;modify=20231231235959;perm=cdeflmp;" + UNIQUE + "UNIX.mode=0755; sub\r\n"), root);
            String sub = listing(control, "MLSD sub");
            assertTrue(sub.matches("type=cdir;[^ ]+ \\.\r\ntype=pdir;[^ ]+ \\.\\.\r\ntype=file;size=1;[^ ]+ inner\\.txt\r\n"), sub);
            assertTrue(control.command("MLSD f.txt").startsWith("501"));
            assertTrue(control.command("MLSD missing").startsWith("550"));
        }
    }

    @Test
    void permFactsFollowTheUsersPermissions() throws Exception {
        site.addUser("reader", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ));
        try (RawControl control = new RawControl(site.port()).login("reader", "pw")) {
            assertTrue(control.command("MLST f.txt").contains(";perm=r;"));
            assertTrue(control.command("MLST sub").contains(";perm=el;"));
        }
        site.addUser("nolist", "pw", "alice", EnumSet.of(Permission.READ));
        try (RawControl control = new RawControl(site.port()).login("nolist", "pw")) {
            assertTrue(control.command("MLST f.txt").startsWith("550"));
            assertTrue(control.command("MLSD").startsWith("550"));
        }
    }

    static String listing(RawControl control, String command) throws Exception {
        InetSocketAddress data = control.pasv();
        control.send(command);
        try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
            assertTrue(control.reply().startsWith("150"));
            String text = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(control.reply().startsWith("226"));
            return text;
        }
    }
}
