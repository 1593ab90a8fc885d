package ftp.shell.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import ftp.core.api.SessionInfo;
import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteMetrics;
import ftp.core.api.SiteStatus;
import ftp.core.api.UserAdministration;

/**
 * What the operator commands do, for both front ends (Karaf's shell and Felix Gogo): each method
 * returns the text to print, or throws {@link ShellException} with the message to show instead.
 */
public final class FtpShell {

    /** The user settings {@code ftp:user-add} takes as options, in the order {@link #userSettings} takes them. */
    private static final List<String> USER_SETTINGS = List.of("home", "sites", "protocols", "permissions");

    private final SiteAdministration sites;
    private final UserAdministration users;

    public FtpShell(SiteAdministration sites, UserAdministration users) {
        this.sites = sites;
        this.users = users;
    }

    /** A command that did not do what was asked; its message says why. */
    public static final class ShellException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ShellException(String message) {
            super(message);
        }
    }

    /**
     * The sites: name, listener, state, restart pending, sessions; below a running site its
     * counters since it started, below any site its problem.
     */
    public String sites() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %-22s %-6s %-8s %-16s %8s%n",
                "SITE", "ADDRESS", "FTPS", "STATE", "RESTART PENDING", "SESSIONS"));
        Map<String, SiteMetrics> counters = new TreeMap<>();
        sites.metrics().forEach(metrics -> counters.put(metrics.site(), metrics));
        for (SiteStatus site : sites.sites()) {
            out.append(String.format(Locale.ROOT, "%-16s %-22s %-6s %-8s %-16s %8d%n", site.name(),
                    site.bindAddress() + ":" + site.ftpPort(), site.ftpsPort() == 0 ? "off" : site.ftpsPort(),
                    site.state(), site.restartPending() ? "yes" : "no", site.sessions()));
            SiteMetrics metrics = counters.get(site.name());
            if (metrics != null) {
                out.append(headline(metrics)).append(System.lineSeparator());
            }
            if (!site.message().isEmpty()) {
                out.append("  ! ").append(site.message()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** {@code logins 3 ok, 1 failed, 0 banned; uploads 2 (1.2 MiB), downloads 3 (4.0 MiB), 0 failed; TLS 2}. */
    static String headline(SiteMetrics m) {
        long tls = m.tlsSessions().values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "  logins %d ok, %d failed, %d banned; uploads %d (%s), downloads %d (%s), "
                + "%d failed; TLS sessions %d%s", m.loginsSucceeded(), m.loginsFailed(), m.loginsBanned(), m.uploads(),
                size(m.bytesUploaded()), m.downloads(), size(m.bytesDownloaded()), m.transferFailures(), tls,
                m.tlsSessions().isEmpty() ? "" : " " + m.tlsSessions());
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : bytes < 1L << 30 ? String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f GiB", bytes / 1073741824.0);
    }

    public String restart(String site) {
        try {
            SiteStatus status = sites.restart(site);
            return "Site " + site + " restarted: " + status.state()
                    + (status.message().isEmpty() ? "" : " (" + status.message() + ")");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ShellException("Not restarted: " + e.getMessage());
        }
    }

    public String sessions() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %-24s %-16s %-6s %-9s %s%n",
                "SITE", "ID", "CLIENT", "USER", "PROTO", "TRANSFER", "SINCE"));
        for (SessionInfo session : sites.sessions()) {
            out.append(String.format(Locale.ROOT, "%-16s %6d %-24s %-16s %-6s %-9s %s%n", session.site(), session.id(),
                    session.remote(), session.user().isEmpty() ? "-" : session.user(), session.protocol().configName(),
                    session.transferring() ? "yes" : "no", session.since()));
        }
        return out.toString();
    }

    /** A site's saved configuration, one {@code key = value} a line; secrets show only that they are set. */
    public String config(String site) {
        try {
            StringBuilder out = new StringBuilder();
            Map<String, Object> shown = new TreeMap<>(sites.configuration(site));
            sites.secretsSet(site).forEach(key -> shown.put(key, "(set; not shown)"));
            // one line a key: a value with a line break cannot pose as another line
            shown.forEach((key, value) -> out.append(key).append(" = ").append(oneLine(text(value)))
                    .append(System.lineSeparator()));
            return out.toString();
        } catch (IllegalArgumentException e) {
            throw new ShellException("Unknown site: " + e.getMessage());
        }
    }

    /**
     * Changes settings of a site: at least one {@code key=value}; {@code key=} returns the key to
     * its default; keys not named stay. Validated like a site start before anything is written.
     */
    public String set(String site, List<String> assignments) {
        if (assignments.isEmpty()) {
            throw new ShellException("Not saved: nothing to change. Usage: ftp:set <site> key=value [key=value ...] "
                    + "(key= returns a key to its default)");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new ShellException("Not saved: '" + oneLine(assignment) + "' is not key=value");
            }
            changes.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
        }
        return underQuietName(() -> {
            try {
                SiteStatus status = sites.save(site, changes);
                return "Saved" + (status.restartPending() ? "; restart pending: ftp:restart " + site : "; nothing to restart");
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ShellException("Not saved: " + e.getMessage());
            }
        });
    }

    /** The users of the configuration store, one a line. */
    public String users() {
        StringBuilder out = new StringBuilder();
        users.users().forEach(user -> out.append(user).append(System.lineSeparator()));
        return out.toString();
    }

    /** The options of {@code ftp:user-add} as user settings; a null or empty one is left to its default. */
    public static Map<String, String> userSettings(String home, String sites, String protocols, String permissions) {
        Map<String, String> settings = new LinkedHashMap<>();
        String[] values = { home, sites, protocols, permissions };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                settings.put(USER_SETTINGS.get(i), values[i]);
            }
        }
        return settings;
    }

    /**
     * Creates a user with the password given (typed at a prompt, never on the command line) or,
     * when {@code password} is null, a random one printed once.
     */
    public String userAdd(String name, char[] password, Map<String, String> settings) {
        return withPassword(password, "Not created: ", used -> "User " + name + " created in "
                + users.add(name, used, settings) + (password == null ? "; password: " + new String(used)
                        + " (shown once; stored as a bcrypt hash)" : " (password stored as a bcrypt hash)"));
    }

    /** Sets a user's password: the one given or, when {@code password} is null, a random one printed once. */
    public String passwd(String user, char[] password) {
        return withPassword(password, "Not changed: ", used -> {
            users.setPassword(user, used);
            return password == null ? "New password for " + user + ": " + new String(used)
                    + " (shown once; stored as a bcrypt hash)" : "Password of " + user + " changed (stored as a bcrypt hash)";
        });
    }

    /** What a command does with a password; it may write files. */
    @FunctionalInterface
    private interface PasswordUse {
        String apply(char[] password) throws IOException;
    }

    /**
     * Runs {@code use} with the password typed or, for null, a random one, under a quiet thread
     * name; the password's characters are wiped afterwards.
     */
    private String withPassword(char[] typed, String refusal, PasswordUse use) {
        char[] used = typed == null ? randomPassword() : typed;
        return underQuietName(() -> {
            try {
                return use.apply(used);
            } catch (IllegalArgumentException e) {
                throw new ShellException(refusal + e.getMessage());
            } catch (IOException e) {
                throw new ShellException(refusal + "cannot write: " + e.getMessage());
            } finally {
                Arrays.fill(used, '\0');
            }
        });
    }

    /**
     * The password typed twice at a prompt, or a {@link ShellException} when the two differ or
     * are empty.
     */
    public static char[] confirmed(char[] first, char[] second) {
        try {
            if (first == null || first.length == 0) {
                throw new ShellException("Not changed: no password typed (use --random for a generated one)");
            }
            if (!Arrays.equals(first, second)) {
                throw new ShellException("Not changed: the two passwords differ");
            }
            return first.clone();
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private char[] randomPassword() {
        return users.randomPassword().toCharArray();
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return String.join(",", Arrays.stream(array).map(String::valueOf).toList());
        }
        return value instanceof java.util.Collection<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    /** Line breaks and other control characters as {@code \n} or {@code \}{@code uXXXX}. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Runs {@code work} on a thread named {@code ftp-shell}: Gogo names the thread that runs a
     * command after the whole command line, and log lines carry the thread's name, so a secret
     * typed on the line ({@code ftp:set … tls.privateKeyPassword=…}) would reach the log with any
     * line the work logs.
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
}
