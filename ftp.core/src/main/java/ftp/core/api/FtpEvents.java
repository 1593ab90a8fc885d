package ftp.core.api;

/**
 * The OSGi Event Admin topics the sites post (asynchronously, never holding a session) and their
 * properties. Every event has {@link #SITE} and {@link #CLIENT}; the others as listed.
 *
 * @since 1.3
 */
public final class FtpEvents {

    /** {@link #SESSION}. */
    public static final String SESSION_OPENED = "ftp/session/OPENED";
    /** {@link #SESSION}, {@link #USER} when one had logged in. */
    public static final String SESSION_CLOSED = "ftp/session/CLOSED";
    /** {@link #USER}. */
    public static final String LOGIN_SUCCEEDED = "ftp/login/SUCCEEDED";
    /** {@link #USER}, {@link #OUTCOME} (REJECTED, BANNED). */
    public static final String LOGIN_FAILED = "ftp/login/FAILED";
    /** A complete upload: {@link #USER}, {@link #PATH}, {@link #FILE}, {@link #SIZE}, {@link #DURATION_MS}, {@link #TYPE}. */
    public static final String UPLOADED = "ftp/transfer/UPLOADED";
    /** A complete download: as {@link #UPLOADED}. */
    public static final String DOWNLOADED = "ftp/transfer/DOWNLOADED";
    /** A transfer that did not complete: as {@link #UPLOADED} (the octets moved) and {@link #DIRECTION}. */
    public static final String TRANSFER_FAILED = "ftp/transfer/FAILED";
    /** {@link #USER}, {@link #PATH}, {@link #FILE}. */
    public static final String DELETED = "ftp/file/DELETED";
    /** {@link #USER}, {@link #PATH}, {@link #FILE} (the new name), {@link #FROM_PATH}, {@link #FROM_FILE}. */
    public static final String RENAMED = "ftp/file/RENAMED";
    /** {@link #USER}, {@link #PATH}, {@link #FILE}. */
    public static final String DIRECTORY_CREATED = "ftp/directory/CREATED";
    /** {@link #USER}, {@link #PATH}, {@link #FILE}. */
    public static final String DIRECTORY_REMOVED = "ftp/directory/REMOVED";

    /** The site's name (String). */
    public static final String SITE = "site";
    /** The client's IP address (String). */
    public static final String CLIENT = "client";
    /** The session's id (Long), as {@code ftp:sessions} shows it. */
    public static final String SESSION = "session";
    /** The login name (String). */
    public static final String USER = "user";
    /** How a login ended (String, a {@link LoginOutcome} name). */
    public static final String OUTCOME = "outcome";
    /** The virtual path, as the client sees it (String). */
    public static final String PATH = "path";
    /** The real path in local storage (String). */
    public static final String FILE = "file";
    /** The virtual path before a rename (String). */
    public static final String FROM_PATH = "from.path";
    /** The real path before a rename (String). */
    public static final String FROM_FILE = "from.file";
    /** Octets moved (Long). */
    public static final String SIZE = "size";
    /** How long the transfer took, in milliseconds (Long). */
    public static final String DURATION_MS = "duration.ms";
    /** {@code ascii} or {@code binary} (String). */
    public static final String TYPE = "type";
    /** {@code upload} or {@code download} (String). */
    public static final String DIRECTION = "direction";

    private FtpEvents() {
    }
}
