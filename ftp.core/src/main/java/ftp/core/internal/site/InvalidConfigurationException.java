package ftp.core.internal.site;

/** A configuration value that cannot be used; the message names the property. */
public final class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String property;

    public InvalidConfigurationException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
