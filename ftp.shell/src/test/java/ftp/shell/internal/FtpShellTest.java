package ftp.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ftp.core.api.SessionInfo;
import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteMetrics;
import ftp.core.api.SiteStatus;
import ftp.core.api.UserAdministration;
import ftp.shell.internal.FtpShell.ShellException;

/** Issue 8, items 8 and 9: what ftp:config prints and what ftp:set saves; issue 12: users and passwords. */
class FtpShellTest {

    final List<Map<String, ?>> saves = new ArrayList<>();
    final List<String> savingThreads = new ArrayList<>();

    final SiteAdministration sites = new SiteAdministration() {
        @Override
        public List<SiteStatus> sites() {
            return List.of();
        }

        @Override
        public SiteStatus restart(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> configuration(String name) {
            return Map.of("ftp.port", "2121", "banner.connect", "Hi\ntls.privateKeyPassword = (set; not shown)");
        }

        @Override
        public Set<String> secretsSet(String name) {
            return Set.of("tls.privateKeyPassword");
        }

        @Override
        public SiteStatus save(String name, Map<String, ?> changes) {
            saves.add(changes);
            savingThreads.add(Thread.currentThread().getName());
            return new SiteStatus(name, SiteStatus.State.RUNNING, true, "127.0.0.1", 2121, 0, 0, "", "");
        }

        @Override
        public List<SessionInfo> sessions() {
            return List.of();
        }

        @Override
        public Set<String> settingKeys() {
            return Set.of("ftp.port");
        }

        @Override
        public List<SiteMetrics> metrics() {
            return List.of();
        }
    };

    final List<String> passwords = new ArrayList<>();
    final List<Map<String, String>> added = new ArrayList<>();

    final UserAdministration users = new UserAdministration() {
        @Override
        public List<String> users() {
            return List.of("ann", "bob");
        }

        @Override
        public Path add(String name, char[] password, Map<String, String> settings) throws IOException {
            if (name.contains(" ")) {
                throw new IllegalArgumentException("name: '" + name + "' is not a user name");
            }
            passwords.add(new String(password));
            added.add(settings);
            return Path.of("/etc/ftp.user-" + name + ".cfg");
        }

        @Override
        public void setPassword(String name, char[] password) {
            if (!users().contains(name)) {
                throw new IllegalArgumentException("no user named '" + name + "'");
            }
            passwords.add(new String(password));
        }

        @Override
        public String randomPassword() {
            return "Random-Password-1";
        }
    };

    final FtpShell shell = new FtpShell(sites, users);
    final GogoCommands gogo = new GogoCommands(shell);

    @Test
    void setWithoutAnAssignmentIsAnErrorAndSavesNothing() {
        String answer = gogo.set("main");
        assertTrue(answer.startsWith("Not saved: nothing to change. Usage: ftp:set <site> key=value"), answer);
        assertTrue(saves.isEmpty());
    }

    @Test
    void setSavesOnlyTheNamedKeysWithTheirValuesAsTyped() {
        assertEquals("Saved; restart pending: ftp:restart main", gogo.set("main", "banner.login=  Welcome ", "root="));
        assertEquals(Map.of("banner.login", "  Welcome ", "root", ""), saves.get(0));
        ShellException refused = assertThrows(ShellException.class, () -> shell.set("main", List.of("nonsense")));
        assertTrue(refused.getMessage().startsWith("Not saved: 'nonsense' is not key=value"), refused.getMessage());
        assertEquals(1, saves.size());
    }

    /** Found by an attack: Gogo names its thread after the command line, which reached the log. */
    @Test
    void theSaveRunsOnAThreadWhoseNameCarriesNoCommandLine() {
        Thread.currentThread().setName("pipe-ftp:set main tls.privateKeyPassword=secret");
        gogo.set("main", "tls.privateKeyPassword=secret");
        assertEquals(List.of("ftp-shell"), savingThreads);
        assertEquals("pipe-ftp:set main tls.privateKeyPassword=secret", Thread.currentThread().getName(), "restored");
    }

    @Test
    void configShowsThatASecretIsSetButNeverItsValueAndOneLineAKey() {
        String printed = shell.config("main");
        assertTrue(printed.contains("banner.connect = Hi\\ntls.privateKeyPassword = (set; not shown)"), printed);
        assertEquals(3, printed.lines().count(), printed);
        assertTrue(printed.contains("tls.privateKeyPassword = (set; not shown)"), printed);
        assertTrue(printed.contains("ftp.port = 2121"), printed);
    }

    /** Issue 12, item 5: ftp:passwd user pw left the password in the shell's history; now typed twice or random. */
    @Test
    void passwordsAreTypedTwiceOrGeneratedNeverTakenFromTheCommandLine() {
        assertEquals("New password for bob: Random-Password-1 (shown once; stored as a bcrypt hash)", shell.passwd("bob", null));
        assertEquals("Password of bob changed (stored as a bcrypt hash)",
                shell.passwd("bob", FtpShell.confirmed("typed".toCharArray(), "typed".toCharArray())));
        assertEquals(List.of("Random-Password-1", "typed"), passwords);
        assertTrue(assertThrows(ShellException.class, () -> FtpShell.confirmed("a".toCharArray(), "b".toCharArray()))
                .getMessage().contains("differ"));
        assertTrue(assertThrows(ShellException.class, () -> FtpShell.confirmed(new char[0], new char[0]))
                .getMessage().contains("--random"));
        assertTrue(assertThrows(ShellException.class, () -> shell.passwd("nobody", null)).getMessage()
                .startsWith("Not changed: no user named 'nobody'"));
        String noTerminal = gogo.passwd(false, "bob");
        assertTrue(noTerminal.contains("use --random"), noTerminal);
    }

    @Test
    void userAddTakesTheOptionsAsSettingsAndNamesWhatItRefuses() {
        String created = gogo.useradd(true, "ann-home", "", "ftpes,ftps", "", "carl");
        assertEquals("User carl created in /etc/ftp.user-carl.cfg; password: Random-Password-1 (shown once; stored as a "
                + "bcrypt hash)", created);
        assertEquals(Map.of("home", "ann-home", "protocols", "ftpes,ftps"), added.get(0));
        assertTrue(gogo.useradd(true, "", "", "", "", "bad name").startsWith("Not created: name: 'bad name'"));
        assertEquals("ann" + System.lineSeparator() + "bob" + System.lineSeparator(), shell.users());
    }
}
