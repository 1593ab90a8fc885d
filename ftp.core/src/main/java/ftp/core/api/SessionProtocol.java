package ftp.core.api;

/** How a control connection is protected; also the names of the per-user protocol allowance. */
public enum SessionProtocol {
    /** Plain FTP on the FTP port. */
    FTP("ftp"),
    /** FTP upgraded with {@code AUTH TLS} (explicit TLS, RFC 4217). */
    FTPES("ftpes"),
    /** TLS from the first byte on the implicit FTPS port. */
    FTPS("ftps");

    private final String configName;

    SessionProtocol(String configName) {
        this.configName = configName;
    }

    /** The name used in the {@code protocols} user setting. */
    public String configName() {
        return configName;
    }

    /** Parses a {@code protocols} entry. @throws IllegalArgumentException for unknown names */
    public static SessionProtocol fromConfigName(String name) {
        for (SessionProtocol p : values()) {
            if (p.configName.equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "' (expected ftp, ftpes or ftps)");
    }

    /** Whether the control connection is encrypted. */
    public boolean isProtected() {
        return this != FTP;
    }
}
