package ftp.shell.internal.karaf;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "config", description = "Prints a site's saved configuration, one key = value a line "
        + "(secrets show only that they are set)")
@Service
public class ConfigAction extends FtpAction {

    @Argument(index = 0, name = "site", description = "The site's name", required = true)
    @Completion(SiteNameCompleter.class)
    String site;

    @Override
    String run(FtpShell shell) {
        return shell.config(site);
    }
}
