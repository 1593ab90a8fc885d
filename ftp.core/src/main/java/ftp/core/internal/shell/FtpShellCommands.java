package ftp.core.internal.shell;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ftp.core.api.SessionInfo;
import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteStatus;
import ftp.core.internal.site.CfgFile;
import ftp.core.internal.site.ConfigValues;
import ftp.core.internal.user.ConfiguredUserStore;
import ftp.core.internal.user.PasswordHasher;

/**
 * Operator commands for the Gogo shell, which Karaf's shell runs too: {@code ftp:sites},
 * {@code ftp:restart <site>}, {@code ftp:sessions}, {@code ftp:passwd <user> [password]},
 * {@code ftp:config <site>}, {@code ftp:set <site> key=value…}.
 */
@Component(service = FtpShellCommands.class, property = { "osgi.command.scope=ftp",
        "osgi.command.function=sites", "osgi.command.function=restart", "osgi.command.function=sessions",
        "osgi.command.function=passwd", "osgi.command.function=config", "osgi.command.function=set" })
public final class FtpShellCommands {

    private final SiteAdministration sites;
    private final ConfiguredUserStore users;
    private final PasswordHasher hasher = new PasswordHasher();

    @Activate
    public FtpShellCommands(@Reference SiteAdministration sites, @Reference ConfiguredUserStore users) {
        this.sites = sites;
        this.users = users;
    }

    /** The sites: name, listener, state, restart pending, sessions. */
    @Descriptor("lists the sites: address, FTPS port, state, restart pending, sessions")
    public String sites() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %-22s %-6s %-8s %-16s %8s%n",
                "SITE", "ADDRESS", "FTPS", "STATE", "RESTART PENDING", "SESSIONS"));
        for (SiteStatus site : sites.sites()) {
            out.append(String.format(Locale.ROOT, "%-16s %-22s %-6s %-8s %-16s %8d%n", site.name(),
                    site.bindAddress() + ":" + site.ftpPort(), site.ftpsPort() == 0 ? "off" : site.ftpsPort(),
                    site.state(), site.restartPending() ? "yes" : "no", site.sessions()));
            if (!site.message().isEmpty()) {
                out.append("  ! ").append(site.message()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** Restarts a site with its saved configuration. */
    @Descriptor("restarts a site with its saved configuration (its sessions end)")
    public String restart(@Descriptor("the site's name") String site) {
        try {
            SiteStatus status = sites.restart(site);
            return "Site " + site + " restarted: " + status.state()
                    + (status.message().isEmpty() ? "" : " (" + status.message() + ")");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "Not restarted: " + e.getMessage();
        }
    }

    /** The open sessions of all sites. */
    @Descriptor("lists the open sessions of all sites")
    public String sessions() {
        List<SessionInfo> all = sites.sessions();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %-24s %-16s %-6s %-9s %s%n",
                "SITE", "ID", "CLIENT", "USER", "PROTO", "TRANSFER", "SINCE"));
        for (SessionInfo session : all) {
            out.append(String.format(Locale.ROOT, "%-16s %6d %-24s %-16s %-6s %-9s %s%n", session.site(), session.id(),
                    session.remote(), session.user().isEmpty() ? "-" : session.user(), session.protocol().configName(),
                    session.transferring() ? "yes" : "no", session.since()));
        }
        return out.toString();
    }

    /** A site's saved configuration, one {@code key = value} a line; secrets show only that they are set. */
    @Descriptor("prints a site's saved configuration (secrets show only that they are set)")
    public String config(@Descriptor("the site's name") String site) {
        try {
            StringBuilder out = new StringBuilder();
            Map<String, Object> shown = new TreeMap<>(sites.configuration(site));
            sites.secretsSet(site).forEach(key -> shown.put(key, "(set; not shown)"));
            // Escaped as in a .cfg file: a value with a line break cannot pose as another line.
            shown.forEach((key, value) -> out.append(key).append(" = ")
                    .append(CfgFile.escaped(ConfigValues.text(value)))
                    .append(System.lineSeparator()));
            return out.toString();
        } catch (IllegalArgumentException e) {
            return "Unknown site: " + e.getMessage();
        }
    }

    /**
     * Changes settings of a site: {@code ftp:set <site> key=value…}, at least one; an empty value
     * ({@code key=}) returns the key to its default, keys not named stay. Validated like a site
     * start before anything is written; takes effect with {@code ftp:restart}.
     */
    @Descriptor("changes settings of a site: at least one key=value (key= returns the key to its default); "
            + "keys not named stay; validated before anything is written; applies on ftp:restart")
    public String set(@Descriptor("the site's name") String site,
            @Descriptor("key=value, one or more") String... assignments) {
        if (assignments.length == 0) {
            return "Not saved: nothing to change. Usage: ftp:set <site> key=value [key=value ...] "
                    + "(key= returns a key to its default)";
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                return "Not saved: '" + assignment + "' is not key=value";
            }
            changes.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
        }
        return underQuietName(() -> {
            try {
                SiteStatus status = sites.save(site, changes);
                return "Saved" + (status.restartPending() ? "; restart pending: ftp:restart " + site : "; nothing to restart");
            } catch (IllegalArgumentException | IllegalStateException e) {
                return "Not saved: " + e.getMessage();
            }
        });
    }

    /**
     * Runs {@code work} on a thread named {@code ftp-shell}: Gogo names the thread that runs a
     * command after the whole command line, and log lines carry the thread's name, so a secret
     * typed on the line ({@code ftp:set … tls.privateKeyPassword=…}, {@code ftp:passwd user pw})
     * would reach the log with any line the work logs.
     */
    private static String underQuietName(Supplier<String> work) {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("ftp-shell");
        try {
            return work.get();
        } finally {
            thread.setName(name);
        }
    }

    /** Sets a random password for a user and prints it once. */
    @Descriptor("sets a random password for a user and prints it once")
    public String passwd(@Descriptor("the user's name") String user) {
        String password = hasher.randomPassword();
        return store(user, password, "New password for " + user + ": " + password + " (shown once; stored as a bcrypt hash)");
    }

    /** Sets a user's password; it is stored as a bcrypt hash. */
    @Descriptor("sets a user's password (stored as a bcrypt hash)")
    public String passwd(@Descriptor("the user's name") String user, @Descriptor("the new password") String password) {
        return store(user, password, "Password of " + user + " changed (stored as a bcrypt hash)");
    }

    private String store(String user, String password, String success) {
        return underQuietName(() -> {
            try {
                users.setPassword(user, password.toCharArray());
                return success;
            } catch (IllegalArgumentException e) {
                return "Not changed: " + e.getMessage();
            } catch (IOException e) {
                return "Not changed: the password cannot be written: " + e.getMessage();
            }
        });
    }
}
