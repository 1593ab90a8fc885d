package ftp.core.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;

class HomeFileSystemViewTest {

    @TempDir
    Path temp;

    private Path home;
    private Path secret;
    private HomeFileSystemView view;

    @BeforeEach
    void layout() throws IOException {
        home = Files.createDirectory(temp.resolve("home"));
        secret = Files.createDirectory(temp.resolve("secret"));
        Files.writeString(secret.resolve("file"), "outside");
        Files.createDirectory(home.resolve("sub"));
        Files.writeString(home.resolve("plain.txt"), "inside");
        view = new HomeFileSystemView(home, true, FileChanges.NONE);
    }

    @Test
    void rootIsTheHome() throws Exception {
        VirtualFile root = view.resolve("/");
        assertTrue(root.isRoot());
        assertEquals(home.toAbsolutePath().normalize(), root.file());
        assertEquals("/", view.workingDirectory());
    }

    @Test
    void dotDotCannotClimbOutOfTheHome() throws Exception {
        VirtualFile file = view.resolve("../secret");
        assertEquals("/secret", file.path());
        assertEquals(home.resolve("secret"), file.file());
        assertTrue(file.file().startsWith(home));
        assertFalse(Files.exists(file.file()));
    }

    @Test
    void symlinkToOutsideIsRefused() throws Exception {
        assumeSymlinks();
        Files.createSymbolicLink(home.resolve("link"), secret);
        assertEquals(550, assertThrows(ReplyException.class, () -> view.resolve("link")).reply().code());
        assertEquals(550, assertThrows(ReplyException.class, () -> view.resolve("link/file")).reply().code());
        assertEquals(550, assertThrows(ReplyException.class, () -> view.resolve("/link/new-file")).reply().code());
        assertEquals(550, assertThrows(ReplyException.class, () -> view.changeDirectory("link")).reply().code());
        assertEquals("/", view.workingDirectory());
    }

    /**
     * Issue 11: a listing reads each entry's attributes once, relative to the open directory;
     * links inside the home show their target, links out of it and dangling ones are not listed.
     */
    @Test
    void listGivesEachEntryItsAttributesAndHidesLinksThatLeave() throws Exception {
        assumeSymlinks();
        Files.createSymbolicLink(home.resolve("out"), secret.resolve("file"));
        Files.createSymbolicLink(home.resolve("dangling"), home.resolve("nothing"));
        Files.createSymbolicLink(home.resolve("in"), home.resolve("plain.txt"));
        java.util.List<ftp.core.api.ListedFile> listed = view.list(view.resolve("/"));
        assertEquals(java.util.List.of("/in", "/plain.txt", "/sub"), listed.stream().map(l -> l.file().path()).toList());
        assertEquals(6, listed.get(0).attributes().size(), "a link shows its target");
        assertFalse(listed.get(0).attributes().isSymbolicLink());
        assertEquals(6, listed.get(1).attributes().size());
        assertTrue(listed.get(2).attributes().isDirectory());
        assertTrue(listed.get(1).attributes() instanceof java.nio.file.attribute.PosixFileAttributes);
        assertEquals(listed.stream().map(ftp.core.api.ListedFile::file).toList(), view.entries(view.resolve("/")));
    }

    /**
     * Issue 11: a large directory's attributes are read ahead, window by window, on two threads;
     * the listing is the same: every entry in name order with its own attributes, links that
     * leave or dangle left out.
     */
    @Test
    void aLargeDirectoryListsInOrderWithEachEntrysOwnAttributes() throws Exception {
        assumeSymlinks();
        int files = HomeFileSystemView.WINDOW * 2 + 100;
        java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("/in", "/plain.txt", "/sub"));
        for (int i = 0; i < files; i++) {
            String name = String.format("f%05d", i);
            Files.write(home.resolve(name), new byte[i % 500]);
            expected.add("/" + name);
            if (i % 700 == 0) {
                Files.createSymbolicLink(home.resolve(name + "-out"), secret.resolve("file"));
                Files.createSymbolicLink(home.resolve(name + "-dangling"), home.resolve("nothing-" + i));
            }
        }
        Files.createSymbolicLink(home.resolve("in"), home.resolve("plain.txt"));
        expected.sort(null);

        java.util.List<ftp.core.api.ListedFile> listed = view.list(view.resolve("/"));

        assertEquals(expected, listed.stream().map(l -> l.file().path()).toList());
        for (ftp.core.api.ListedFile entry : listed) {
            if (entry.name().startsWith("f")) {
                assertEquals(Integer.parseInt(entry.name().substring(1)) % 500, entry.attributes().size(), entry.name());
            }
        }
    }

    /**
     * Issue 11: a listing reads its attributes window by window as it is consumed, so memory
     * holds the names and one window: an entry of a later window deleted after the first entry
     * was read is left out (its name was read at once, its attributes only when its turn came).
     */
    @Test
    void aListingReadsItsAttributesAsItIsConsumed() throws Exception {
        int files = HomeFileSystemView.WINDOW * 2 + 10;
        for (int i = 0; i < files; i++) {
            Files.writeString(home.resolve(String.format("f%05d", i)), "x");
        }
        String late = String.format("f%05d", files - 1);
        try (java.util.stream.Stream<ftp.core.api.ListedFile> listing = view.listing(view.resolve("/"))) {
            java.util.Iterator<ftp.core.api.ListedFile> entries = listing.iterator();
            assertEquals("f00000", entries.next().name());
            Files.delete(home.resolve(late));
            java.util.List<String> rest = new java.util.ArrayList<>();
            entries.forEachRemaining(entry -> rest.add(entry.name()));
            assertEquals(files - 2 + 2, rest.size(), "every other file, plain.txt and sub; not the deleted one");
            assertFalse(rest.contains(late));
        }
    }

    @Test
    void symlinkToFileOutsideIsRefused() throws Exception {
        assumeSymlinks();
        Files.createSymbolicLink(home.resolve("passwd"), secret.resolve("file"));
        assertEquals(550, assertThrows(ReplyException.class, () -> view.resolve("passwd")).reply().code());
    }

    @Test
    void symlinkInsideTheHomeIsAllowed() throws Exception {
        assumeSymlinks();
        Files.writeString(home.resolve("sub/data.txt"), "x");
        Files.createSymbolicLink(home.resolve("alias"), home.resolve("sub"));
        VirtualFile file = view.resolve("alias/data.txt");
        assertEquals("/alias/data.txt", file.path());
        assertEquals("x", Files.readString(file.file()));
        view.changeDirectory("alias");
        assertEquals("/alias", view.workingDirectory());
    }

    @Test
    void changeDirectoryToSubdirectory() throws Exception {
        view.changeDirectory("sub");
        assertEquals("/sub", view.workingDirectory());
        assertEquals("/sub/x", view.resolve("x").path());
        view.changeDirectory("..");
        assertEquals("/", view.workingDirectory());
    }

    @Test
    void changeDirectoryToFileIsRefusedAndKeepsWorkingDirectory() throws Exception {
        view.changeDirectory("sub");
        ReplyException e = assertThrows(ReplyException.class, () -> view.changeDirectory("/plain.txt"));
        assertEquals(550, e.reply().code());
        assertEquals("/sub", view.workingDirectory());
    }

    @Test
    void changeDirectoryToMissingDirectoryIsRefusedAndKeepsWorkingDirectory() throws Exception {
        ReplyException e = assertThrows(ReplyException.class, () -> view.changeDirectory("missing"));
        assertEquals(550, e.reply().code());
        assertEquals("/", view.workingDirectory());
    }

    @Test
    void notYetExistingFileInsideTheHomeResolves() throws Exception {
        VirtualFile file = view.resolve("sub/upload.bin");
        assertEquals("/sub/upload.bin", file.path());
        assertEquals(home.resolve("sub/upload.bin"), file.file());
        assertFalse(Files.exists(file.file()));
        assertEquals("/new/deeper/file", view.resolve("new/deeper/file").path());
    }

    @Test
    void nulIsRefusedWith553LikeEveryControlCharacter() {
        assertEquals(553, assertThrows(ReplyException.class, () -> view.resolve("a\0b")).reply().code());
    }

    private void assumeSymlinks() {
        Path probe = temp.resolve("probe");
        try {
            Files.createSymbolicLink(probe, home);
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "symbolic links not supported: " + e);
        }
    }

    @Test
    void aDanglingLinkPointingOutsideIsRefused() throws Exception {
        Path home = Files.createDirectories(temp.resolve("dangling-home"));
        Files.createSymbolicLink(home.resolve("dangling"), temp.resolve("outside.txt"));
        HomeFileSystemView view = new HomeFileSystemView(home, true, FileChanges.NONE);
        assertEquals(550, assertThrows(ReplyException.class, () -> view.resolve("dangling")).reply().code());
        assertEquals(550, assertThrows(ReplyException.class, () -> view.resolve("dangling/below")).reply().code());
    }
}
