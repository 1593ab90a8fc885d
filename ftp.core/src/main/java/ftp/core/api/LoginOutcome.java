package ftp.core.api;

/** The result of {@link FtpSession#login}. */
public enum LoginOutcome {
    /** Logged in. */
    SUCCESS,
    /** Unknown user, wrong password, disabled user or not allowed on this site (not told apart). */
    REJECTED,
    /**
     * The credentials are right but the user's protocol allowance excludes this session's
     * protocol. Since 1.1 the core answers that case as {@link #REJECTED} (a client must not learn
     * that a password was right); kept for commands that still switch over it.
     */
    @Deprecated
    PROTOCOL_NOT_ALLOWED,
    /** Too many failures from this address: the session is being closed. */
    BANNED,
    /** USER was not sent first. */
    NO_USER
}
