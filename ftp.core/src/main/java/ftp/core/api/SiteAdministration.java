package ftp.core.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime view of the sites, for operator tools (shell commands, the web console) and tests.
 */
@ProviderType
public interface SiteAdministration {

    /** Every configured site, sorted by name. */
    List<SiteStatus> sites();

    /**
     * Restarts a site with its saved configuration: the running instance is disposed (its
     * sessions end) and a new one is created.
     *
     * @return the new status
     * @throws IllegalArgumentException when no site has that name
     */
    SiteStatus restart(String name);

    /**
     * The saved configuration of a site: its own keys (no {@code service.*} or File Install
     * bookkeeping), as they were saved, without the values of secrets (password-type settings
     * such as {@code tls.privateKeyPassword}, see {@link #secretsSet}).
     *
     * @throws IllegalArgumentException when no site has that name
     */
    Map<String, Object> configuration(String name);

    /**
     * The password-type settings of a site that have a value; their values never leave the
     * server.
     *
     * @throws IllegalArgumentException when no site has that name
     * @since 1.1
     */
    Set<String> secretsSet(String name);

    /**
     * Saves changes to a site's settings, as a merge: the keys named change, a {@code null} or
     * empty value returns a key to its default, every key not named stays as it is. Every key
     * must be a site setting or the {@code feature.<key>} of an installed command. The result is
     * validated whole before anything is written, as a site start would validate it (and checked
     * for listener ports another site uses); the running site is not touched and reports "restart
     * pending". A configuration that came from an {@code etc/*.cfg} file gets only the lines of
     * the changed keys rewritten there, atomically, keeping comments and the file's mode.
     *
     * @return the site's status after the save
     * @throws IllegalArgumentException when no site has that name, or naming the property that is
     *         unknown or invalid ({@code "property: problem"}); nothing is written then
     */
    SiteStatus save(String name, Map<String, ?> changes);

    /** The open sessions of all sites. */
    List<SessionInfo> sessions();

    /**
     * Every key a site's configuration accepts now: the site settings and the
     * {@code feature.<key>} of each installed command, sorted.
     *
     * @since 1.3
     */
    Set<String> settingKeys();

    /**
     * The counters of every running site, sorted by name.
     *
     * @since 1.3
     */
    List<SiteMetrics> metrics();
}
