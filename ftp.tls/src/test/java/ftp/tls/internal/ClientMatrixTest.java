package ftp.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real clients over FTPES and implicit FTPS with session reuse required (the default), pinned to
 * TLS 1.2 and to TLS 1.3 in turn: curl (OpenSSL), lftp (GnuTLS) and Python's ftplib (reusing the
 * control session on data connections). Every transfer's bytes are compared.
 */
class ClientMatrixTest {

    @TempDir
    Path dir;
    TlsSite tls;
    byte[] data;
    Path source;

    @BeforeEach
    void start() throws Exception {
        data = new byte[3 * 1024 * 1024 + 11];
        new Random(13).nextBytes(data);
        source = Files.write(dir.resolve("source.bin"), data);
    }

    @AfterEach
    void stop() {
        tls.site.close();
    }

    void startSite(String version) throws Exception {
        tls = TlsSite.start(dir.resolve("site"), Map.of("tls.minVersion", version, "tls.maxVersion", version));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void curlExplicitAndImplicit(String version) throws Exception {
        startSite(version);
        String pin = version.equals("TLSv1.2") ? "--tls-max" : "--tlsv1.3";
        String pinValue = version.equals("TLSv1.2") ? "1.2" : null;
        for (String url : List.of("ftp://127.0.0.1:" + tls.site.port() + "/", "ftps://127.0.0.1:" + tls.ftpsPort + "/")) {
            String name = url.startsWith("ftps") ? "implicit.bin" : "explicit.bin";
            List<String> common = new ArrayList<>(List.of("curl", "-sS", "--fail", "-k", "--ssl-reqd", "-u", "alice:secret", pin));
            if (pinValue != null) {
                common.add(pinValue);
            }
            List<String> upload = new ArrayList<>(common);
            upload.addAll(List.of("-T", source.toString(), url + name));
            run(upload);
            assertArrayEquals(data, Files.readAllBytes(tls.site.home().resolve(name)), "upload over " + url);
            Path target = dir.resolve("back-" + name);
            List<String> download = new ArrayList<>(common);
            download.addAll(List.of("-o", target.toString(), url + name));
            run(download);
            assertArrayEquals(data, Files.readAllBytes(target), "download over " + url);
            List<String> list = new ArrayList<>(common);
            list.addAll(List.of("-v", url));
            String trace = run(list);
            assertTrue(trace.contains("SSL connection using " + version.replace("v", "v")) || trace.contains(version), trace);
        }
    }

    /**
     * Active mode: the server connects and still runs the TLS server side. (Not curl: 7.88 sends
     * plain bytes on a data connection it accepted, which the server answers with 425.)
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void lftpInActiveModeWithProtectedData(String version) throws Exception {
        startSite(version);
        Path tree = Files.createDirectories(dir.resolve("active-tree"));
        Files.copy(source, tree.resolve("blob.bin"));
        String commands = "set ssl:verify-certificate no; set ftp:ssl-force yes; set ftp:ssl-protect-data yes; "
                + "set ftp:passive-mode off; set ftp:port-ipv4 127.0.0.1; set net:max-retries 1; set net:timeout 10; "
                + "mirror -R " + tree + " /active; mirror /active " + dir.resolve("active-back") + "; bye";
        String trace = run(List.of("lftp", "-d", "-u", "alice,secret", "-p", Integer.toString(tls.site.port()), "-e",
                commands, "127.0.0.1"));
        assertTrue(trace.contains("---> EPRT |1|127.0.0.1|") || trace.contains("---> PORT 127,0,0,1,"), "active mode: " + trace);
        assertTrue(!trace.contains("---> PASV") && !trace.contains("---> EPSV"), "never passive");
        assertArrayEquals(data, Files.readAllBytes(tls.site.home().resolve("active/blob.bin")));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("active-back/blob.bin")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void pythonFtplibReusingTheControlSession(String version) throws Exception {
        startSite(version);
        String script = """
                import ftplib, ssl, sys
                port, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
                class ReusingFTP_TLS(ftplib.FTP_TLS):
                    # Stock ftplib starts a new TLS session on each data connection; servers that
                    # require reuse (vsftpd, this one) need the control session passed on.
                    def ntransfercmd(self, cmd, rest=None):
                        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
                        if self._prot_p:
                            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)
                        return conn, size
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                ftp = ReusingFTP_TLS(context=context)
                ftp.connect('127.0.0.1', port, timeout=20)
                ftp.login('alice', 'secret')
                ftp.prot_p()
                with open(src, 'rb') as f:
                    ftp.storbinary('STOR py.bin', f)
                with open(dst, 'wb') as f:
                    ftp.retrbinary('RETR py.bin', f.write)
                print(ftp.sock.version(), ftp.nlst())
                ftp.quit()
                """;
        Path file = Files.writeString(dir.resolve("client.py"), script);
        String out = run(List.of("python3", file.toString(), Integer.toString(tls.site.port()), source.toString(),
                dir.resolve("py-back.bin").toString()));
        assertEquals(version + " ['py.bin']", out.strip());
        assertArrayEquals(data, Files.readAllBytes(tls.site.home().resolve("py.bin")));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("py-back.bin")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void stockFtplibIsRefusedWithoutReuse(String version) throws Exception {
        startSite(version);
        String script = """
                import ftplib, ssl, sys
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                ftp = ftplib.FTP_TLS(context=context)
                ftp.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
                ftp.login('alice', 'secret')
                ftp.prot_p()
                try:
                    ftp.nlst()
                    print('listed')
                except ftplib.error_perm as e:
                    print(e)
                """;
        Path file = Files.writeString(dir.resolve("stock.py"), script);
        String out = run(List.of("python3", file.toString(), Integer.toString(tls.site.port())));
        assertTrue(out.startsWith("522 "), out);
        tls.site.close();
        tls = TlsSite.start(dir.resolve("no-reuse"), Map.of("tls.minVersion", version, "tls.maxVersion", version,
                "tls.requireSessionReuse", false));
        assertEquals("listed", run(List.of("python3", file.toString(), Integer.toString(tls.site.port()))).strip(),
                "stock ftplib works once reuse is not required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
    void lftpMirrorsOverFtpes(String version) throws Exception {
        startSite(version);
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.copy(source, tree.resolve("blob.bin"));
        String commands = "set ssl:verify-certificate no; set ftp:ssl-force yes; set ftp:ssl-protect-data yes; "
                + "set net:max-retries 1; set net:timeout 10; mirror -R " + tree + " /up; mirror /up " + dir.resolve("back")
                + "; bye";
        run(List.of("lftp", "-u", "alice,secret", "-p", Integer.toString(tls.site.port()), "-e", commands, "127.0.0.1"));
        assertArrayEquals(data, Files.readAllBytes(tls.site.home().resolve("up/blob.bin")));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("back/blob.bin")));
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "timed out: " + command);
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }
}
