package ftp.core.internal.fs;

import ftp.core.api.VirtualFile;

/** Hears what a session's file system view changed, whichever command did it. */
@FunctionalInterface
public interface FileChanges {

    /** What changed. */
    enum Change {
        DELETED, RENAMED, DIRECTORY_CREATED, DIRECTORY_REMOVED
    }

    /** Nobody listens. */
    FileChanges NONE = (change, file, previous) -> {
    };

    /**
     * @param file the file or directory (after a rename: its new name)
     * @param previous the old name after a rename, else null
     */
    void changed(Change change, VirtualFile file, VirtualFile previous);
}
