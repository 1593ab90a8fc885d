package ftp.shell.internal.karaf;

import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "user-add", description = "Creates a user in etc/ftp.user-<name>.cfg (password stored "
        + "as a bcrypt hash): asks for the password twice without echo, or --random prints a generated one once")
@Service
public class UserAddAction extends FtpAction {

    @Reference
    Session session;

    @Option(name = "--random", description = "A generated password, printed once, instead of asking for one")
    boolean random;

    @Option(name = "--home", description = "The home below the site root (default: the root itself)")
    String home;

    @Option(name = "--sites", description = "The sites the user may log in to, comma-separated (default: *, all)")
    String siteNames;

    @Option(name = "--protocols", description = "Allowed protocols, comma-separated: ftp, ftpes, ftps (default: all)")
    String protocols;

    @Option(name = "--permissions", description = "Permissions, comma-separated: list, read, write, append, delete, "
            + "rename, mkdir, rmdir (default: all)")
    String permissions;

    @Argument(index = 0, name = "name", description = "The user's name (1-64 letters, digits, '.', '_', '@' or '-')",
            required = true)
    String name;

    @Override
    String run(FtpShell shell) throws Exception {
        Map<String, String> settings = FtpShell.userSettings(home, siteNames, protocols, permissions);
        return shell.userAdd(name, random ? null : PasswordPrompt.ask(session), settings);
    }
}
