package ftp.core.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ftp.core.api.ReplyException;

class VirtualPathsTest {

    @Test
    void parentOfRootIsRoot() throws Exception {
        assertEquals("/", VirtualPaths.resolve("/", ".."));
        assertEquals("/", VirtualPaths.resolve("/", "../../.."));
    }

    @Test
    void dotDotStopsAtRoot() throws Exception {
        assertEquals("/etc", VirtualPaths.resolve("/a/b", "../../../etc"));
    }

    @Test
    void relativeArgumentIsResolvedAgainstWorkingDirectory() throws Exception {
        assertEquals("/a/b/c", VirtualPaths.resolve("/a/b", "c"));
        assertEquals("/a/c", VirtualPaths.resolve("/a/b", "../c"));
    }

    @Test
    void backslashesAreSeparators() throws Exception {
        assertEquals("/x", VirtualPaths.resolve("/a", "..\\..\\x"));
        assertEquals("/a/b/c", VirtualPaths.resolve("/", "a\\b\\c"));
    }

    @Test
    void dotsAndEmptySegmentsAreDropped() throws Exception {
        assertEquals("/a/b", VirtualPaths.resolve("/", "./a//./b/"));
        assertEquals("/a", VirtualPaths.resolve("/a", "."));
        assertEquals("/a", VirtualPaths.resolve("/a", ""));
    }

    @Test
    void absoluteArgumentIgnoresWorkingDirectory() throws Exception {
        assertEquals("/pub/file", VirtualPaths.resolve("/a/b", "/pub/file"));
        assertEquals("/pub", VirtualPaths.resolve("/a/b", "\\pub"));
    }

    @Test
    void threeDotsIsAName() throws Exception {
        assertEquals("/a/...", VirtualPaths.resolve("/a", "..."));
    }

    @Test
    void nulIsRefusedWith553LikeEveryControlCharacter() {
        ReplyException e = assertThrows(ReplyException.class, () -> VirtualPaths.resolve("/", "a\0b"));
        assertEquals(553, e.reply().code());
    }
}
