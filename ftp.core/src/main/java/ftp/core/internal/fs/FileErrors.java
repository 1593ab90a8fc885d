package ftp.core.internal.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

import ftp.core.api.Reply;

/**
 * The RFC 959 reply for a file operation that failed (issue 10): never the exception's text,
 * which carries the server's own path. {@code 452} when the disk (or a quota) is full, {@code 553}
 * for a name the file system cannot hold, {@code 550} when the file is missing, in the way or
 * not accessible, {@code 451} for any other local error.
 */
public final class FileErrors {

    private FileErrors() {
    }

    public static Reply reply(IOException e) {
        String reason = reason(e);
        if (reason.contains("no space left") || reason.contains("quota exceeded")) {
            return Reply.of(452, "Requested action not taken: insufficient storage space");
        }
        if (reason.contains("file name too long")) {
            return Reply.of(553, "File name not allowed");
        }
        if (reason.contains("too many levels of symbolic links") || reason.contains("not a directory")) {
            // a link (or a file) found where a directory was when the path was checked
            return Reply.of(550, "Permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return Reply.of(550, "Requested action not taken: no such file or directory");
        }
        if (e instanceof AccessDeniedException) {
            return Reply.of(550, "Permission denied");
        }
        if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException
                || e instanceof NotDirectoryException) {
            return Reply.of(550, "Requested action not taken: something is in the way");
        }
        return Reply.of(451, "Requested action aborted: local error in processing");
    }

    /** Whether the failure is the file system's (not the network's): those are logged at WARN. */
    public static boolean local(IOException e) {
        String reason = reason(e);
        return e instanceof FileSystemException || reason.contains("no space left") || reason.contains("quota exceeded")
                || reason.contains("read-only file system") || reason.contains("input/output error");
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    }
}
