package ftp.core.api;

import java.util.List;
import java.util.Map;

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
     * bookkeeping), as they were saved.
     *
     * @throws IllegalArgumentException when no site has that name
     */
    Map<String, Object> configuration(String name);

    /**
     * Saves a site's settings: all of them, keys left out take their defaults. They are validated
     * as a site start would (and checked for listener ports another site uses); the running site
     * is not touched and reports "restart pending". A configuration that came from an
     * {@code etc/*.cfg} file is written into that file, atomically and keeping its comments.
     *
     * @return the site's status after the save
     * @throws IllegalArgumentException when no site has that name, or naming the property that is
     *         invalid; nothing is saved then
     */
    SiteStatus save(String name, Map<String, Object> properties);

    /** The open sessions of all sites. */
    List<SessionInfo> sessions();
}
