package ftp.core.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@code SITE} subcommand, registered as an OSGi service with {@link SiteSubcommandService}.
 * The SITE command finds subcommands the whiteboard way and lists them in {@code SITE HELP}.
 */
@ConsumerType
public interface SiteSubcommand {

    /** Service property: the subcommand's name, upper case ({@code CHMOD}). */
    String NAME = "ftp.site.command";

    /**
     * Service property: a feature key; the subcommand answers only on sites whose
     * {@code feature.<key>} is true. Absent or empty: on wherever SITE is.
     */
    String FEATURE = "ftp.site.feature";

    /**
     * Executes {@code SITE <name> <argument>} and answers the client.
     *
     * @param argument everything after the subcommand's name, as sent (may be empty)
     */
    void execute(String argument, FtpSession session) throws IOException;

    /** A one-line usage text for {@code SITE HELP}. */
    default String help() {
        return "";
    }
}
