package ftp.shell.internal;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

import ftp.shell.internal.FtpShell.ShellException;

/**
 * The Gogo front end (the standalone server's shell): each function returns what to print; a
 * refusal is printed as its message. Registered by {@link GogoFrontEnd}.
 */
public final class GogoCommands {

    /** The functions, as {@code osgi.command.function} lists them; {@code user-add} is registered apart. */
    static final String[] FUNCTIONS = { "sites", "restart", "sessions", "config", "set", "users", "passwd" };

    private final FtpShell shell;

    GogoCommands(FtpShell shell) {
        this.shell = shell;
    }

    @Descriptor("lists the sites: address, FTPS port, state, restart pending, sessions")
    public String sites() {
        return shell.sites();
    }

    @Descriptor("restarts a site with its saved configuration (its sessions end)")
    public String restart(@Descriptor("the site's name") String site) {
        return answer(() -> shell.restart(site));
    }

    @Descriptor("lists the open sessions of all sites")
    public String sessions() {
        return shell.sessions();
    }

    @Descriptor("prints a site's saved configuration (secrets show only that they are set)")
    public String config(@Descriptor("the site's name") String site) {
        return answer(() -> shell.config(site));
    }

    @Descriptor("changes settings of a site: at least one key=value (key= returns the key to its default); "
            + "keys not named stay; validated before anything is written; applies on ftp:restart")
    public String set(@Descriptor("the site's name") String site,
            @Descriptor("key=value, one or more") String... assignments) {
        return answer(() -> shell.set(site, Arrays.asList(assignments)));
    }

    @Descriptor("lists the users of etc/ftp.user-*.cfg")
    public String users() {
        return shell.users();
    }

    @Descriptor("creates a user (etc/ftp.user-<name>.cfg); asks for the password twice without echo, "
            + "or --random prints a generated one once")
    public String useradd(
            @Descriptor("a generated password, printed once, instead of asking for one")
            @Parameter(names = "--random", presentValue = "true", absentValue = "false") boolean random,
            @Descriptor("the home below the site root (default: the root itself)")
            @Parameter(names = "--home", absentValue = "") String home,
            @Descriptor("the sites the user may log in to, comma-separated (default: *, all)")
            @Parameter(names = "--sites", absentValue = "") String sites,
            @Descriptor("allowed protocols, comma-separated: ftp, ftpes, ftps (default: all)")
            @Parameter(names = "--protocols", absentValue = "") String protocols,
            @Descriptor("permissions, comma-separated: list, read, write, append, delete, rename, mkdir, rmdir "
                    + "(default: all)")
            @Parameter(names = "--permissions", absentValue = "") String permissions,
            @Descriptor("the user's name") String name) {
        Map<String, String> settings = FtpShell.userSettings(home, sites, protocols, permissions);
        return answer(() -> shell.userAdd(name, random ? null : typed(), settings));
    }

    @Descriptor("sets a user's password: asks for it twice without echo, or --random prints a generated one once")
    public String passwd(
            @Descriptor("a generated password, printed once, instead of asking for one")
            @Parameter(names = "--random", presentValue = "true", absentValue = "false") boolean random,
            @Descriptor("the user's name") String user) {
        return answer(() -> shell.passwd(user, random ? null : typed()));
    }

    /** The password typed twice at the terminal without echo; a server without one says to use --random. */
    private static char[] typed() {
        Console console = System.console();
        if (console == null) {
            throw new ShellException("Not changed: no terminal to ask for a password; use --random");
        }
        return FtpShell.confirmed(console.readPassword("Password: "), console.readPassword("Again: "));
    }

    private static String answer(java.util.function.Supplier<String> command) {
        try {
            return command.get();
        } catch (ShellException refused) {
            return refused.getMessage();
        }
    }
}
