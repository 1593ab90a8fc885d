package ftp.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.Test;

import ftp.core.api.Permission;

/** Directory and file commands, listings, containment and permissions, through Commons Net and raw. */
class FileCommandsProtocolTest extends SiteTest {


    @Test
    void directoriesAndNavigation() throws IOException {
        FTPClient ftp = site.login();
        assertEquals("/", ftp.printWorkingDirectory());
        assertTrue(ftp.makeDirectory("docs"));
        assertFalse(ftp.makeDirectory("docs"), "already exists");
        assertTrue(ftp.changeWorkingDirectory("docs"));
        assertEquals("/docs", ftp.printWorkingDirectory());
        assertTrue(ftp.changeToParentDirectory());
        assertEquals("/", ftp.printWorkingDirectory());
        assertFalse(ftp.changeWorkingDirectory("missing"));
        assertEquals(550, ftp.getReplyCode());
        Files.writeString(site.home().resolve("docs/a.txt"), "a");
        assertFalse(ftp.removeDirectory("docs"), "not empty");
        assertTrue(ftp.deleteFile("docs/a.txt"));
        assertTrue(ftp.removeDirectory("docs"));
        assertFalse(Files.exists(site.home().resolve("docs")));
    }

    @Test
    void pathsNeverLeaveTheHome() throws IOException {
        Files.writeString(site.root().resolve("outside.txt"), "not alice's");
        Files.createSymbolicLink(site.home().resolve("escape"), site.root());
        FTPClient ftp = site.login();
        assertTrue(ftp.changeWorkingDirectory("../../.."));
        assertEquals("/", ftp.printWorkingDirectory(), ".. stops at the home");
        assertEquals(550, ftp.sendCommand("SIZE ../outside.txt"));
        assertEquals(550, ftp.sendCommand("SIZE ..\\outside.txt"));
        assertEquals(550, ftp.sendCommand("SIZE escape/outside.txt"), "a link out of the home is not followed");
        assertFalse(ftp.changeWorkingDirectory("escape"));
        assertEquals(0, ftp.listNames().length, "the link out is not listed");
    }

    @Test
    void listIsParsedByCommonsNetAndNlstGivesNames() throws IOException {
        Files.writeString(site.home().resolve("file one.txt"), "12345");
        Files.createDirectory(site.home().resolve("sub"));
        Files.setLastModifiedTime(site.home().resolve("file one.txt"), FileTime.from(Instant.parse("2020-05-01T10:00:00Z")));
        FTPClient ftp = site.login();
        // SYST is an optional command of the features bundle; without it Commons Net needs the parser named.
        ftp.configure(new FTPClientConfig(FTPClientConfig.SYST_UNIX));
        FTPFile[] files = ftp.listFiles("-la");
        assertEquals(2, files.length, Arrays.toString(files));
        FTPFile file = Arrays.stream(files).filter(FTPFile::isFile).findFirst().orElseThrow();
        assertEquals("file one.txt", file.getName());
        assertEquals(5, file.getSize());
        assertEquals(2020, file.getTimestamp().get(java.util.Calendar.YEAR));
        assertTrue(Arrays.stream(files).anyMatch(f -> f.isDirectory() && f.getName().equals("sub")));
        assertEquals(List.of("file one.txt", "sub"), List.of(ftp.listNames()));
        assertEquals(1, ftp.listFiles("file one.txt").length, "LIST of a file lists the file");
        assertEquals(550, ftp.sendCommand("LIST missing"));
    }

    @Test
    void renameMovesAndReplaces() throws IOException {
        Files.writeString(site.home().resolve("new.txt"), "new");
        Files.writeString(site.home().resolve("old.txt"), "old");
        FTPClient ftp = site.login();
        assertEquals(503, ftp.sendCommand("RNTO x"), "RNTO needs RNFR");
        assertTrue(ftp.rename("new.txt", "old.txt"));
        assertEquals("new", Files.readString(site.home().resolve("old.txt")));
        assertFalse(Files.exists(site.home().resolve("new.txt")));
        assertFalse(ftp.rename("missing", "x"));
        assertEquals(350, ftp.sendCommand("RNFR old.txt"));
        ftp.noop();
        assertEquals(503, ftp.sendCommand("RNTO other.txt"), "RNFR is forgotten after another command");
    }

    @Test
    void sizeAndMdtm() throws IOException {
        Path file = site.home().resolve("t.txt");
        Files.writeString(file, "hello");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-02-29T23:59:58Z")));
        FTPClient ftp = site.login();
        assertEquals(213, ftp.sendCommand("MDTM t.txt"));
        assertEquals("213 20240229235958", ftp.getReplyString().trim());
        assertEquals(550, ftp.sendCommand("SIZE missing"));
        assertEquals(550, ftp.sendCommand("SIZE /"), "a directory has no SIZE");
        assertEquals(501, ftp.sendCommand("SIZE"));
    }

    @Test
    void permissionsAreEnforcedPerUser() throws IOException {
        site.addUser("reader", "pw", "alice", EnumSet.of(Permission.LIST, Permission.READ));
        Files.writeString(site.home().resolve("r.txt"), "read me");
        FTPClient ftp = site.connect();
        assertTrue(ftp.login("reader", "pw"));
        ftp.enterLocalPassiveMode();
        assertEquals(1, ftp.listNames().length);
        assertTrue(ftp.retrieveFileStream("r.txt") != null);
        ftp.completePendingCommand();
        assertFalse(ftp.storeFile("w.txt", new java.io.ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))));
        assertEquals(550, ftp.getReplyCode());
        assertFalse(ftp.deleteFile("r.txt"));
        assertFalse(ftp.makeDirectory("d"));
        assertFalse(ftp.rename("r.txt", "s.txt"));
        assertFalse(Files.exists(site.home().resolve("w.txt")));
    }
}
