package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "sessions", description = "Lists the open sessions of all sites")
@Service
public class SessionsAction extends FtpAction {

    @Override
    String run(FtpShell shell) {
        return shell.sessions();
    }
}
