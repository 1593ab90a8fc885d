package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the distribution's {@code /ftp/metrics} (bundle ftp.metrics on the HTTP whiteboard),
 * read by the Prometheus client library's own parser (Debian's python3-prometheus-client).
 */
class MetricsE2ETest {

    /** Prints "name site label value" per sample, the label being result, direction or version. */
    private static final String PARSER = String.join("\n",
            "import sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    for s in family.samples:",
            "        label = s.labels.get('result') or s.labels.get('direction') or s.labels.get('version') or '-'",
            "        print(s.name, s.labels['site'], label, int(s.value))");

    @Test
    void prometheusReadsTheSitesCounters() throws Exception {
        Path output = Path.of(System.getProperty("e2e.output"));
        try (ServerProcess server = ServerProcess.start(Path.of(System.getProperty("ftp.server.jar")),
                Files.createDirectories(output.resolve("metrics")), output.resolve("metrics/server.log"), "metrics")) {
            FTPClient wrong = new FTPClient();
            wrong.connect("127.0.0.1", server.ftpPort);
            assertFalse(wrong.login("e2e", "wrong"));
            wrong.disconnect();
            FTPClient ftp = new FTPClient();
            ftp.connect("127.0.0.1", server.ftpPort);
            assertTrue(ftp.login("e2e", "e2e-password"));
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            assertTrue(ftp.storeFile("m.bin", new ByteArrayInputStream(new byte[4321])));

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort + "/ftp/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode(), scrape.body());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            List<String> samples = parse(scrape.body());
            for (String expected : List.of("ftp_sessions default - 1", "ftp_logins_total default succeeded 1",
                    "ftp_logins_total default failed 1", "ftp_logins_total default banned 0",
                    "ftp_transfers_total default upload 1", "ftp_transfers_total default download 0",
                    "ftp_transfer_bytes_total default upload 4321", "ftp_transfer_failures_total default - 0")) {
                assertTrue(samples.contains(expected), expected + " in " + samples);
            }
            ftp.logout();

            // a client's refused TLS handshake: one INFO line with its address and the reason, no ERROR
            Process openssl = new ProcessBuilder("openssl", "s_client", "-starttls", "ftp", "-tls1", "-connect",
                    "127.0.0.1:" + server.ftpPort).redirectErrorStream(true).start();
            openssl.getOutputStream().close();
            openssl.getInputStream().readAllBytes();
            assertTrue(openssl.waitFor(30, TimeUnit.SECONDS));
            server.await(java.time.Duration.ofSeconds(10), "the handshake's log line",
                    () -> server.logText().contains("TLS handshake with /127.0.0.1:"));
            assertEquals(1, server.logText().lines().filter(line -> line.contains("TLS handshake with")).count(),
                    server.logTail());
            // (not "no ERROR at all": Felix HTTP may log one when the console re-registers while the
            // start-up waits poll it, which is no TLS matter)
            assertFalse(server.logText().contains("org.apache.mina.filter.ssl"), server.logTail());
            assertFalse(server.logText().contains("SSLHandshakeException"), server.logTail());
        }
    }

    /** Debian's python3, where Debian's python3-prometheus-client is installed. */
    private static List<String> parse(String text) throws Exception {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", PARSER).redirectErrorStream(true).start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), printed);
        return printed.lines().toList();
    }
}
