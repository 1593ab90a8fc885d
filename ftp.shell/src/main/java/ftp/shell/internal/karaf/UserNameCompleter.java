package ftp.shell.internal.karaf;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ftp.core.api.UserAdministration;

/** Completes the names of the users of etc/ftp.user-*.cfg. */
@Service
public class UserNameCompleter implements Completer {

    @Reference
    UserAdministration users;

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        return new StringsCompleter(users.users()).complete(session, line, candidates);
    }
}
