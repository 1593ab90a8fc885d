package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;

import ftp.core.api.SiteAdministration;
import ftp.core.api.UserAdministration;
import ftp.shell.internal.FtpShell;
import ftp.shell.internal.FtpShell.ShellException;

/**
 * What the Karaf actions share: the services, and printing to the session's own output (Karaf
 * routes {@code System.out} per session, also in scripted {@code bin/client} runs, which do not
 * print a command's return value). A refusal is thrown as Karaf's {@link CommandException}: the
 * shell shows its message as the command's error, a script sees a failure, and Karaf's log gets no
 * ERROR with a stack trace (which it writes for any other exception) for a mistyped argument.
 */
abstract class FtpAction implements Action {

    @Reference
    SiteAdministration sites;

    @Reference
    UserAdministration users;

    FtpShell shell() {
        return new FtpShell(sites, users);
    }

    @Override
    public final Object execute() throws Exception {
        String text;
        try {
            text = run(shell());
        } catch (ShellException refused) {
            throw new CommandException(refused.getMessage(), refused);
        }
        System.out.print(text.endsWith(System.lineSeparator()) ? text : text + System.lineSeparator());
        System.out.flush();
        return null;
    }

    abstract String run(FtpShell shell) throws Exception;
}
