package ftp.core.api;

/** What a user may do below their home. */
public enum Permission {
    LIST, READ, WRITE, APPEND, DELETE, RENAME, MKDIR, RMDIR;

    /** The name used in the {@code permissions} user setting. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a {@code permissions} entry. @throws IllegalArgumentException for unknown names */
    public static Permission fromConfigName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown permission '" + name
                    + "' (expected list, read, write, append, delete, rename, mkdir or rmdir)", e);
        }
    }
}
