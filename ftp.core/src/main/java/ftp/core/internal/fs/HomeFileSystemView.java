package ftp.core.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.util.Set;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import ftp.core.api.AtomicWrite;
import ftp.core.api.FileSystemView;
import ftp.core.api.ListedFile;
import ftp.core.api.LongListing;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;

/**
 * A user's view rooted at their home on the local file system.
 *
 * <p>Containment is checked twice: the virtual path is normalized as a string (so {@code ..}
 * cannot climb), and the nearest existing entry on the way to the target (the target itself, or
 * an ancestor) is resolved with {@link Path#toRealPath} and must lie inside the home's real path
 * (so a symbolic link cannot lead out; a dangling link is refused). Opening, creating and
 * deleting re-check and use in one step ({@link ContainedFiles}): a link swapped in after the
 * check cannot lead the use out of the home.
 */
public final class HomeFileSystemView implements FileSystemView {

    /**
     * Entries whose attributes a listing reads and holds together ({@link ListingWindows}, two
     * windows at a time): what bounds a listing's memory besides its names (issue 11).
     */
    static final int WINDOW = 4096;
    /**
     * From this many entries on, a helper on the common fork-join pool reads attributes with the
     * session's thread: one {@code fstatat} per entry was most of a large listing's time (issue 11).
     */
    static final int PARALLEL_FROM = 1024;

    private final Path home;
    private final Path realHome;
    private final boolean durable;
    private final FileChanges changes;
    private volatile String workingDirectory = "/";

    /**
     * @param home an existing directory
     * @param durable whether a committed upload is forced to disk first ({@code transfer.durable})
     * @param changes hears every delete, rename and directory made or removed through this view
     */
    public HomeFileSystemView(Path home, boolean durable, FileChanges changes) throws IOException {
        this.home = home.toAbsolutePath().normalize();
        this.realHome = this.home.toRealPath();
        this.durable = durable;
        this.changes = changes;
    }

    public Path home() {
        return home;
    }

    @Override
    public String workingDirectory() {
        return workingDirectory;
    }

    @Override
    public VirtualFile resolve(String argument) throws ReplyException {
        VirtualFile target = target(argument);
        checkContained(target.file());
        return target;
    }

    /** The argument as a path below the home, not yet checked against links. */
    private VirtualFile target(String argument) throws ReplyException {
        String virtual = VirtualPaths.resolve(workingDirectory, argument);
        Path file = virtual.length() == 1 ? home : home.resolve(virtual.substring(1));
        if (!file.normalize().startsWith(home)) {
            throw new ReplyException(550, "Permission denied");
        }
        return new VirtualFile(virtual, file);
    }

    /** Refuses a path whose nearest existing entry lies outside the home. @return whether the path itself exists */
    private boolean checkContained(Path file) throws ReplyException {
        // NOFOLLOW_LINKS: a dangling link is an existing entry, and toRealPath below refuses it
        // (following it with CREATE would write wherever it points).
        Path existing = file;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(realHome)) {
                throw new ReplyException(550, "Permission denied");
            }
        } catch (IOException e) {
            throw new ReplyException(550, "Permission denied");
        }
        return existing == file;
    }

    @Override
    public List<VirtualFile> entries(VirtualFile dir) throws ReplyException {
        return list(dir).stream().map(ListedFile::file).toList();
    }

    @Override
    public List<ListedFile> list(VirtualFile dir) throws ReplyException {
        try (Stream<ListedFile> entries = listing(dir)) {
            return entries.toList();
        }
    }

    /**
     * Reads the directory through a stream opened from the home down, so a link swapped in for it
     * after the check cannot list another directory; it stays open until the listing is closed.
     * The names are read and sorted at once, the attributes {@link #WINDOW} entries at a time as
     * the listing is consumed: one {@code fstatat} each relative to the open directory; only
     * symbolic links are resolved further (they must stay inside the home, and show their
     * target's attributes).
     */
    @Override
    public Stream<ListedFile> listing(VirtualFile dir) throws ReplyException {
        ContainedFiles.Directory directory = null;
        DirectoryStream<Path> children = null;
        boolean streaming = false;
        try {
            directory = ContainedFiles.Directory.of(realHome, ContainedFiles.realDirectory(realHome, dir.file()));
            children = directory.secure != null ? directory.secure : Files.newDirectoryStream(directory.path);
            List<String> names = new ArrayList<>();
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (VirtualPaths.allowed(name)) { // not an upload temporary, nor a name no reply may carry
                    names.add(name);
                }
            }
            names.sort(null); // the names alone: sorting the entries by a key cost twice as much
            ContainedFiles.Directory open = directory;
            DirectoryStream<Path> read = children;
            ListingWindows entries = new ListingWindows(dir, names, WINDOW, name -> shown(open, dir, name),
                    names.size() >= PARALLEL_FROM ? ForkJoinPool.commonPool() : null);
            Stream<ListedFile> listing = StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries,
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                        entries.close();
                        close(read, open);
                    });
            streaming = true;
            return listing;
        } catch (IOException | DirectoryIteratorException e) { // the latter: a read error while iterating
            throw new ReplyException(550, dir.path() + ": cannot read directory");
        } finally {
            if (!streaming) {
                close(children, directory);
            }
        }
    }

    private static void close(DirectoryStream<Path> children, ContainedFiles.Directory directory) {
        try {
            if (children != null) {
                children.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            // closing a directory read to its end: nothing was written
        }
    }

    /** What a listing shows of an entry: its attributes, or null when it is not shown. */
    private BasicFileAttributes shown(ContainedFiles.Directory directory, VirtualFile dir, String name) {
        try {
            // a name from the directory holds no separator and is neither . nor ..
            return attributes(directory, dir, name);
        } catch (ReplyException outside) {
            return null; // a symbolic link out of the home is not shown
        }
    }

    /**
     * The attributes a listing shows for {@code name} in {@code directory}; null when it vanished,
     * dangles, or is a name that is not valid in the file system's encoding: it decodes to
     * another name (U+FFFD), which, encoded again, names nothing, so no command could address it.
     *
     * @throws ReplyException when it is a symbolic link that leads out of the home
     */
    private BasicFileAttributes attributes(ContainedFiles.Directory directory, VirtualFile dir, String name)
            throws ReplyException {
        try {
            if (directory.secure != null) {
                BasicFileAttributes own = directory.secure.getFileAttributeView(
                        directory.path.getFileSystem().getPath(name), PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
                if (!own.isSymbolicLink()) {
                    return own;
                }
            }
            Path entry = dir.file().resolve(name);
            return checkContained(entry) ? LongListing.attributes(entry) : null;
        } catch (IOException gone) {
            return null;
        }
    }

    @Override
    public AtomicWrite replace(VirtualFile target) throws IOException {
        return AtomicUpload.begin(realHome, target.file(), durable);
    }

    @Override
    public FileChannel open(VirtualFile file, Set<? extends OpenOption> options) throws IOException {
        return ContainedFiles.open(realHome, file.file(), options);
    }

    @Override
    public boolean delete(VirtualFile file) throws IOException {
        boolean deleted = ContainedFiles.delete(realHome, file.file());
        if (deleted) {
            changes.changed(FileChanges.Change.DELETED, file, null);
        }
        return deleted;
    }

    @Override
    public void rename(VirtualFile from, VirtualFile to, boolean replace) throws IOException {
        ContainedFiles.rename(realHome, from.file(), to.file(), replace);
        changes.changed(FileChanges.Change.RENAMED, to, from);
    }

    @Override
    public void createDirectory(VirtualFile dir) throws IOException {
        ContainedFiles.createDirectory(realHome, dir.file());
        changes.changed(FileChanges.Change.DIRECTORY_CREATED, dir, null);
    }

    @Override
    public void deleteDirectory(VirtualFile dir) throws IOException {
        ContainedFiles.deleteDirectory(realHome, dir.file());
        changes.changed(FileChanges.Change.DIRECTORY_REMOVED, dir, null);
    }

    @Override
    public void setPermissions(VirtualFile file, Set<java.nio.file.attribute.PosixFilePermission> permissions)
            throws IOException {
        ContainedFiles.setPermissions(realHome, file.file(), permissions);
    }

    @Override
    public void setTimes(VirtualFile file, java.nio.file.attribute.FileTime modified,
            java.nio.file.attribute.FileTime accessed) throws IOException {
        ContainedFiles.setTimes(realHome, file.file(), modified, accessed);
    }

    @Override
    public void changeDirectory(String argument) throws ReplyException {
        VirtualFile target = resolve(argument);
        if (!Files.isDirectory(target.file())) {
            throw new ReplyException(550, target.path() + ": No such directory");
        }
        workingDirectory = target.path();
    }
}
