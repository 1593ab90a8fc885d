package ftp.example.xcrc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.FtpRequest;
import ftp.core.api.Permission;
import ftp.core.api.ReplyException;

class FileRangeTest {

    @TempDir
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("ten.txt"), "0123456789");
        Files.createDirectory(root.resolve("dir"));
    }

    @Test
    void theWholeFileUnlessOffsetsFollowAQuotedPath() throws Exception {
        FileRange whole = range("ten.txt");
        assertEquals("/ten.txt", whole.file().path());
        assertEquals(0, whole.start());
        assertEquals(10, whole.end());
        assertEquals(0, range("\"ten.txt\"").start());
        assertEquals(10, range("\"ten.txt\"").end());
        assertEquals(7, range("\"ten.txt\" 7").end());
        assertEquals(3, range("\"ten.txt\" 3 7").start());
        assertEquals(7, range("\"ten.txt\" 3 7").end());
        assertEquals(10, range("\"ten.txt\" 10 10").start());
    }

    @Test
    void theLastQuoteClosesAQuotedPath() throws Exception {
        Files.writeString(root.resolve("say \"hi\""), "hi");
        assertEquals("/say \"hi\"", range("\"say \"hi\"\" 0 2").file().path());
        assertEquals(2, range("\"say \"hi\"\" 0 2").end());
    }

    @Test
    void anArgumentIsRequired() {
        assertEquals(501, code(EnumSet.of(Permission.READ), ""));
        assertEquals(501, code(EnumSet.of(Permission.READ), "  "));
    }

    @Test
    void malformedOffsetsAreSyntaxErrors() {
        assertEquals(501, code(EnumSet.of(Permission.READ), "\"ten.txt"));
        assertEquals(501, code(EnumSet.of(Permission.READ), "\"ten.txt\" x"));
        assertEquals(501, code(EnumSet.of(Permission.READ), "\"ten.txt\" 1 2 3"));
        assertEquals(501, code(EnumSet.of(Permission.READ), "\"ten.txt\" -1 2"));
        assertEquals(501, code(EnumSet.of(Permission.READ), "\"ten.txt\" 99999999999999999999"));
    }

    @Test
    void offsetsOutsideTheFileAreRefused() {
        assertEquals(550, code(EnumSet.of(Permission.READ), "\"ten.txt\" 11"));
        assertEquals(550, code(EnumSet.of(Permission.READ), "\"ten.txt\" 5 4"));
    }

    @Test
    void onlyExistingRegularFilesTheUserMayRead() {
        assertEquals(550, code(EnumSet.of(Permission.LIST, Permission.WRITE), "ten.txt"));
        assertEquals(550, code(EnumSet.of(Permission.READ), "missing.txt"));
        assertEquals(550, code(EnumSet.of(Permission.READ), "dir"));
        assertEquals(550, code(EnumSet.of(Permission.READ), "\"dir\" 0 0"));
    }

    private FileRange range(String argument) throws Exception {
        return FileRange.of(new FtpRequest("XCRC", argument), new TestSession(root, EnumSet.of(Permission.READ)).session);
    }

    private int code(Set<Permission> permissions, String argument) {
        return assertThrows(ReplyException.class,
                () -> FileRange.of(new FtpRequest("XCRC", argument), new TestSession(root, permissions).session))
                .reply().code();
    }
}
