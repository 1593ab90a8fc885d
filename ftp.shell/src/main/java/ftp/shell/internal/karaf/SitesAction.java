package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "sites", description = "Lists the sites: address, FTPS port, state, restart pending, "
        + "sessions, and why a site does not run")
@Service
public class SitesAction extends FtpAction {

    @Override
    String run(FtpShell shell) {
        return shell.sites();
    }
}
