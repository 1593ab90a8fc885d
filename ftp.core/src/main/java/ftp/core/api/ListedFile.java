package ftp.core.api;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * An entry of a directory listing with its attributes, read once while the directory was read
 * ({@link FileSystemView#list}). For a symbolic link inside the home they are its target's, as
 * {@code ls -lL} shows them. On POSIX file systems {@code attributes} is also a
 * {@link java.nio.file.attribute.PosixFileAttributes}.
 *
 * @param name the entry's name in its directory
 * @param file the entry
 * @param attributes its attributes
 * @since 1.2
 */
public record ListedFile(String name, VirtualFile file, BasicFileAttributes attributes) {
}
