package ftp.core.api;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.SortedMap;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a command sees of one control connection. Implemented by the core only.
 */
@ProviderType
public interface FtpSession {

    /** Sends a reply now. */
    void reply(Reply reply);

    /**
     * Sends one {@code <code>-<text>} line of a reply that is still being computed, such as a
     * keep-alive during a long HASH; the command ends it with a {@link #reply} of the same code.
     */
    void replyContinued(int code, String text);

    /** Shorthand for {@code reply(Reply.of(code, text))}. */
    default void reply(int code, String text) {
        reply(Reply.of(code, text));
    }

    /** The immutable settings the site was started with. */
    SiteSettings settings();

    /** Whether the command with this feature key is enabled on this session's site. */
    default boolean featureEnabled(String key) {
        return settings().featureEnabled(key);
    }

    /**
     * The commands that answer on this session's site right now (deployed and enabled), by verb
     * in alphabetical order: what FEAT, HELP and OPTS are computed from.
     */
    SortedMap<String, CommandRegistration> commands();

    /** The client's address on the control connection. */
    InetSocketAddress remoteAddress();

    /** The server's address on the control connection. */
    InetSocketAddress localAddress();

    /** How the control connection is protected right now. */
    SessionProtocol protocol();

    /** The logged-in user, if any. */
    Optional<FtpUser> user();

    /** Checks that the logged-in user holds a permission. @throws ReplyException {@code 550} otherwise */
    default void require(Permission permission) throws ReplyException {
        if (!user().map(u -> u.can(permission)).orElse(false)) {
            throw new ReplyException(550, "Permission denied");
        }
    }

    /** The user's file-system view. @throws IllegalStateException before login */
    FileSystemView files();

    /** The user name sent with USER and not yet confirmed by PASS. */
    Optional<String> pendingUser();

    /** Remembers the name sent with USER (and forgets any logged-in user). */
    void beginLogin(String userName);

    /**
     * Checks the password for the pending user against the site's user stores and its policy
     * (site membership, enabled flag, the per-user protocol allowance, the login-failure ban).
     * On success the session is logged in.
     */
    LoginOutcome login(char[] password);

    /**
     * {@link #login(char[])} off the command threads: the check (a slow password hash) runs on the
     * site's own bounded login pool, then {@code then} receives the outcome there. The session's
     * further commands wait until {@code then} has run; other sessions' commands never wait for a
     * password hash.
     *
     * @since 1.2
     */
    void login(char[] password, Consumer<LoginOutcome> then);

    /** Forgets the user and every per-session setting, as REIN asks (RFC 959 4.1.1). */
    void reinitialize();

    /**
     * Answers (AUTH TLS: {@code 234}) in the clear, then runs the server side of the TLS handshake
     * on the control connection (RFC 4217 section 4); the session's protocol becomes FTPES.
     *
     * @throws IllegalStateException when the control connection is already protected
     */
    void secureControl(Reply reply);

    /** Answers, then closes the control connection once the reply is written. */
    void close(Reply lastReply);

    /**
     * Waits up to {@code timeout} for the control connection to end. An upload's command asks this
     * before it commits: in stream mode the end of the data connection is the end of the file, and
     * a client that was killed also ends it; when its control connection ends at the same moment,
     * nobody asked for the result and the partial upload is discarded.
     *
     * @return whether the control connection has ended
     * @since 1.1
     */
    boolean awaitClosed(java.time.Duration timeout) throws InterruptedException;

    /** Session attributes with typed keys. */
    <T> Optional<T> get(SessionKey<T> key);

    /** Sets a session attribute; {@code null} removes it. */
    <T> void set(SessionKey<T> key, T value);

    /**
     * State shared by all sessions of the running site (a concurrency bound, for example),
     * created by {@code initial} on first use and dropped when the site restarts.
     */
    <T> T siteState(SessionKey<T> key, Supplier<T> initial);

    /** The data connection of this session (PASV/EPSV/PORT preparations and transfers). */
    DataConnections data();
}
