package ftp.core.api;

import java.util.Set;

/**
 * A typed key for a session attribute. Keys compare by identity: create one constant per
 * attribute and share it.
 *
 * @param <T> the attribute's type
 */
public final class SessionKey<T> {

    private final String name;
    private final Class<T> type;
    private final Set<String> keptBy;

    private SessionKey(String name, Class<T> type, Set<String> keptBy) {
        this.name = name;
        this.type = type;
        this.keptBy = keptBy;
    }

    /** A key whose value lives until it is changed or the session is reinitialized. */
    public static <T> SessionKey<T> of(String name, Class<T> type) {
        return new SessionKey<>(name, type, null);
    }

    /**
     * A key for state that only the next command may use, such as the offset of REST or the
     * source of RNFR: the core removes it after any command other than those in {@code keptBy}
     * (the verb that sets it, and verbs clients may send in between, like PASV after REST).
     */
    public static <T> SessionKey<T> untilNextCommand(String name, Class<T> type, String... keptBy) {
        return new SessionKey<>(name, type, Set.of(keptBy));
    }

    /** Whether the core removes this value after the command {@code verb}. */
    public boolean expiresAfter(String verb) {
        return keptBy != null && !keptBy.contains(verb);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
