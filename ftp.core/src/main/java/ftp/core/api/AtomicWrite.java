package ftp.core.api;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A replacement for a file, written beside it under a hidden name and moved over it only by
 * {@link #commit()}: until then the target is untouched, and closing without a commit leaves no
 * trace. From {@link FileSystemView#replace}.
 */
@ProviderType
public interface AtomicWrite extends AutoCloseable {

    /** Where the new content goes (positioned writes are fine). */
    FileChannel channel();

    /** Moves the complete file over the target (atomically where the file system can). */
    void commit() throws IOException;

    /** Removes the temporary file unless committed. */
    @Override
    void close() throws IOException;
}
