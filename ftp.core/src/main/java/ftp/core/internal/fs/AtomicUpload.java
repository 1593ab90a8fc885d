package ftp.core.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import ftp.core.api.AtomicWrite;

/**
 * An upload written beside its target under a hidden temporary name and moved over the target
 * only when complete: an interrupted STOR never destroys the file it would replace.
 */
public final class AtomicUpload implements AtomicWrite {

    /** Prefix of the temporary files; listings hide them. */
    public static final String TEMP_PREFIX = ".ftp-upload-";

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean committed;

    private AtomicUpload(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    public static AtomicUpload begin(Path target) throws IOException {
        Path dir = target.getParent();
        // createTempFile would make the file owner-only; an uploaded file gets the usual rw-r--r--.
        Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, TEMP_PREFIX, ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
                : Files.createTempFile(dir, TEMP_PREFIX, ".part");
        return new AtomicUpload(target, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
    }

    @Override
    public FileChannel channel() {
        return channel;
    }

    @Override
    public void commit() throws IOException {
        channel.force(false);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Removes the temporary file unless the upload was committed. */
    @Override
    public void close() throws IOException {
        channel.close();
        if (!committed) {
            Files.deleteIfExists(temp);
        }
    }
}
