package ftp.core.api;

import java.util.List;

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

    /** The open sessions of all sites. */
    List<SessionInfo> sessions();
}
