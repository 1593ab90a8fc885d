package ftp.shell.internal.karaf;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ftp.core.api.SiteAdministration;

/** Completes {@code key=} for every setting a site accepts now, with the installed commands' features. */
@Service
public class SettingKeyCompleter implements Completer {

    @Reference
    SiteAdministration sites;

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        return new StringsCompleter(sites.settingKeys().stream().map(key -> key + "=").toList())
                .complete(session, line, candidates);
    }
}
