package ftp.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ftp.core.api.SessionInfo;
import ftp.core.api.SiteAdministration;
import ftp.core.api.SiteStatus;
import ftp.core.internal.user.ConfiguredUserStore;

/** Issue 8, items 8 and 9: what ftp:config prints and what ftp:set saves. */
class FtpShellCommandsTest {

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
    };

    final FtpShellCommands shell = new FtpShellCommands(sites, new ConfiguredUserStore(null));

    @Test
    void setWithoutAnAssignmentIsAnErrorAndSavesNothing() {
        String answer = shell.set("main");
        assertTrue(answer.startsWith("Not saved: nothing to change. Usage: ftp:set <site> key=value"), answer);
        assertTrue(saves.isEmpty());
    }

    @Test
    void setSavesOnlyTheNamedKeysWithTheirValuesAsTyped() {
        assertEquals("Saved; restart pending: ftp:restart main", shell.set("main", "banner.login=  Welcome ", "root="));
        assertEquals(Map.of("banner.login", "  Welcome ", "root", ""), saves.get(0));
        assertTrue(shell.set("main", "nonsense").startsWith("Not saved: 'nonsense' is not key=value"));
        assertEquals(1, saves.size());
    }

    /** Found by an attack: Gogo names its thread after the command line, which reached the log. */
    @Test
    void theSaveRunsOnAThreadWhoseNameCarriesNoCommandLine() {
        Thread.currentThread().setName("pipe-ftp:set main tls.privateKeyPassword=secret");
        shell.set("main", "tls.privateKeyPassword=secret");
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
}
