package ftp.core.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.ReplyException;

/**
 * Opening, creating and deleting below a home with the containment check and the use in one
 * step (issue 10 item 1). The path is first resolved to its real path (links inside the home are
 * fine) and checked to lie inside the home's real path; then every directory on the way is opened
 * relative to the previous one, from the home down, and the file relative to its directory, never
 * following a link ({@link SecureDirectoryStream}, openat with O_NOFOLLOW on Linux). A directory
 * swapped for a link between the check and the use makes the open fail instead of leading out.
 *
 * <p>Where the platform has no SecureDirectoryStream, the fallback opens the real path with
 * NOFOLLOW_LINKS on its last component only: a link swapped in for an intermediate directory
 * between the check and the open is not caught there.
 */
final class ContainedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ContainedFiles.class);

    private ContainedFiles() {
    }

    /** The real path of {@code file} (or of its parent, plus its name, when it does not exist), inside the home. */
    static Path real(Path realHome, Path file) throws IOException {
        Path real = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? file.toRealPath()
                : file.getParent().toRealPath().resolve(file.getFileName());
        if (!real.startsWith(realHome) || real.equals(realHome)) {
            throw new ReplyException(550, "Permission denied");
        }
        return real;
    }

    /** Opens {@code file} with {@code options}; the last component is never followed if it is a link. */
    static FileChannel open(Path realHome, Path file, Set<? extends OpenOption> options) throws IOException {
        Path real = real(realHome, file);
        Set<OpenOption> noFollow = new HashSet<>(options);
        noFollow.add(LinkOption.NOFOLLOW_LINKS);
        try (Directory parent = Directory.of(realHome, real.getParent())) {
            refuseSpecial(parent, real);
            if (parent.secure == null) {
                return FileChannel.open(real, noFollow);
            }
            SeekableByteChannel channel = parent.secure.newByteChannel(real.getFileName(), noFollow);
            if (channel instanceof FileChannel fileChannel) {
                return fileChannel;
            }
            channel.close();
            throw new IOException("this platform's directory streams give no file channels");
        }
    }

    /**
     * Only regular files are opened: opening a FIFO blocks the thread for good, a directory (swapped
     * in by the operator's side after the command's checks) fails deep in the transfer. Checked in
     * the opened parent, without following a link; a missing file is left to the open.
     */
    private static void refuseSpecial(Directory parent, Path real) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = parent.secure != null
                    ? parent.secure.getFileAttributeView(real.getFileName(), BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).readAttributes()
                    : Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new ReplyException(550, "Not a plain file");
        }
    }

    /** The real path of an existing directory inside (or equal to) the home. */
    static Path realDirectory(Path realHome, Path directory) throws IOException {
        Path real = directory.toRealPath();
        if (!real.startsWith(realHome)) {
            throw new ReplyException(550, "Permission denied");
        }
        return real;
    }

    /** Deletes a file (not a directory) in one step with its check. @return whether it existed */
    static boolean delete(Path realHome, Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path parent = realDirectory(realHome, file.getParent());
        try (Directory directory = Directory.of(realHome, parent)) {
            if (directory.secure == null) {
                Path target = parent.resolve(file.getFileName());
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ReplyException(550, "Is a directory; use RMD");
                }
                return Files.deleteIfExists(target);
            }
            directory.secure.deleteFile(file.getFileName());
            return true;
        }
    }

    /** Renames an entry (a link is renamed, not followed); without {@code replace} an existing target fails. */
    static void rename(Path realHome, Path from, Path to, boolean replace) throws IOException {
        try (Directory source = Directory.of(realHome, realDirectory(realHome, from.getParent()));
                Directory target = Directory.of(realHome, realDirectory(realHome, to.getParent()))) {
            Path fromName = from.getFileName();
            Path toName = to.getFileName();
            if (source.secure == null || target.secure == null) {
                Path real = target.path.resolve(toName);
                if (replace) {
                    Files.move(source.path.resolve(fromName), real, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(source.path.resolve(fromName), real);
                }
                return;
            }
            if (!replace && exists(target.secure, toName)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            source.secure.move(fromName, target.secure, toName); // renameat: atomic, replaces
        }
    }

    /** Removes an empty directory (not a link to one). */
    static void deleteDirectory(Path realHome, Path directory) throws IOException {
        try (Directory parent = Directory.of(realHome, realDirectory(realHome, directory.getParent()))) {
            if (parent.secure == null) {
                Files.delete(parent.path.resolve(directory.getFileName()));
            } else {
                parent.secure.deleteDirectory(directory.getFileName());
            }
        }
    }

    /**
     * Creates a directory. Java has no mkdirat (SecureDirectoryStream cannot create directories),
     * so this is the one operation that cannot be made race-free: the parent is opened from the
     * home down without following links, the directory is created by the parent's real path, and
     * then looked up in the opened parent (by file key). If a link was swapped in for a directory
     * on the way in between, the new directory is not there: the command is refused (550) and the
     * operator is told, since an empty directory may then exist outside the home. Nothing is ever
     * written into it.
     */
    static void createDirectory(Path realHome, Path directory) throws IOException {
        Path parent = realDirectory(realHome, directory.getParent());
        try (Directory checked = Directory.of(realHome, parent)) {
            Path created = Files.createDirectory(checked.path.resolve(directory.getFileName()));
            if (checked.secure == null) {
                return;
            }
            Object byPath = Files.readAttributes(created, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            Object inParent;
            try {
                inParent = checked.secure.getFileAttributeView(directory.getFileName(), BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes().fileKey();
            } catch (java.nio.file.NoSuchFileException e) {
                inParent = null;
            }
            if (byPath == null || !byPath.equals(inParent)) {
                LOG.warn("MKD {}: a link was swapped in on the way while the directory was created; an empty "
                        + "directory may have been created outside the home", created);
                throw new ReplyException(550, "Permission denied");
            }
        }
    }

    /** The POSIX permissions of the file a path leads to (links inside the home followed). */
    static void setPermissions(Path realHome, Path file, Set<PosixFilePermission> permissions) throws IOException {
        attributes(realHome, file, PosixFileAttributeView.class, view -> view.setPermissions(permissions));
    }

    /** The times of the file a path leads to (links inside the home followed); null leaves one as it is. */
    static void setTimes(Path realHome, Path file, FileTime modified, FileTime accessed) throws IOException {
        attributes(realHome, file, BasicFileAttributeView.class, view -> view.setTimes(modified, accessed, null));
    }

    private interface ViewAction<V> {
        void apply(V view) throws IOException;
    }

    private static <V extends FileAttributeView> void attributes(Path realHome, Path file, Class<V> type,
            ViewAction<V> action) throws IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(realHome)) {
            throw new ReplyException(550, "Permission denied");
        }
        if (real.equals(realHome)) {
            action.apply(Files.getFileAttributeView(realHome, type));
            return;
        }
        BasicFileAttributes kind = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!kind.isRegularFile() && !kind.isDirectory()) {
            // the secure view opens the entry: a FIFO would block the command thread
            throw new ReplyException(550, "Not a plain file or directory");
        }
        try (Directory parent = Directory.of(realHome, real.getParent())) {
            V view = parent.secure == null ? Files.getFileAttributeView(real, type, LinkOption.NOFOLLOW_LINKS)
                    : parent.secure.getFileAttributeView(real.getFileName(), type, LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                throw new UnsupportedOperationException(type.getSimpleName());
            }
            try {
                action.apply(view);
            } catch (java.nio.file.AccessDeniedException unreadable) {
                // the secure view opens the file for reading first (fchmod, futimens): a file the
                // server may not read (mode 000) is changed through its checked real path instead
                action.apply(Files.getFileAttributeView(real, type, LinkOption.NOFOLLOW_LINKS));
            }
        }
    }

    private static boolean exists(SecureDirectoryStream<Path> directory, Path name) throws IOException {
        try {
            directory.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /**
     * A directory below the home, opened from the home down without following links; its
     * {@code secure} stream is null where the platform has none.
     */
    static final class Directory implements AutoCloseable {
        final SecureDirectoryStream<Path> secure;
        final Path path;

        private Directory(SecureDirectoryStream<Path> secure, Path path) {
            this.secure = secure;
            this.path = path;
        }

        /** @param realDirectory a real path inside (or equal to) {@code realHome} */
        static Directory of(Path realHome, Path realDirectory) throws IOException {
            if (!realDirectory.startsWith(realHome)) {
                throw new ReplyException(550, "Permission denied");
            }
            DirectoryStream<Path> home = Files.newDirectoryStream(realHome);
            if (!(home instanceof SecureDirectoryStream<Path> current)) {
                home.close();
                return new Directory(null, realDirectory);
            }
            try {
                for (Path name : realHome.relativize(realDirectory)) {
                    if (name.toString().isEmpty()) {
                        continue;
                    }
                    SecureDirectoryStream<Path> next = current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                    current.close();
                    current = next;
                }
                return new Directory(current, realDirectory);
            } catch (IOException | RuntimeException e) {
                current.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (secure != null) {
                secure.close();
            }
        }
    }
}
