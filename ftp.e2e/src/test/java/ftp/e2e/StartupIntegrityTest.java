package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Issue 8, items 1 and 2: the real distribution (File Install and all) started many times, on
 * fresh homes and again on the same homes, each with two non-default sites and four users with
 * plain passwords. After every start, every user logs in, every setting of both files is in
 * force (bound to 127.0.0.1 only, banners, disabled commands answer 502), nothing in the log was
 * refused, and the operator's files hold exactly what was written: byte for byte, with their
 * modes; on a fresh home only the plain passwords became hashes, and a later start on the same
 * home writes nothing at all (same bytes, same modification times).
 *
 * <p>{@code -Dstartup.homes} (default 8) and {@code -Dstartup.starts} (starts per home, default
 * 3) scale it; homes run two at a time, which also loads the machine as CI does.
 */
class StartupIntegrityTest {

    private static final List<String> USERS = List.of("carol", "dave", "erin", "frank");
    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r-----");
    /** Longer than two File Install polls (1 s): whatever a start writes back has been written by then. */
    private static final Duration SETTLE = Duration.ofMillis(2500);

    @Test
    void everyStartRunsExactlyWhatTheFilesSayAndWritesNothingElse() throws Exception {
        int homes = Integer.getInteger("startup.homes", 8);
        int starts = Integer.getInteger("startup.starts", 3);
        Path output = Path.of(System.getProperty("e2e.output", "target"));
        Path parent = Files.createDirectories(output.resolve("startup-homes"));
        Path jar = Path.of(System.getProperty("ftp.server.jar", "../ftp.app/target/ftp-server.jar"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < homes; i++) {
                int home = i;
                runs.add(pool.submit(() -> runHome(jar, parent, output, home, starts)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> run : runs) {
                failures.addAll(run.get());
            }
            assertTrue(failures.isEmpty(), failures.size() + " of " + homes * starts + " starts went wrong:\n"
                    + String.join("\n", failures));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One home, started {@code starts} times; a description of each start that went wrong. */
    private static List<String> runHome(Path jar, Path parent, Path output, int index, int starts) throws Exception {
        Path home = Files.createTempDirectory(parent, "home-" + index + "-");
        Path etc = Files.createDirectories(home.resolve("etc"));
        Ports alpha = Ports.free();
        Ports beta = Ports.free();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ftp.site-alpha.cfg", String.join("\n",
                "# Alpha: every value differs from the defaults.",
                "bind.address = 127.0.0.1",
                "ftp.port = " + alpha.ftp,
                "ftps.port = " + alpha.ftps,
                "pasv.ports = " + alpha.pasv,
                "banner.connect = Alpha \\",
                "    is ready",
                "feature.port = false",
                "feature.syst = false",
                "limits.maxLoginFailures = 1000",
                "root = data/alpha-root",
                ""));
        files.put("ftp.site-beta.cfg", String.join("\n",
                "bind.address = 127.0.0.1",
                "ftp.port = " + beta.ftp,
                "ftps.port = " + beta.ftps,
                "pasv.ports = " + beta.pasv,
                "banner.connect = Beta ready",
                "feature.stat = false",
                "limits.maxLoginFailures = 1000",
                ""));
        for (String user : USERS) {
            files.put("ftp.user-" + user + ".cfg", String.join("\n",
                    "# " + user + ": the plain password below becomes a bcrypt hash on first read",
                    "home = " + user,
                    "password = pw-" + user,
                    "permissions = list, read",
                    ""));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = etc.resolve(file.getKey());
            Files.writeString(path, file.getValue(), StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(path, MODE);
        }

        List<String> failures = new ArrayList<>();
        Map<Path, Snapshot> before = null;
        for (int start = 0; start < starts; start++) {
            String which = "home " + index + " start " + (start + 1);
            Path log = output.resolve("startup-logs").resolve("home-" + index + "-start-" + (start + 1) + ".log");
            try (ServerProcess server = ServerProcess.launch(jar, home, log, ServerProcess.freePort(),
                    List.of(alpha.ftp, beta.ftp))) {
                List<String> problems = new ArrayList<>();
                checkUsers(alpha, problems);
                checkSites(alpha, beta, problems);
                Thread.sleep(SETTLE.toMillis());
                String logText = Files.readString(log, StandardCharsets.UTF_8);
                for (String line : logText.split("\n")) {
                    if (line.contains("configuration refused") || line.contains("ERROR") || line.contains("WARN")) {
                        problems.add("log: " + line);
                    }
                }
                Map<Path, Snapshot> now = Snapshot.of(etc, files.keySet());
                if (before == null) {
                    checkFirstStart(files, now, problems);
                } else if (!before.equals(now)) {
                    problems.add("files written although nothing changed: before " + before.values()
                            + ", after " + now.values());
                }
                before = now;
                if (!problems.isEmpty()) {
                    failures.add(which + ": " + String.join("; ", problems));
                }
            } catch (Exception | Error e) {
                failures.add(which + ": " + e);
            }
        }
        return failures;
    }

    /** Both sites listen on 127.0.0.1 only, with their banners and their disabled commands. */
    private static void checkSites(Ports alpha, Ports beta, List<String> problems) throws IOException {
        for (Ports site : List.of(alpha, beta)) {
            for (int port : List.of(site.ftp, site.ftps)) {
                if (!bindable("127.0.0.2", port)) {
                    problems.add("port " + port + " is bound on more than 127.0.0.1");
                }
            }
        }
        try (Control c = Control.open(alpha.ftp)) {
            expect(c.greeting, "220 Alpha is ready", "alpha banner", problems);
            expect(c.send("SYST"), "502", "alpha SYST", problems);
            expect(c.login("carol", "pw-carol"), "230", "carol on alpha", problems);
            expect(c.send("PORT 127,0,0,1,200,10"), "502", "alpha PORT", problems);
        }
        try (Control c = Control.open(beta.ftp)) {
            expect(c.greeting, "220 Beta ready", "beta banner", problems);
            expect(c.send("STAT"), "502", "beta STAT", problems);
            expect(c.send("SYST"), "215", "beta SYST", problems);
        }
    }

    /**
     * Every user logs in. A user's configuration may reach the user store a moment after the
     * sites listen, so a refusal is tried again until a deadline; a user lost to the race never
     * comes back.
     */
    private static void checkUsers(Ports alpha, List<String> problems) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (String user : USERS) {
            String reply;
            do {
                try (Control c = Control.open(alpha.ftp)) {
                    reply = c.login(user, "pw-" + user);
                }
            } while (!reply.startsWith("230") && System.nanoTime() < deadline && sleep());
            expect(reply, "230", user + " login", problems);
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    /** On a fresh home, the only change is each plain password replaced by its hash, mode kept. */
    private static void checkFirstStart(Map<String, String> written, Map<Path, Snapshot> now, List<String> problems) {
        now.forEach((path, snapshot) -> {
            String name = path.getFileName().toString();
            String expected = written.get(name);
            String actual = snapshot.content;
            if (name.startsWith("ftp.user-")) {
                actual = actual.replaceFirst("(?m)^password = \\$2y\\$10\\$[./A-Za-z0-9]{53}$",
                        "password = pw-" + name.substring("ftp.user-".length(), name.length() - ".cfg".length()));
            }
            if (!expected.equals(actual)) {
                problems.add(name + " holds\n" + snapshot.content + "\ninstead of\n" + expected);
            }
            if (!snapshot.mode.equals(PosixFilePermissions.toString(MODE))) {
                problems.add(name + " has mode " + snapshot.mode);
            }
        });
    }

    private static void expect(String reply, String prefix, String what, List<String> problems) {
        if (reply == null || !reply.startsWith(prefix)) {
            problems.add(what + ": expected " + prefix + "…, got " + reply);
        }
    }

    private static boolean bindable(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A site's free loopback ports: FTP, implicit FTPS and a passive range. */
    private record Ports(int ftp, int ftps, String pasv) {
        static Ports free() throws IOException {
            int ftp = ServerProcess.freePort();
            int ftps = ServerProcess.freePort();
            int from = ServerProcess.freeRange(10, Set.of(ftp, ftps));
            return new Ports(ftp, ftps, from + "-" + (from + 9));
        }
    }

    /** What a file holds and its metadata. */
    private record Snapshot(String content, String mode, FileTime modified) {
        static Map<Path, Snapshot> of(Path etc, Set<String> names) throws IOException {
            Map<Path, Snapshot> all = new LinkedHashMap<>();
            for (String name : names) {
                Path path = etc.resolve(name);
                all.put(path, new Snapshot(Files.readString(path, StandardCharsets.ISO_8859_1),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                        Files.getLastModifiedTime(path)));
            }
            return all;
        }

        @Override
        public String toString() {
            return content.length() + " bytes, " + mode + ", " + modified;
        }
    }

    /** A raw control connection: the last line of each reply. */
    private static final class Control implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final Writer out;
        final String greeting;

        private Control(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            this.greeting = reply(true);
        }

        static Control open(int port) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return new Control(socket);
        }

        String send(String command) throws IOException {
            out.write(command + "\r\n");
            out.flush();
            return reply(false);
        }

        String login(String user, String password) throws IOException {
            String reply = send("USER " + user);
            return reply != null && reply.startsWith("331") ? send("PASS " + password) : reply;
        }

        /** The reply's last line, or with {@code first} its first line joined to the text of the others. */
        private String reply(boolean first) throws IOException {
            String line = in.readLine();
            if (line == null) {
                fail("connection closed");
            }
            String result = line;
            if (line.length() > 3 && line.charAt(3) == '-') {
                String end = line.substring(0, 3) + " ";
                StringBuilder joined = new StringBuilder(line);
                while (!(line = in.readLine()).startsWith(end)) {
                    joined.append(' ').append(line.strip());
                }
                joined.append(' ').append(line.substring(4).strip());
                result = first ? joined.toString() : line;
            }
            return result;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
