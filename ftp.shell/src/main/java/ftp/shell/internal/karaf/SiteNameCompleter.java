package ftp.shell.internal.karaf;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteStatus;

/** Completes the names of the configured sites. */
@Service
public class SiteNameCompleter implements Completer {

    @Reference
    SiteAdministration sites;

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        return new StringsCompleter(sites.sites().stream().map(SiteStatus::name).toList())
                .complete(session, line, candidates);
    }
}
