package ftp.core.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A user's view of the site's storage: rooted at the user's home, with a working directory.
 * No argument resolves outside the home: {@code ..} stops at the root, backslashes count as
 * separators, NUL bytes are refused, and symbolic links are followed only when their target
 * stays inside the home.
 */
@ProviderType
public interface FileSystemView {

    /** The working directory as the client sees it, starting with {@code /}. */
    String workingDirectory();

    /**
     * Resolves a path argument against the working directory.
     *
     * @throws ReplyException {@code 550} when the path leaves the home (also through a symbolic
     *         link), {@code 501} for a malformed argument
     */
    VirtualFile resolve(String argument) throws ReplyException;

    /**
     * Resolves a path argument that must name something that exists.
     *
     * @throws ReplyException {@code 550 <path>: No such file or directory}, or as {@link #resolve}
     */
    default VirtualFile existing(String argument) throws ReplyException {
        VirtualFile file = resolve(argument);
        if (!Files.exists(file.file())) {
            throw new ReplyException(550, file.path() + ": No such file or directory");
        }
        return file;
    }

    /**
     * The entries of a directory, sorted by name, as listings show them: without the server's
     * upload temporaries and without symbolic links that lead out of the home.
     *
     * @throws ReplyException {@code 550} when {@code dir} is not a readable directory
     */
    List<VirtualFile> entries(VirtualFile dir) throws ReplyException;

    /**
     * The {@link #entries} of a directory with their attributes, for listings. Entries that
     * vanish while the directory is read are left out. A view should read each entry's
     * attributes once, relative to the open directory; this default reads them by path.
     *
     * @throws ReplyException as {@link #entries}
     * @since 1.2
     */
    default List<ListedFile> list(VirtualFile dir) throws ReplyException {
        List<ListedFile> listed = new java.util.ArrayList<>();
        for (VirtualFile entry : entries(dir)) {
            try {
                listed.add(new ListedFile(dir, entry.name(), Files.readAttributes(entry.file(),
                        java.nio.file.attribute.BasicFileAttributes.class)));
            } catch (IOException vanished) {
                // deleted meanwhile: not listed
            }
        }
        return listed;
    }

    /**
     * The {@link #list} of a directory as a stream read while it is consumed, for listings of any
     * size: the names are read and sorted at once (so a directory that cannot be read fails here,
     * before any reply), the attributes window by window as the stream is consumed, so memory holds
     * the names and one window. The stream holds the directory open: close it (a
     * {@link DataConnections#sendLines(String, Stream, java.util.function.Function) sendLines}
     * transfer closes it when it ends). This default streams {@link #list}.
     *
     * @throws ReplyException as {@link #entries}
     * @since 1.4
     */
    default Stream<ListedFile> listing(VirtualFile dir) throws ReplyException {
        return list(dir).stream();
    }

    /**
     * Starts a replacement for {@code target} (which may not exist yet): see {@link AtomicWrite}.
     * Listings do not show the temporary file.
     */
    AtomicWrite replace(VirtualFile target) throws IOException;

    /**
     * Opens a file with its containment check and the open in one step: every directory on the way
     * is opened from the home down without following links, so a directory swapped for a link
     * after {@link #resolve} cannot lead the open out of the home. Commands open files only
     * through here (also third parties').
     *
     * @throws ReplyException {@code 550} when the file lies (now) outside the home
     * @since 1.1
     */
    FileChannel open(VirtualFile file, Set<? extends OpenOption> options) throws IOException;

    /**
     * Deletes a file (not a directory) in one step with its containment check, as {@link #open}.
     *
     * @return whether it existed
     * @since 1.1
     */
    boolean delete(VirtualFile file) throws IOException;

    /**
     * Renames an entry (a link is renamed, not followed), in one step with the containment check
     * of both directories; without {@code replace} an existing target fails with
     * {@link java.nio.file.FileAlreadyExistsException}.
     *
     * @since 1.1
     */
    void rename(VirtualFile from, VirtualFile to, boolean replace) throws IOException;

    /** Creates a directory, checked as {@link #open}. @since 1.1 */
    void createDirectory(VirtualFile dir) throws IOException;

    /** Removes an empty directory, checked as {@link #open}. @since 1.1 */
    void deleteDirectory(VirtualFile dir) throws IOException;

    /** Sets the POSIX permissions of the file a path leads to, checked as {@link #open}. @since 1.1 */
    void setPermissions(VirtualFile file, Set<java.nio.file.attribute.PosixFilePermission> permissions) throws IOException;

    /**
     * Sets the modification and access times of the file a path leads to ({@code null} keeps
     * one), checked as {@link #open}.
     *
     * @since 1.1
     */
    void setTimes(VirtualFile file, java.nio.file.attribute.FileTime modified, java.nio.file.attribute.FileTime accessed)
            throws IOException;

    /** Changes the working directory. @throws ReplyException {@code 550} unless it is a directory */
    void changeDirectory(String argument) throws ReplyException;
}
