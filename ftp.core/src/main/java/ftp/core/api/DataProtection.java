package ftp.core.api;

/**
 * The data channel protection level of RFC 4217 section 9 (PROT). Absent from the session means
 * the default: {@code PRIVATE} on implicit FTPS, {@code CLEAR} otherwise.
 */
public enum DataProtection {
    /** PROT C: data connections in the clear. */
    CLEAR,
    /** PROT P: data connections protected with TLS. */
    PRIVATE;

    /** The session attribute PROT sets. */
    public static final SessionKey<DataProtection> KEY = SessionKey.of("prot", DataProtection.class);

    /** The level in force for a session. */
    public static DataProtection of(FtpSession session) {
        return session.get(KEY).orElse(session.protocol() == SessionProtocol.FTPS ? PRIVATE : CLEAR);
    }
}
