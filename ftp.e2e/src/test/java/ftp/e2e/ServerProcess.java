package ftp.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution ({@code ftp-server.jar}) as a separate JVM on a scratch home and free loopback
 * ports: {@code java -Dftp.home=<home> -Dorg.osgi.service.http.port=<port> -jar ftp-server.jar}.
 * stdin is {@code /dev/null} (the Gogo shell ends at once; {@code gosh.args=--noshutdown} keeps
 * the framework running), stdout and stderr go to a log file.
 */
final class ServerProcess implements AutoCloseable {

    static final String CONSOLE_USER = "admin";
    /** How the first start in a home announces the Web Console's random password. */
    private static final Pattern CONSOLE_PASSWORD = Pattern.compile(
            "Created Web Console user 'admin' with password '([^']+)' \\(shown once; stored hashed\\)");

    final Path home;
    final Path log;
    final int ftpPort;
    final int httpPort;
    private final Process process;
    /** The console's password, once read from the first start's log. */
    String consolePassword;

    private ServerProcess(Path home, Path log, int ftpPort, int httpPort, Process process) {
        this.home = home;
        this.log = log;
        this.ftpPort = ftpPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    /**
     * Writes {@code etc/ftp.site-default.cfg} and {@code etc/ftp.user-e2e.cfg} into a new home
     * under {@code parent}, starts the server and waits until the FTP port answers 220 and the
     * console answers 200.
     */
    static ServerProcess start(Path jar, Path parent, Path log, String banner) throws Exception {
        Path home = Files.createTempDirectory(parent, "home-");
        int ftpPort = freePort();
        int httpPort = freePort();
        while (httpPort == ftpPort) {
            httpPort = freePort();
        }
        int pasvFrom = freeRange(20, Set.of(ftpPort, httpPort));
        int pasvTo = pasvFrom + 19;
        Path etc = Files.createDirectories(home.resolve("etc"));
        Files.writeString(etc.resolve("ftp.site-default.cfg"), String.join("\n",
                "bind.address = 127.0.0.1",
                "ftp.port = " + ftpPort,
                "ftps.port = 0",
                "pasv.ports = " + pasvFrom + "-" + pasvTo,
                "banner.connect = " + banner,
                ""));
        Files.writeString(etc.resolve("ftp.user-e2e.cfg"), String.join("\n",
                "password = e2e-password",
                "home = e2e",
                ""));
        ServerProcess server = launch(jar, home, log, httpPort, List.of(ftpPort));
        try {
            server.await(Duration.ofSeconds(60), "the console's password in the log", () -> {
                Matcher printed = CONSOLE_PASSWORD.matcher(server.logText());
                server.consolePassword = printed.find() ? printed.group(1) : null;
                return server.consolePassword != null;
            });
            server.await(Duration.ofSeconds(60), "the console", () -> server.consoleStatus("/bundles") == 200);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts the distribution on an existing home and waits until each of {@code ftpPorts} on
     * 127.0.0.1 answers 220.
     */
    static ServerProcess launch(Path jar, Path home, Path log, int httpPort, List<Integer> ftpPorts) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build ftp.app first");
        }
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java,
                "-Dftp.home=" + home,
                "-Dorg.osgi.service.http.port=" + httpPort,
                "-jar", jar.toString())
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        ServerProcess server = new ServerProcess(home, log, ftpPorts.get(0), httpPort, builder.start());
        try {
            for (int port : ftpPorts) {
                server.await(Duration.ofSeconds(60), "FTP 220 on port " + port, () -> greets(port));
            }
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    String consoleUrl(String path) {
        return "http://127.0.0.1:" + httpPort + "/system/console" + path;
    }

    /** Waits until {@code ready} holds; fails with the log's tail when the server exits or time runs out. */
    void await(Duration timeout, String what, BooleanSupplier ready) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + " before " + what + "; its log:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + timeout + "; its log:\n" + logTail());
            }
            Thread.sleep(250);
        }
    }

    private static boolean greets(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            return line != null && line.startsWith("220");
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of a console page fetched with the console's basic-auth credentials; -1 when unreachable. */
    int consoleStatus(String path) {
        return consoleStatus(path, CONSOLE_USER, consolePassword);
    }

    /** The status of a console page fetched with these credentials; -1 when unreachable. */
    int consoleStatus(String path, String user, String password) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(consoleUrl(path)).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    boolean isProcessOrDescendant(ProcessHandle handle) {
        return handle.pid() == process.pid()
                || process.descendants().anyMatch(d -> d.pid() == handle.pid());
    }

    /** Ends the server and whatever it started: SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** The first port of {@code size} consecutive ports that are free now and avoid {@code taken}. */
    static int freeRange(int size, Set<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int from = ThreadLocalRandom.current().nextInt(20000, 60000 - size);
            boolean ok = true;
            for (int port = from; ok && port < from + size; port++) {
                ok = !taken.contains(port) && bindable(port);
            }
            if (ok) {
                return from;
            }
        }
        throw new IllegalStateException("no range of " + size + " free ports");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
