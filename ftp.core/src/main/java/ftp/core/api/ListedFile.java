package ftp.core.api;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * An entry of a directory listing with its attributes, read once while the directory was read
 * ({@link FileSystemView#list}). For a symbolic link inside the home they are its target's, as
 * {@code ls -lL} shows them. On POSIX file systems {@code attributes} is also a
 * {@link java.nio.file.attribute.PosixFileAttributes}. The entry's own {@link VirtualFile} is made
 * only when asked for: a listing of 10,000 entries needs names and attributes only.
 *
 * @param directory the directory listed
 * @param name the entry's name in it
 * @param attributes its attributes
 * @since 1.2
 */
public record ListedFile(VirtualFile directory, String name, BasicFileAttributes attributes) {

    /** The entry itself. */
    public VirtualFile file() {
        return new VirtualFile((directory.isRoot() ? "/" : directory.path() + "/") + name, directory.file().resolve(name));
    }
}
