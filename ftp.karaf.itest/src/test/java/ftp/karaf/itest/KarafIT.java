package ftp.karaf.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12 in a real Karaf 4.4 from Maven Central: the two commands of docs/karaf.md, the shell,
 * users from {@code ftp:user-add} and from Karaf's JAAS realm, FTP and FTPES, a restart, the
 * console page, and uninstalling and installing again, all without the operator's shell being
 * refreshed. The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafIT {

    private static final String VERSION = System.getProperty("ftp.version");
    private static final String REPOSITORY = "mvn:ftp.server/ftp.karaf/" + VERSION + "/xml/features";

    private Karaf karaf;
    private final int ftpPort = Karaf.freePort();
    private final int ftpsPort = Karaf.freePort();
    private String operatorsSite;
    private String demoPassword;

    @BeforeAll
    void startKaraf() throws Exception {
        Path output = Path.of(System.getProperty("itest.output"));
        karaf = new Karaf(Path.of(System.getProperty("karaf.dist")),
                Files.createTempDirectory(output, "karaf-").resolve("karaf"), true);
        int passive = 30000 + (ftpPort % 20000);
        // an operator's own default site, written before the feature: feature:install must keep it
        operatorsSite = "# the operator's default site\nbind.address = 127.0.0.1\nftp.port = " + ftpPort
                + "\nftps.port = " + ftpsPort + "\npasv.ports = " + passive + "-" + (passive + 20)
                + "\nbanner.connect = Operator's banner\n"
                // the steps fail logins on purpose (and poll while the JAAS store comes up): no ban
                + "limits.maxLoginFailures = 1000\n";
        karaf.write("etc/ftp.site-default.cfg", operatorsSite);
        karaf.start();
    }

    @AfterAll
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** Items 1-3: the features repository by its mvn: URL, feature ftp, a site, Karaf's own BouncyCastle. */
    @Test
    @Order(1)
    void twoCommandsGiveARunningSiteAndLeaveTheShellAlone() throws Exception {
        long mark = karaf.logMark();
        Karaf.Result installed = karaf.client("feature:repo-add " + REPOSITORY, "feature:install ftp", "echo still-here");
        assertEquals(0, installed.exit(), installed.output());
        assertTrue(installed.output().contains("still-here"), installed.output());
        await(() -> sites().matches("(?s).*\\ndefault +127\\.0\\.0\\.1:" + ftpPort + " +" + ftpsPort + " +RUNNING .*"),
                "site default running");
        assertShellNotRefreshed(mark);
        assertEquals(operatorsSite, Files.readString(karaf.home.resolve("etc/ftp.site-default.cfg")),
                "the feature never overwrites the operator's file");

        String bundles = karaf.client("bundle:list -s -t 0").output();
        assertEquals(1, bundles.lines().filter(line -> line.contains("bcprov")).count(), bundles);
        assertTrue(bundles.lines().anyMatch(line -> line.contains("bcprov") && line.contains("1.81")),
                "Karaf's own BouncyCastle serves ours: " + bundles);
    }

    /** Item 5: help, clear messages for missing or wrong arguments, output in scripted runs. */
    @Test
    @Order(2)
    void theCommandsBehaveLikeKarafs() throws Exception {
        long mark = karaf.logMark();
        String help = karaf.client("ftp:sites --help").output();
        assertTrue(help.contains("DESCRIPTION") && help.contains("ftp:sites") && !help.contains("Cannot coerce"), help);
        // (Karaf's "help <command>" prints nothing in a batch session, for its own commands too)
        String setHelp = karaf.client("ftp:set --help").output();
        assertTrue(setHelp.contains("key=value") && setHelp.contains("key= returns a key to its default"), setHelp);
        String userAddHelp = karaf.client("ftp:user-add --help").output();
        assertTrue(userAddHelp.contains("--random") && userAddHelp.contains("--permissions"), userAddHelp);

        Karaf.Result missing = karaf.client("ftp:restart");
        assertNotEquals(0, missing.exit());
        assertTrue(missing.output().contains("argument site is required"), missing.output());
        Karaf.Result unknown = karaf.client("ftp:restart nosuch");
        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.output().contains("Not restarted: no site named 'nosuch'"), unknown.output());
        Karaf.Result noValue = karaf.client("ftp:set default banner.connect");
        assertTrue(noValue.output().contains("'banner.connect' is not key=value"), noValue.output());
        assertFalse(karaf.logSince(mark).contains("ERROR"), karaf.logSince(mark));
    }

    /**
     * Issue 13: a refused client handshake is one INFO line in karaf.log, with Karaf's own logging
     * configuration: MINA's SSL handler, which logged an ERROR with a stack trace for a handshake
     * that failed in a delegated task, never runs one (InlineTasksEngine). (A feature must not
     * write Karaf's logging configuration: a {@code <config append="true">} replaced the whole file.)
     */
    @Test
    @Order(3)
    void aRefusedHandshakeIsOneInfoLine() throws Exception {
        long mark = karaf.logMark();
        Process openssl = new ProcessBuilder("openssl", "s_client", "-tls1", "-connect", "127.0.0.1:" + ftpsPort)
                .redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        openssl.getInputStream().readAllBytes();
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS));
        await(() -> karaf.logSince(mark).contains("TLS handshake with /127.0.0.1:"), "the handshake's log line");
        String log = karaf.logSince(mark);
        assertFalse(log.contains("| ERROR |") || log.contains("SSLHandshakeException"), log);
    }

    /** Items 4 and 5: ftp:user-add; FTP and FTPES; the site's files and keys outside Karaf's data/. */
    @Test
    @Order(4)
    void aUserAddedInTheShellTransfersOverFtpAndFtpes() throws Exception {
        Karaf.Result added = karaf.client("ftp:user-add --random --home demo demo");
        Matcher password = Pattern.compile("password: (\\S+) \\(shown once").matcher(added.output());
        assertTrue(password.find(), added.output());
        demoPassword = password.group(1);
        await(() -> karaf.client("ftp:users").output().contains("demo"), "File Install delivers the user");
        String content = Files.readString(karaf.home.resolve("etc/ftp.user-demo.cfg"));
        assertFalse(content.contains(demoPassword), "only the hash is stored");

        Karaf.Result prompt = karaf.client("ftp:passwd demo");
        assertNotEquals(0, prompt.exit());
        assertTrue(prompt.output().contains("no terminal to ask for a password") && prompt.output().contains("--random"),
                prompt.output());

        FTPClient ftp = login("demo", demoPassword);
        assertTrue(ftp.storeFile("plain.txt", new ByteArrayInputStream("over FTP".getBytes(StandardCharsets.UTF_8))));
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        assertTrue(ftp.retrieveFile("plain.txt", downloaded)); // the sendfile pump's path
        assertEquals("over FTP", downloaded.toString(StandardCharsets.UTF_8));
        ftp.logout();
        Path upload = Files.writeString(karaf.home.resolve("upload.txt"), "over FTPES");
        curl("--ssl-reqd", "-k", "-T", upload.toString(), "-u", "demo:" + demoPassword,
                "ftp://127.0.0.1:" + ftpPort + "/tls.txt");
        String listing = curl("--ssl-reqd", "-k", "-u", "demo:" + demoPassword, "ftp://127.0.0.1:" + ftpPort + "/");
        assertTrue(listing.contains("plain.txt") && listing.contains("tls.txt"), listing);

        Path root = karaf.home.resolve("ftp/sites/default/demo");
        assertEquals("over FTP", Files.readString(root.resolve("plain.txt")));
        assertEquals("over FTPES", Files.readString(root.resolve("tls.txt")));
        assertTrue(Files.exists(karaf.home.resolve("ftp/tls/default/certificate.pem")));
        assertFalse(Files.exists(karaf.home.resolve("data/sites")) || Files.exists(karaf.home.resolve("data/tls")),
                "bin/start clean wipes data/");
        // with the EXTRA_JAVA_OPTS of docs/karaf.md the bundle reaches the JDK's setsockopt
        assertFalse(karaf.logSince(0).contains("Downloads keep the kernel's default"), karaf.logSince(0));
    }

    /** Item 7: Karaf's JAAS realm (etc/users.properties) logs FTP users in through feature ftp-jaas. */
    @Test
    @Order(5)
    void karafsOwnRealmLogsIn() throws Exception {
        Karaf.Result installed = karaf.client("feature:install ftp-jaas");
        assertEquals(0, installed.exit(), installed.output());
        // the shipped etc/ftp.jaas.cfg allows Karaf's administrators over TLS only
        await(() -> {
            try {
                curl("--ssl-reqd", "-k", "-u", "karaf:karaf", "ftp://127.0.0.1:" + ftpPort + "/");
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        }, "karaf/karaf logs in over FTPES");
        assertTrue(Files.isDirectory(karaf.home.resolve("ftp/sites/default/karaf")), "home {user}");
        for (String[] attempt : new String[][] { { "karaf", "karaf" }, { "karaf", "not-karaf" } }) {
            FTPClient plain = new FTPClient();
            plain.connect("127.0.0.1", ftpPort);
            assertFalse(plain.login(attempt[0], attempt[1]), "no Karaf password in clear, no wrong one");
            assertEquals(530, plain.getReplyCode());
            plain.disconnect();
        }
    }

    /** A saved change waits for ftp:restart, and the restart applies it. */
    @Test
    @Order(6)
    void aSavedChangeAppliesOnRestart() throws Exception {
        Karaf.Result saved = karaf.client("ftp:set default \"banner.connect=Changed in Karaf\"");
        assertTrue(saved.output().contains("Saved; restart pending: ftp:restart default"), saved.output());
        assertTrue(banner().contains("Operator's banner"));
        assertTrue(karaf.client("ftp:restart default").output().contains("Site default restarted: RUNNING"));
        assertTrue(banner().contains("Changed in Karaf"), banner());
        assertTrue(Files.readString(karaf.home.resolve("etc/ftp.site-default.cfg")).contains("# the operator's default site"),
                "the operator's file keeps its comments");
    }

    /** Item 8: with ftp.tls stopped the commands stay and say what is missing. */
    @Test
    @Order(7)
    void withoutTheTlsBundleTheCommandsSayWhatIsMissing() throws Exception {
        String stopped = karaf.client("bundle:stop ftp.tls", "ftp:sites").output();
        assertTrue(stopped.contains("waiting for the TLS policy") && stopped.contains("ftp.tls"), stopped);
        karaf.client("bundle:start ftp.tls");
        await(() -> sites().contains(" RUNNING "), "the site starts with the TLS policy");
    }

    /** The console page in Karaf's web console, and its JSON API. */
    @Test
    @Order(8)
    void theConsolePageAnswers() throws Exception {
        Karaf.Result installed = karaf.client("feature:install ftp-webconsole");
        assertEquals(0, installed.exit(), installed.output());
        await(() -> get("/system/console/ftp").statusCode() == 200, "the FTP page");
        assertTrue(get("/system/console/ftp").body().contains("ftp-console"));
        Page sites = get("/system/console/ftp/sites.json");
        assertEquals(200, sites.statusCode());
        assertTrue(sites.body().contains("\"default\""), sites.body());

        // issue 13: the counters for Prometheus on Karaf's HTTP whiteboard
        assertEquals(0, karaf.client("feature:install ftp-metrics").exit());
        await(() -> get("/ftp/metrics").statusCode() == 200, "the metrics endpoint");
        String metrics = get("/ftp/metrics").body();
        assertTrue(metrics.contains("ftp_logins_total{site=\"default\",result=\"succeeded\"}"), metrics);
        assertTrue(karaf.client("ftp:sites").output().contains("  logins "), "ftp:sites shows the headline numbers");
    }

    /** Items 2 and 3: uninstalling and installing again keeps the operator's session and shell. */
    @Test
    @Order(9)
    void uninstallAndInstallAgainKeepTheShell() throws Exception {
        long mark = karaf.logMark();
        Karaf.Result again = karaf.client("feature:uninstall ftp-metrics", "feature:uninstall ftp-webconsole",
                "feature:uninstall ftp-jaas",
                "feature:uninstall ftp", "echo uninstalled", "feature:install ftp", "echo installed-again");
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("uninstalled") && again.output().contains("installed-again"), again.output());
        assertShellNotRefreshed(mark);
        await(() -> {
            try {
                login("demo", demoPassword).logout();
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, "the site serves again");
        assertTrue(Files.exists(karaf.home.resolve("ftp/sites/default/demo/tls.txt")), "the files stay");
    }

    /** Karaf lists every bundle it stops or refreshes in karaf.log: its shell and SSH server are never among them. */
    private void assertShellNotRefreshed(long mark) throws IOException {
        String log = karaf.logSince(mark);
        // the log must be alive to prove anything: Karaf logs every feature installation
        assertTrue(log.contains("Adding features: ftp/"), "karaf.log shows no feature installation:\n" + log);
        for (String bundle : new String[] { "org.apache.karaf.shell.core/", "org.apache.sshd.osgi/",
                "org.apache.karaf.shell.ssh/" }) {
            assertFalse(log.contains(bundle), bundle + " was stopped or refreshed:\n" + log);
        }
    }

    private String sites() throws Exception {
        return karaf.client("ftp:sites").output();
    }

    private FTPClient login(String user, String password) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout(10_000);
        ftp.connect("127.0.0.1", ftpPort);
        if (!ftp.login(user, password)) {
            ftp.disconnect();
            throw new IOException(user + " cannot log in: " + ftp.getReplyString());
        }
        ftp.enterLocalPassiveMode();
        return ftp;
    }

    private String banner() throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("127.0.0.1", ftpPort);
        String banner = ftp.getReplyString();
        ftp.disconnect();
        return banner;
    }

    /** A page of the console as karaf/karaf; status -1 while nothing listens. */
    private record Page(int statusCode, String body) {
    }

    private Page get(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("karaf:karaf".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body());
        } catch (IOException notListening) {
            return new Page(-1, notListening.toString());
        }
    }

    private static String curl(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 3];
        command[0] = "curl";
        command[1] = "-sS";
        command[2] = "-m30";
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(500);
        }
    }
}
