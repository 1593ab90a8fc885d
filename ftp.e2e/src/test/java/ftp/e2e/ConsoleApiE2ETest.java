package ftp.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 through the distribution's JSON API, with the console's credentials: saves are merges,
 * keys are checked, names are checked before anything is written, secrets never come back, text
 * stays literal through File Install, the page cannot be framed or cached, and there are no
 * default credentials.
 */
class ConsoleApiE2ETest {

    private static Path output;
    private static ServerProcess server;
    private static String token;

    @BeforeAll
    static void startServer() throws Exception {
        output = Path.of(System.getProperty("e2e.output", "target"));
        Path jar = Path.of(System.getProperty("ftp.server.jar", "../ftp.app/target/ftp-server.jar"));
        server = ServerProcess.start(jar, Files.createDirectories(output.resolve("api-homes")),
                output.resolve("api-server.log"), "Old banner");
        token = readToken();
    }

    private static String readToken() throws IOException {
        Matcher found = Pattern.compile("data-token='([0-9a-f]+)'").matcher(get("/ftp").body);
        assertTrue(found.find(), "the page carries the token");
        return found.group(1);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Path siteFile() {
        return server.home.resolve("etc/ftp.site-default.cfg");
    }

    @Test
    void thereAreNoDefaultCredentials() {
        assertEquals(401, server.consoleStatus("/bundles", "admin", "admin"));
        assertEquals(200, server.consoleStatus("/bundles"));
    }

    @Test
    void thePageCannotBeFramedByAnotherSiteNorCached() throws Exception {
        Response page = get("/ftp");
        assertEquals(200, page.code);
        assertEquals("SAMEORIGIN", page.connection.getHeaderField("X-Frame-Options"));
        assertEquals("frame-ancestors 'self'", page.connection.getHeaderField("Content-Security-Policy"));
        assertTrue(page.connection.getHeaderField("Cache-Control").contains("no-store"));
    }

    @Test
    void aOneKeySaveChangesOneLine() throws Exception {
        List<String> before = Files.readAllLines(siteFile());
        Response saved = post("/ftp/site/default", "{\"configuration\": {\"banner.login\": \"Hello there\"}}");
        assertEquals(200, saved.code, saved.body);
        List<String> after = Files.readAllLines(siteFile());
        assertTrue(after.containsAll(before), "every other line is kept: " + after);
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.contains("banner.login = Hello there"), after.toString());
    }

    @Test
    void unknownOrMalformedKeysAndBadNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] before = Files.readAllBytes(siteFile());
        for (String body : List.of("{\"configuration\": {\"x\\nroot\": \"/\"}}",
                "{\"configuration\": {\"tls.forceStartTLs\": true}}",
                "{\"configuration\": {\"name\": \"../../evil\"}}",
                "{\"configuration\": {\"root\": \"data\"}}")) {
            Response refused = post("/ftp/site/default", body);
            assertEquals(400, refused.code, body + " -> " + refused.body);
            assertTrue(refused.body.contains("\"errors\""), refused.body);
            assertArrayEquals(before, Files.readAllBytes(siteFile()), body);
        }
        assertTrue(post("/ftp/site/default", "{\"configuration\": {\"tls.forceStartTLs\": true}}").body
                .contains("tls.forceStartTLs"), "the refusal names the key");
    }

    @Test
    void aSecretIsStoredButNeverReturned() throws Exception {
        Response saved = post("/ftp/site/default", "{\"configuration\": {\"tls.privateKeyPassword\": \"s3cret-pw\"}}");
        assertEquals(200, saved.code, saved.body);
        assertTrue(Files.readString(siteFile()).contains("tls.privateKeyPassword = s3cret-pw"));
        Response site = get("/ftp/site/default.json");
        assertFalse(site.body.contains("s3cret-pw"), site.body);
        assertTrue(site.body.contains("\"secretsSet\":[\"tls.privateKeyPassword\"]"), site.body);
        assertFalse(saved.body.contains("s3cret-pw"), saved.body);
        assertFalse(server.logText().contains("s3cret-pw"), "nor logged");
        assertEquals(200, post("/ftp/site/default", "{\"configuration\": {\"tls.privateKeyPassword\": null}}").code);
        assertFalse(Files.readString(siteFile()).contains("tls.privateKeyPassword"));
    }

    /** Through the whole path: the file, File Install's reading of it in a new process, the 220. */
    @Test
    void savedTextStaysLiteralAcrossARestartOfTheServer() throws Exception {
        Response saved = post("/ftp/site/default", "{\"configuration\": {\"banner.connect\": "
                + "\"Welcome ${user.name} ${env:HOME} \\\\ end\"}}");
        assertEquals(200, saved.code, saved.body);
        server.close();
        Path jar = Path.of(System.getProperty("ftp.server.jar", "../ftp.app/target/ftp-server.jar"));
        String password = server.consolePassword;
        server = ServerProcess.launch(jar, server.home, output.resolve("api-server-2.log"), server.httpPort,
                List.of(server.ftpPort));
        server.consolePassword = password;
        server.await(java.time.Duration.ofSeconds(60), "the console", () -> server.consoleStatus("/bundles") == 200);
        token = readToken();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.ftpPort), 5000);
            socket.setSoTimeout(5000);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("220 Welcome ${user.name} ${env:HOME} \\ end", greeting);
        }
    }

    private record Response(int code, String body, HttpURLConnection connection) {
    }

    private static Response get(String path) throws IOException {
        return exchange("GET", path, null);
    }

    private static Response post(String path, String json) throws IOException {
        return exchange("POST", path, json);
    }

    private static Response exchange(String method, String path, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(server.consoleUrl(path)).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(20_000);
        c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (ServerProcess.CONSOLE_USER + ":" + server.consolePassword).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("X-FTP-Token", token);
            c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
        int code = c.getResponseCode();
        InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Response(code, body, c);
    }
}
