package ftp.karaf.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Karaf from its distribution, as an operator runs it: {@code bin/karaf server} in a copy of
 * the unpacked distribution, driven through {@code bin/client -b} (commands on its standard input,
 * as scripts do). Every listener is on 127.0.0.1 and a free port.
 */
final class Karaf implements AutoCloseable {

    /** The output of one {@code bin/client -b} run and its exit status. */
    record Result(int exit, String output) {
    }

    final Path home;
    final int sshPort = freePort();
    final int httpPort = freePort();
    private final Path console;
    private Process process;

    /**
     * @param online whether Maven artifacts come from this build's KAR, the local repository and
     *        Maven Central; else from nothing but Karaf's distribution (and a KAR installed)
     */
    Karaf(Path distribution, Path home, boolean online) throws IOException {
        this.home = home;
        this.console = home.resolveSibling(home.getFileName() + "-console.log");
        copy(distribution, home);
        replace("etc/users.properties", "#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup");
        replace("etc/users.properties", "#_g_\\:admingroup", "_g_\\:admingroup");
        replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + sshPort);
        replace("etc/org.apache.karaf.shell.cfg", "sshHost = 0.0.0.0", "sshHost = 127.0.0.1");
        replace("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = 1099", "rmiRegistryPort = " + freePort());
        replace("etc/org.apache.karaf.management.cfg", "rmiServerPort = 44444", "rmiServerPort = " + freePort());
        // the http feature keeps an existing file (its defaults are 0.0.0.0:8181)
        write("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + httpPort + "\n"
                + "org.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        if (online) {
            Path kar = unzip(Path.of(System.getProperty("ftp.kar")), home.resolveSibling("ftp-kar"));
            append("etc/org.ops4j.pax.url.mvn.cfg", "\n# the test: this build's KAR first, then the build's local repository\n"
                    + "org.ops4j.pax.url.mvn.localRepository = " + System.getProperty("maven.repo.local") + "\n"
                    + "org.ops4j.pax.url.mvn.defaultRepositories = file:" + kar.resolve("repository")
                    + "@id=ftp.kar@snapshots, ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots\n"
                    + "org.ops4j.pax.url.mvn.repositories = https://repo1.maven.org/maven2@id=central\n");
        } else {
            Path empty = Files.createDirectories(home.resolveSibling("empty-repository"));
            append("etc/org.ops4j.pax.url.mvn.cfg", "\n# the test: no network and an empty local repository\n"
                    + "org.ops4j.pax.url.mvn.localRepository = " + empty + "\n"
                    + "org.ops4j.pax.url.mvn.repositories =\n");
        }
    }

    /** Starts Karaf and waits until its shell answers over SSH. */
    void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // as docs/karaf.md tells operators: downloads may then cap what their sockets hold unsent
        builder.environment().put("EXTRA_JAVA_OPTS", "--add-opens java.base/sun.nio.ch=ALL-UNNAMED");
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!client("echo karaf-is-up").output().contains("karaf-is-up")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Karaf did not start; see " + console + " and " + log());
            }
            Thread.sleep(1000);
        }
    }

    /** Runs the commands in one shell session, as {@code bin/client -b} reads a script. */
    Result client(String... commands) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-a", String.valueOf(sshPort), "-u", "karaf", "-p", "karaf", "-r", "3", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        try (OutputStream in = client.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] output;
        try (InputStream out = client.getInputStream()) {
            output = out.readAllBytes();
        }
        if (!client.waitFor(180, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not end: " + String.join("; ", commands));
        }
        // Karaf colours its messages; the text is what a script reads
        String text = new String(output, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        return new Result(client.exitValue(), text);
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** How far karaf.log is now: {@link #logSince} reads what came after. */
    long logMark() throws IOException {
        return Files.size(log());
    }

    String logSince(long mark) throws IOException {
        byte[] all = Files.readAllBytes(log());
        return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(String file, String content) throws IOException {
        Files.writeString(home.resolve(file), content);
    }

    private void append(String file, String content) throws IOException {
        Files.writeString(home.resolve(file), content, StandardOpenOption.APPEND);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = home.resolve(file);
        String content = Files.readString(path);
        if (!content.contains(from)) {
            throw new IllegalStateException(file + " has no line '" + from + "'");
        }
        Files.writeString(path, content.replace(from, to));
    }

    private static Path unzip(Path zip, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = to.resolve(entry.getName()).normalize();
                if (!target.startsWith(to)) {
                    throw new IOException("entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return to;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
