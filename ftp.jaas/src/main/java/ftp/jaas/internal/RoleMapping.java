package ftp.jaas.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ftp.core.api.FtpUser;
import ftp.core.api.Permission;
import ftp.core.api.SessionProtocol;

/**
 * What a realm role gives an FTP user: {@code role.<role>.home} (below the site root;
 * {@code {user}} is the login name), {@code role.<role>.sites}, {@code .protocols} and
 * {@code .permissions}, as a {@code .cfg} user has them, with the same defaults (the root, every
 * site, every protocol, every permission).
 */
record RoleMapping(String role, String home, Set<String> sites, Set<SessionProtocol> protocols,
        Set<Permission> permissions) {

    /** The placeholder in {@code home} for the login name. */
    static final String USER = "{user}";

    FtpUser user(String name) {
        return new FtpUser(name, home.replace(USER, name), sites, protocols, permissions);
    }

    /**
     * The mappings of the roles listed in {@code roles}, in that order: a user with several of them
     * gets the first.
     *
     * @throws IllegalArgumentException naming the key that is missing or invalid ({@code "key: problem"})
     */
    static List<RoleMapping> parse(Map<String, ?> configuration) {
        List<String> roles = list(configuration.get("roles"));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: missing; name the realm roles that may log in, "
                    + "e.g. roles = admin, each with its role.<role>.* settings");
        }
        List<RoleMapping> mappings = new ArrayList<>();
        for (String role : roles) {
            String prefix = "role." + role + ".";
            Object home = configuration.get(prefix + "home");
            Set<String> sites = new LinkedHashSet<>(list(configuration.get(prefix + "sites")));
            Set<SessionProtocol> protocols = EnumSet.noneOf(SessionProtocol.class);
            List<String> protocolNames = list(configuration.get(prefix + "protocols"));
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            List<String> permissionNames = list(configuration.get(prefix + "permissions"));
            try {
                protocolNames.forEach(p -> protocols.add(SessionProtocol.fromConfigName(p)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "protocols: " + e.getMessage(), e);
            }
            try {
                permissionNames.forEach(p -> permissions.add(Permission.fromConfigName(p)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + "permissions: " + e.getMessage(), e);
            }
            mappings.add(new RoleMapping(role, home == null ? "" : home.toString().trim(),
                    sites.isEmpty() ? Set.of("*") : sites,
                    protocolNames.isEmpty() ? EnumSet.allOf(SessionProtocol.class) : protocols,
                    permissionNames.isEmpty() ? EnumSet.allOf(Permission.class) : permissions));
        }
        return List.copyOf(mappings);
    }

    /** A list setting: a comma-separated text, an array or a collection. */
    static List<String> list(Object value) {
        Collection<?> items = value == null ? List.of() : value instanceof Object[] array ? Arrays.asList(array)
                : value instanceof Collection<?> collection ? collection : Arrays.asList(value.toString().split(","));
        return items.stream().map(item -> String.valueOf(item).trim()).filter(item -> !item.isEmpty())
                .collect(Collectors.toList());
    }
}
