package ftp.core.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import ftp.core.api.AtomicWrite;

/**
 * An upload written beside its target under a hidden temporary name and moved over the target
 * only when complete: an interrupted STOR never destroys the file it would replace. The
 * temporary is created, renamed and removed relative to the target's directory, opened from the
 * home down without following links ({@link ContainedFiles}): a directory swapped for a link
 * meanwhile cannot send the upload out of the home.
 */
public final class AtomicUpload implements AtomicWrite {

    /** Prefix of the temporary files; clients can neither see nor address them. */
    public static final String TEMP_PREFIX = ".ftp-upload-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private final ContainedFiles.Directory directory;
    private final Path temp;
    private final Path target;
    private final FileChannel channel;
    private final boolean durable;
    private boolean committed;

    private AtomicUpload(ContainedFiles.Directory directory, Path temp, Path target, FileChannel channel,
            boolean durable) {
        this.directory = directory;
        this.temp = temp;
        this.target = target;
        this.channel = channel;
        this.durable = durable;
    }

    /**
     * @param target the file to replace, below {@code realHome}; its directory must exist
     * @param durable whether {@link #commit} forces the data to disk before the move
     */
    public static AtomicUpload begin(Path realHome, Path target, boolean durable) throws IOException {
        Path parent = ContainedFiles.realDirectory(realHome, target.getParent());
        ContainedFiles.Directory directory = ContainedFiles.Directory.of(realHome, parent);
        try {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            Path temp = Path.of(TEMP_PREFIX + HexFormat.of().formatHex(random) + ".part");
            // an uploaded file gets the usual rw-r--r--, not a temporary file's owner-only mode
            boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] mode = posix ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")) }
                    : new FileAttribute<?>[0];
            FileChannel channel = directory.secure != null ? (FileChannel) directory.secure.newByteChannel(temp, CREATE, mode)
                    : FileChannel.open(parent.resolve(temp), CREATE, mode);
            return new AtomicUpload(directory, temp, target.getFileName(), channel, durable);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    @Override
    public FileChannel channel() {
        return channel;
    }

    @Override
    public void commit() throws IOException {
        if (durable) {
            channel.force(false);
        }
        channel.close();
        if (directory.secure != null) {
            directory.secure.move(temp, directory.secure, target); // renameat: atomic, replaces
        } else {
            try {
                Files.move(directory.path.resolve(temp), directory.path.resolve(target), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(directory.path.resolve(temp), directory.path.resolve(target), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Removes the temporary file unless the upload was committed. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
            if (!committed) {
                if (directory.secure != null) {
                    try {
                        directory.secure.deleteFile(temp);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // nothing left
                    }
                } else {
                    Files.deleteIfExists(directory.path.resolve(temp));
                }
            }
        } finally {
            directory.close();
        }
    }
}
