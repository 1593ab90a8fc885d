package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "restart", description = "Restarts a site with its saved configuration (its sessions end)")
@Service
public class RestartAction extends FtpAction {

    @Argument(index = 0, name = "site", description = "The site's name", required = true)
    @Completion(SiteNameCompleter.class)
    String site;

    @Override
    String run(FtpShell shell) {
        return shell.restart(site);
    }
}
