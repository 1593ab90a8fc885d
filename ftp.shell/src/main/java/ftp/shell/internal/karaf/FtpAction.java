package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import ftp.core.api.SiteAdministration;
import ftp.core.api.UserAdministration;
import ftp.shell.internal.FtpShell;

/**
 * What the Karaf actions share: the services, and printing to the session's own output (Karaf
 * routes {@code System.out} per session, also in scripted {@code bin/client} runs, which do not
 * print a command's return value). A refusal is thrown, so Karaf shows it as the command's error
 * and a script sees a failure.
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
        String text = run(shell());
        System.out.print(text.endsWith(System.lineSeparator()) ? text : text + System.lineSeparator());
        System.out.flush();
        return null;
    }

    abstract String run(FtpShell shell) throws Exception;
}
