package ftp.tls.internal;

/**
 * A site's certificate or private key cannot be used. The message starts with the name of the
 * setting to fix (for example {@code tls.privateKey: /x/key.pem: wrong password}), so that the
 * refusal can be shown beside that setting in the console and in the log as it is.
 */
final class KeyMaterialException extends Exception {
    private static final long serialVersionUID = 1L;

    static final String CERTIFICATE = "tls.certificate";
    static final String PRIVATE_KEY = "tls.privateKey";
    static final String PASSWORD = "tls.privateKeyPassword";

    private final String setting;

    KeyMaterialException(String setting, String message) {
        this(setting, message, null);
    }

    KeyMaterialException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    /** The configuration property the operator has to change. */
    String setting() {
        return setting;
    }
}
