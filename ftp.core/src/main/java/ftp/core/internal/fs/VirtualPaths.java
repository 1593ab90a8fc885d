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
     * @throws ReplyException {@code 553} for a name that is not allowed (see {@link #allowed}),
     *         a NUL byte included
     */
    public static String resolve(String workingDirectory, String argument) throws ReplyException {
        if (argument.indexOf('\0') >= 0) {
            throw new ReplyException(553, "File name not allowed");
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
            } else if (!allowed(name)) {
                throw new ReplyException(553, "File name not allowed");
            } else {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    /**
     * Whether a client may use this name: no control character (C0, DEL, C1: a CR or LF would
     * forge reply lines, in PWD and in listings), no line or paragraph separator (U+2028, U+2029),
     * no bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069: a name that
     * displays as another), and not an upload temporary's name. Listings skip names on disk that
     * fail this, so no reply ever carries one.
     */
    public static boolean allowed(String name) {
        if (name.startsWith(AtomicUpload.TEMP_PREFIX)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                return false;
            }
        }
        return true;
    }
}
