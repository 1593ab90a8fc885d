package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "passwd", description = "Sets a user's password (stored as a bcrypt hash): asks for it "
        + "twice without echo, so it stays out of the shell's history")
@Service
public class PasswdAction extends FtpAction {

    @Reference
    Session session;

    @Option(name = "--random", description = "Sets a generated password and prints it once instead of asking")
    boolean random;

    @Argument(index = 0, name = "user", description = "The user's name", required = true)
    @Completion(UserNameCompleter.class)
    String user;

    @Override
    String run(FtpShell shell) throws Exception {
        return shell.passwd(user, random ? null : PasswordPrompt.ask(session));
    }
}
