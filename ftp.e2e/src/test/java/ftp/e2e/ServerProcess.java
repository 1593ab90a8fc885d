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

/**
 * The distribution ({@code ftp-server.jar}) as a separate JVM on a scratch home and free loopback
 * ports: {@code java -Dftp.home=<home> -Dorg.osgi.service.http.port=<port> -jar ftp-server.jar}.
 * stdin is {@code /dev/null} (the Gogo shell ends at once; {@code gosh.args=--noshutdown} keeps
 * the framework running), stdout and stderr go to a log file.
 */
final class ServerProcess implements AutoCloseable {

    static final String CONSOLE_USER = "admin";
    static final String CONSOLE_PASSWORD = "admin";

    final Path home;
    final Path log;
    final int ftpPort;
    final int httpPort;
    final int pasvFrom;
    final int pasvTo;
    private final Process process;

    private ServerProcess(Path home, Path log, int ftpPort, int httpPort, int pasvFrom, int pasvTo,
            Process process) {
        this.home = home;
        this.log = log;
        this.ftpPort = ftpPort;
        this.httpPort = httpPort;
        this.pasvFrom = pasvFrom;
        this.pasvTo = pasvTo;
        this.process = process;
    }

    /**
     * Writes {@code etc/ftp.site-default.cfg} and {@code etc/ftp.user-e2e.cfg} into a new home
     * under {@code parent}, starts the server and waits until the FTP port answers 220 and the
     * console answers 200.
     */
    static ServerProcess start(Path jar, Path parent, Path log, String banner) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build ftp.app first");
        }
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
        ServerProcess server = new ServerProcess(home, log, ftpPort, httpPort, pasvFrom, pasvTo,
                builder.start());
        try {
            server.awaitReady(Duration.ofSeconds(60));
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    String consoleUrl(String path) {
        return "http://127.0.0.1:" + httpPort + "/system/console" + path;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ftp = false;
        boolean console = false;
        while (!(ftp && console)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + "; its log:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server was not ready within " + timeout
                        + " (FTP 220: " + ftp + ", console 200: " + console + "); its log:\n"
                        + logTail());
            }
            ftp = ftp || ftpGreets();
            console = console || consoleStatus("/bundles") == 200;
            if (!(ftp && console)) {
                Thread.sleep(250);
            }
        }
    }

    private boolean ftpGreets() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", ftpPort), 1000);
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
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(consoleUrl(path)).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (CONSOLE_USER + ":" + CONSOLE_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
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
