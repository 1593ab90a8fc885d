package ftp.core.api;

/**
 * A typed key for a session attribute. Keys compare by identity: create one constant per
 * attribute and share it.
 *
 * @param <T> the attribute's type
 */
public final class SessionKey<T> {

    private final String name;
    private final Class<T> type;
    private final String setBy;

    private SessionKey(String name, Class<T> type, String setBy) {
        this.name = name;
        this.type = type;
        this.setBy = setBy;
    }

    /** A key whose value lives until it is changed or the session is reinitialized. */
    public static <T> SessionKey<T> of(String name, Class<T> type) {
        return new SessionKey<>(name, type, null);
    }

    /**
     * A key for state that only the very next command may use, such as the offset of REST or
     * the source of RNFR: the core removes it after any command other than {@code setBy}.
     */
    public static <T> SessionKey<T> untilNextCommand(String name, Class<T> type, String setBy) {
        return new SessionKey<>(name, type, setBy);
    }

    /** Whether the core removes this value after the command {@code verb}. */
    public boolean expiresAfter(String verb) {
        return setBy != null && !setBy.equals(verb);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
