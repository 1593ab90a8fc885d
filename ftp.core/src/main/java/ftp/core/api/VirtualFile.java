package ftp.core.api;

import java.nio.file.Path;

/**
 * A path argument resolved inside the user's home.
 *
 * @param path the absolute virtual path the client sees ({@code /} is the user's home)
 * @param file where it lives on disk; always inside the user's home
 */
public record VirtualFile(String path, Path file) {

    /** The last name of the virtual path ({@code "/"} for the home itself). */
    public String name() {
        int slash = path.lastIndexOf('/');
        return path.length() == 1 ? "/" : path.substring(slash + 1);
    }

    /** Whether this is the user's home. */
    public boolean isRoot() {
        return "/".equals(path);
    }
}
