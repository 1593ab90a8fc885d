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
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

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

    static FileChannel openRead(Path realHome, Path file) throws IOException {
        return open(realHome, file, Set.of(StandardOpenOption.READ));
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
                return Files.deleteIfExists(parent.resolve(file.getFileName()));
            }
            directory.secure.deleteFile(file.getFileName());
            return true;
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
