package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the standalone distribution logs as Karaf does, through Pax Logging and Log4j 2,
 * configured by {@code <home>/etc/org.ops4j.pax.logging.cfg}: dated lines in {@code <home>/log/ftp.log}
 * from the first line of a start, and an operator's change to that file takes effect while the
 * server runs.
 */
class LogFileE2ETest {

    /** Date, time with milliseconds, zone offset, then [thread] and the level. */
    private static final Pattern DATED = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} \\[.+\\] (TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - .*");
    /** The lines a logged exception adds below its dated line: its type and message, frames, causes. */
    private static final Pattern THROWABLE = Pattern.compile(
            "^([\\w$]+\\.)+[\\w$]*(Exception|Error|Throwable)(: .*)?$|^\\t.*|^(Caused by|Suppressed): .*");

    @Test
    void theServerWritesDatedLinesToItsLogDirectoryAsItsEtcFileSays() throws Exception {
        Path output = Files.createDirectories(Path.of(System.getProperty("e2e.output"), "logfile"));
        try (ServerProcess server = ServerProcess.start(Path.of(System.getProperty("ftp.server.jar")), output,
                output.resolve("console.log"), "logfile")) {
            Path etc = server.home.resolve("etc/org.ops4j.pax.logging.cfg");
            Path log = server.home.resolve("log/ftp.log");
            assertTrue(Files.isRegularFile(etc), "the logging configuration is written into etc/ at the first start");
            server.await(Duration.ofSeconds(10), "the site's start in " + log,
                    () -> read(log).stream().anyMatch(line -> line.contains("Site default serving ftp://127.0.0.1:")));
            List<String> lines = read(log);
            // the first line of the start is already in the file (Pax Logging was configured before any bundle started)
            assertTrue(lines.stream().anyMatch(line -> line.contains("org.apache.felix.http - Started Jetty")), lines.toString());
            for (String line : lines) {
                assertTrue(DATED.matcher(line).matches() || THROWABLE.matcher(line).matches(), "a dated line: " + line);
            }
            assertFalse(String.join("\n", lines).contains("Created user"), "passwords shown once stay off the log file");

            // the operator sends the log elsewhere: File Install delivers the edit, Pax Logging applies it
            Path other = server.home.resolve("log/other.log");
            // (saved whole, as editors that write a new file and rename it do: File Install may read a file mid-write)
            Path edited = Files.writeString(server.home.resolve("edited.cfg"),
                    Files.readString(etc).replace("${ftp.log}/ftp.log", "${ftp.log}/other.log"));
            Files.move(edited, etc, StandardCopyOption.ATOMIC_MOVE);
            // (Log4j 2 opens a file appender's file when it starts it)
            server.await(Duration.ofSeconds(20), other + " opened", () -> Files.exists(other));
            failLogin(server.ftpPort);
            server.await(Duration.ofSeconds(10), "the failed login in " + other, () -> read(other).stream().anyMatch(
                    line -> line.contains(" WARN ftp.auth - login failed: site=default client=127.0.0.1 user=\"nobody\"")));
        }
    }

    private static void failLogin(int port) {
        FTPClient ftp = new FTPClient();
        try {
            ftp.connect("127.0.0.1", port);
            assertFalse(ftp.login("nobody", "wrong"));
            ftp.disconnect();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> read(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
