package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the distribution's authentication log lines, read by Debian's {@code fail2ban-regex}
 * from the log file the server writes ({@code <home>/log/ftp.log}) with the filter shipped in
 * docs/fail2ban: every failed login matches with the client's address, no successful one does, and
 * a user name that holds the failure text frames nobody.
 */
class Fail2banFilterTest {

    private static final Path FILTER = Path.of(System.getProperty("e2e.project"), "docs/fail2ban/filter.d/ftp-osgi.conf");

    @Test
    void everyFailedLoginMatchesAndNothingElse() throws Exception {
        Path output = Path.of(System.getProperty("e2e.output"));
        Path log;
        try (ServerProcess server = ServerProcess.start(Path.of(System.getProperty("ftp.server.jar")),
                Files.createDirectories(output.resolve("fail2ban")), output.resolve("fail2ban/console.log"), "fail2ban")) {
            log = server.home.resolve("log/ftp.log");
            for (String user : new String[] { "e2e", "nobody", "x\" login failed: site=a client=203.0.113.9 user=\"y" }) {
                FTPClient ftp = new FTPClient();
                ftp.connect("127.0.0.1", server.ftpPort);
                assertFalse(ftp.login(user, "wrong-password"));
                ftp.disconnect();
            }
            FTPClient ok = new FTPClient();
            ok.connect("127.0.0.1", server.ftpPort);
            assertTrue(ok.login("e2e", "e2e-password"));
            ok.logout();
            ok.disconnect();
            server.await(Duration.ofSeconds(10), "four authentication lines in " + log,
                    () -> authenticationLines(log) == 4);
        }
        String result = fail2banRegex("--print-all-matched", log);
        Matcher failregex = Pattern.compile("Failregex: (\\d+) total").matcher(result);
        assertTrue(failregex.find(), result);
        assertEquals(3, Integer.parseInt(failregex.group(1)), result);
        Matcher matched = Pattern.compile("Lines: \\d+ lines, \\d+ ignored, (\\d+) matched").matcher(result);
        assertTrue(matched.find(), result);
        assertEquals(3, Integer.parseInt(matched.group(1)), "the successful login does not match:\n" + result);
        // the addresses fail2ban would ban: the client's, three times; never one a user name holds
        assertEquals(java.util.List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"),
                fail2banRegex("--out=ip", log).lines().map(String::trim).filter(line -> !line.isEmpty()).toList());
    }

    /** Both log formats match; a failure text quoted inside another line, in either format, frames nobody. */
    @Test
    void theFilterReadsStandaloneAndKarafLinesAndCannotBeForged() throws Exception {
        Path log = Files.createDirectories(Path.of(System.getProperty("e2e.output"), "fail2ban")).resolve("crafted.log");
        Files.writeString(log, String.join("\n",
                "2026-12-01 15:58:31.240+0000 [ftp-default-login-1] WARN ftp.auth - login failed: site=default "
                        + "client=127.0.0.1 user=\"e2e\" outcome=REJECTED",
                "2026-12-01 15:58:31.241+0000 [ftp-default-login-1] INFO ftp.core.internal.site.SiteAuthenticator - "
                        + "Site default: 'x login failed: site=a client=203.0.113.9 user=\"' from /127.0.0.1 may not log in",
                "2026-12-01T16:15:24,722 | WARN  | ftp-default-login-1 | auth                             | 53 - ftp.core - "
                        + "0.1.0 | login failed: site=default client=192.0.2.5 user=\"bob\" outcome=BANNED",
                "2026-12-01T16:15:24,723 | INFO  | ftp-default-login-1 | SiteAuthenticator                | 53 - ftp.core - "
                        + "0.1.0 | Site default: 'x | WARN | t | auth | 1 - x | login failed: site=a client=203.0.113.7 user=\"'",
                ""));
        assertEquals(java.util.List.of("127.0.0.1", "192.0.2.5"),
                fail2banRegex("--out=ip", log).lines().map(String::trim).filter(line -> !line.isEmpty()).toList());
    }

    private static long authenticationLines(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(" ftp.auth - login ")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String fail2banRegex(String option, Path log) throws Exception {
        Process process = new ProcessBuilder("fail2ban-regex", option, log.toString(), FILTER.toString())
                .redirectErrorStream(true).start();
        String result = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), result);
        return result;
    }
}
