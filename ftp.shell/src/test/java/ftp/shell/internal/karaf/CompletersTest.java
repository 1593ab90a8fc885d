package ftp.shell.internal.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.jupiter.api.Test;

import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteStatus;
import ftp.core.api.UserAdministration;

/** Issue 12, item 5: site names, user names and setting keys complete in Karaf's shell. */
class CompletersTest {

    /** A command line whose cursor ends the word {@code typed}. */
    static CommandLine typing(String typed) {
        return (CommandLine) Proxy.newProxyInstance(CompletersTest.class.getClassLoader(),
                new Class<?>[] { CommandLine.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getCursorArgument", "getBuffer" -> typed;
                    case "getArgumentPosition", "getBufferPosition" -> typed.length();
                    case "getCursorArgumentIndex" -> 0;
                    case "getArguments" -> new String[] { typed };
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static List<String> complete(Completer completer, String typed) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typing(typed), candidates);
        return candidates.stream().map(String::trim).sorted().toList();
    }

    static SiteAdministration sites(List<String> names, Set<String> keys) {
        return (SiteAdministration) Proxy.newProxyInstance(CompletersTest.class.getClassLoader(),
                new Class<?>[] { SiteAdministration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "sites" -> names.stream().map(name -> new SiteStatus(name, SiteStatus.State.RUNNING, false,
                            "127.0.0.1", 2121, 0, 0, "", "")).toList();
                    case "settingKeys" -> keys;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void siteNamesComplete() {
        SiteNameCompleter completer = new SiteNameCompleter();
        completer.sites = sites(List.of("default", "second", "staging"), Set.of());
        assertEquals(List.of("second", "staging"), complete(completer, "s"));
        assertEquals(List.of("default", "second", "staging"), complete(completer, ""));
    }

    @Test
    void settingKeysCompleteAsAssignments() {
        SettingKeyCompleter completer = new SettingKeyCompleter();
        completer.sites = sites(List.of(), Set.of("banner.connect", "banner.login", "feature.hash", "ftp.port"));
        assertEquals(List.of("banner.connect=", "banner.login="), complete(completer, "ban"));
        assertEquals(List.of("feature.hash="), complete(completer, "feat"));
    }

    @Test
    void userNamesComplete() {
        UserNameCompleter completer = new UserNameCompleter();
        completer.users = (UserAdministration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { UserAdministration.class }, (proxy, method, args) -> List.of("ann", "anna", "bob"));
        assertEquals(List.of("ann", "anna"), complete(completer, "an"));
    }
}
