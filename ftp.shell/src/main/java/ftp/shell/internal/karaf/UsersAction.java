package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "users", description = "Lists the users of etc/ftp.user-*.cfg")
@Service
public class UsersAction extends FtpAction {

    @Override
    String run(FtpShell shell) {
        return shell.users();
    }
}
