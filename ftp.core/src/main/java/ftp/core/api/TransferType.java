package ftp.core.api;

/** The representation type of transfers (RFC 959 section 3.1.1), as TYPE set it. */
public enum TransferType {
    ASCII("ASCII"), BINARY("BINARY");

    /** The session attribute TYPE sets; absent means ASCII, the RFC 959 default. */
    public static final SessionKey<TransferType> KEY = SessionKey.of("type", TransferType.class);

    private final String label;

    TransferType(String label) {
        this.label = label;
    }

    /** {@code ASCII} or {@code BINARY}, as replies name it. */
    public String label() {
        return label;
    }

    /** The session's current type. */
    public static TransferType of(FtpSession session) {
        return session.get(KEY).orElse(ASCII);
    }
}
