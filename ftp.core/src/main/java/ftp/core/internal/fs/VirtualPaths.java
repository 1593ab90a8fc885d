package ftp.core.internal.fs;

import java.util.ArrayDeque;
import java.util.Deque;

import ftp.core.api.ReplyException;

/**
 * Pure string arithmetic on virtual paths: no file-system access, no way above {@code /}.
 */
public final class VirtualPaths {

    private VirtualPaths() {
    }

    /**
     * Resolves {@code argument} against {@code workingDirectory} into a normalized absolute
     * virtual path. Backslashes are separators (Windows clients send them), {@code .} is dropped,
     * {@code ..} stops at the root.
     *
     * @throws ReplyException {@code 501} for a NUL byte
     */
    public static String resolve(String workingDirectory, String argument) throws ReplyException {
        if (argument.indexOf('\0') >= 0) {
            throw new ReplyException(501, "Invalid character in path name");
        }
        String path = argument.replace('\\', '/');
        String combined = path.startsWith("/") ? path : workingDirectory + "/" + path;
        Deque<String> names = new ArrayDeque<>();
        for (String name : combined.split("/")) {
            if (name.isEmpty() || ".".equals(name)) {
                continue;
            }
            if ("..".equals(name)) {
                names.pollLast();
            } else {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }
}
