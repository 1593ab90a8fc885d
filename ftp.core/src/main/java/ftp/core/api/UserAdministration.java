package ftp.core.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The users of the core's own store ({@code ftp.user} configurations, {@code etc/ftp.user-*.cfg}),
 * for operator tools: the shell's {@code ftp:users}, {@code ftp:user-add}, {@code ftp:passwd}.
 * Passwords are stored as bcrypt hashes only.
 *
 * @since 1.3
 */
@ProviderType
public interface UserAdministration {

    /** The names of the configured users, sorted. */
    List<String> users();

    /**
     * Creates a user: writes {@code <etc>/ftp.user-<name>.cfg} (readable by the server's account
     * only) with the password's bcrypt hash and the settings; File Install then delivers it.
     *
     * @param settings {@code home}, {@code sites}, {@code protocols}, {@code permissions},
     *        {@code enabled}, as in a user's {@code .cfg} file; absent keys take their defaults
     * @return the file written
     * @throws IllegalArgumentException when the name is taken or invalid, or naming the setting
     *         that is unknown or invalid ({@code "setting: problem"}); nothing is written then
     */
    Path add(String name, char[] password, Map<String, String> settings) throws IOException;

    /**
     * Sets a user's password; it is stored as a bcrypt hash.
     *
     * @throws IllegalArgumentException when no user has that name
     */
    void setPassword(String name, char[] password) throws IOException;

    /** A new random password, of the strength the server gives its first users. */
    String randomPassword();
}
