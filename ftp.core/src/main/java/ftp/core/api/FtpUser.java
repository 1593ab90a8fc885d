package ftp.core.api;

import java.util.Set;

/**
 * An authenticated user as a value.
 *
 * @param name the login name
 * @param home the home below the site root, as configured ({@code ""} is the root itself)
 * @param sites the sites the user may log in to ({@code *} = all)
 * @param protocols the per-user protocol allowance
 * @param permissions what the user may do
 */
public record FtpUser(String name, String home, Set<String> sites, Set<SessionProtocol> protocols,
        Set<Permission> permissions) {

    public FtpUser {
        sites = Set.copyOf(sites);
        protocols = Set.copyOf(protocols);
        permissions = Set.copyOf(permissions);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean mayUseSite(String site) {
        return sites.contains("*") || sites.contains(site);
    }
}
