package ftp.shell.internal.karaf;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ftp.shell.internal.FtpShell;

@Command(scope = "ftp", name = "set", description = "Changes settings of a site; keys not named stay. Validated like a "
        + "site start before anything is written; takes effect with ftp:restart")
@Service
public class SetAction extends FtpAction {

    @Argument(index = 0, name = "site", description = "The site's name", required = true)
    @Completion(SiteNameCompleter.class)
    String site;

    @Argument(index = 1, name = "key=value", description = "One or more settings; key= returns a key to its default",
            required = true, multiValued = true)
    @Completion(SettingKeyCompleter.class)
    List<String> assignments;

    @Override
    String run(FtpShell shell) {
        return shell.set(site, assignments);
    }
}
