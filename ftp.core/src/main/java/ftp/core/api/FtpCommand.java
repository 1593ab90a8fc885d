package ftp.core.api;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One FTP verb (or a verb and its aliases), registered as an OSGi service.
 *
 * <p>Register with {@link FtpCommandService}, which sets the service properties named by the
 * constants of this interface. A command runs off the network threads and may block on file
 * I/O; a command that moves data calls {@link FtpSession#transfer}, which returns at once and
 * answers the client when the transfer ends.
 */
@ConsumerType
public interface FtpCommand {

    /** Service property: the verb(s) this service answers, upper case ({@code String} or {@code String[]}). */
    String COMMAND = "ftp.command";

    /**
     * Service property: the feature key; the command answers only on sites whose
     * {@code feature.<key>} setting is true (the default). Absent or empty: always on.
     */
    String FEATURE = "ftp.feature";

    /** Service property: {@code Boolean}, whether the verb needs a logged-in user (default true). */
    String LOGIN = "ftp.login";

    /**
     * Service property: {@code Boolean}, whether the verb is handled at once while a data
     * transfer runs (ABOR, STAT, QUIT); other verbs wait for the transfer to end (default false).
     */
    String DURING_TRANSFER = "ftp.duringTransfer";

    /**
     * Service property: {@code Boolean}, whether the command reads or copies whole files (a
     * checksum, a concatenation): such commands share a per-site bound,
     * {@code limits.maxHeavyCommands}, and get {@code 450} at once beyond it (default false).
     *
     * @since 1.1
     */
    String HEAVY = "ftp.heavy";

    /**
     * Executes the request. Every path through this method answers the client, either directly
     * or through a transfer started with {@link FtpSession#transfer}.
     *
     * @throws IOException answered with {@code 451} by the dispatcher
     */
    void execute(FtpRequest request, FtpSession session) throws IOException;

    /**
     * The lines this command adds to the {@code FEAT} reply, without the leading space; none by
     * default. Called only when the command is enabled for the session's site.
     */
    default List<String> features(FtpSession session) {
        return List.of();
    }

    /**
     * Handles {@code OPTS <verb> <options>} for this command (RFC 2389 section 4), such as
     * {@code OPTS MLST type;size;}. The default refuses options with {@code 501}.
     */
    default void options(String options, FtpSession session) throws IOException {
        throw new ReplyException(501, "No options for this command");
    }

    /** A one-line usage text for {@code HELP <verb>}, for example {@code "SIZE <sp> pathname"}. */
    default String help() {
        return "";
    }
}
