package ftp.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;

import javax.inject.Inject;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import ftp.core.api.SiteStatus;
import ftp.core.api.UserAdministration;

/**
 * Sites in a real Felix: started from Configuration Admin, serving files, waiting for a restart
 * after a saved change, refusing invalid changes, stopping when deleted, side by side with
 * their own feature toggles, and driven from the Gogo shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SiteLifecycleIT extends FtpIT {

    @Inject
    CommandProcessor shell;

    @Inject
    UserAdministration users;

    @Inject
    org.osgi.framework.BundleContext context;

    @Before
    public void setUp() throws Exception {
        sites.user("bob", "bobs-password");
    }

    @Test
    public void aConfiguredSiteServesFilesByteForByte() throws Exception {
        int port = sites.create("files", Map.of());
        byte[] data = new byte[1_234_567];
        new Random(7).nextBytes(data);
        FTPClient ftp = Sites.login(port, "bob", "bobs-password");
        assertTrue(ftp.storeFile("data.bin", new ByteArrayInputStream(data)));
        assertArrayEquals(data, Files.readAllBytes(Sites.data().resolve("files/bob/data.bin")));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(ftp.retrieveFile("data.bin", back));
        assertArrayEquals(data, back.toByteArray());
        ftp.logout();
    }

    @Test
    public void aSavedChangeWaitsForTheRestart() throws Exception {
        int port = sites.create("pending", Map.of("banner.connect", "old banner"));
        FTPClient running = Sites.login(port, "bob", "bobs-password");

        sites.change("pending", Map.of("banner.connect", "new banner"));
        Sites.await(() -> sites.status("pending").restartPending(), "restart pending");
        assertEquals("the running site keeps its snapshot", "old banner", banner(port));
        assertTrue("the open session is untouched", running.sendNoOp());

        SiteStatus restarted = administration.restart("pending");
        assertEquals(SiteStatus.State.RUNNING, restarted.state());
        assertFalse(restarted.restartPending());
        assertEquals("new banner", banner(port));
    }

    @Test
    public void anInvalidChangeIsRefusedAndTheSiteKeepsRunning() throws Exception {
        int port = sites.create("invalid", Map.of("banner.connect", "still here"));
        sites.change("invalid", Map.of("pasv.ports", "60000-50000"));
        Sites.await(() -> sites.status("invalid").message().contains("pasv.ports"), "refusal reported");
        SiteStatus status = sites.status("invalid");
        assertEquals(SiteStatus.State.RUNNING, status.state());
        assertFalse(status.restartPending());
        assertEquals("still here", banner(port));
        try {
            administration.restart("invalid");
            fail("a restart with an invalid configuration must be refused");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("pasv.ports"));
        }
        assertEquals("still here", banner(port));
    }

    @Test
    public void aSiteOnATakenPortReportsWhy() throws Exception {
        int port = sites.create("first", Map.of());
        sites.site("second").update(new java.util.Hashtable<>(Map.of("bind.address", "127.0.0.1", "ftp.port", port,
                "ftps.port", 0, "root", Sites.data().resolve("second").toString())));
        Sites.await(() -> sites.status("second") != null && sites.status("second").state() == SiteStatus.State.ERROR,
                "second site failed");
        assertTrue(sites.status("second").message(), sites.status("second").message()
                .matches("cannot listen on 127\\.0\\.0\\.1:" + port + ": .*"));
        assertEquals(SiteStatus.State.RUNNING, sites.status("first").state());
    }

    @Test
    public void aRestartOntoATakenPortFallsBackToThePreviousConfiguration() throws Exception {
        int taken = sites.create("holder", Map.of());
        int port = sites.create("mover", Map.of("banner.connect", "mover"));
        sites.change("mover", Map.of("ftp.port", taken));
        Sites.await(() -> sites.status("mover").restartPending(), "restart pending");
        SiteStatus status = administration.restart("mover");
        assertEquals(SiteStatus.State.RUNNING, status.state());
        assertTrue(status.message(), status.message().contains("cannot listen on"));
        assertEquals(port, status.ftpPort());
        assertEquals("mover", banner(port));
    }

    @Test
    public void deletingTheConfigurationStopsTheSite() throws Exception {
        int port = sites.create("doomed", Map.of());
        assertEquals("FTP server ready", banner(port));
        sites.site("doomed").delete();
        Sites.await(() -> sites.status("doomed") == null, "site gone");
        try {
            banner(port);
            fail("nothing listens after the configuration was deleted");
        } catch (ConnectException expected) {
            // refused
        }
    }

    @Test
    public void sitesSideBySideKeepTheirOwnFeatureToggles() throws Exception {
        int withSyst = sites.create("with-syst", Map.of());
        int withoutSyst = sites.create("without-syst", Map.of("feature.syst", "false"));
        FTPClient on = Sites.login(withSyst, "bob", "bobs-password");
        FTPClient off = Sites.login(withoutSyst, "bob", "bobs-password");
        assertEquals(215, on.sendCommand("SYST"));
        assertEquals("215 UNIX Type: L8", on.getReplyString().trim());
        assertEquals(502, off.sendCommand("SYST"));
        assertEquals(214, off.sendCommand("HELP"));
        assertFalse(off.getReplyString().contains("SYST"));
        assertEquals(214, on.sendCommand("HELP"));
        assertTrue(on.getReplyString().contains("SYST"));
    }

    @Test
    public void thePlainPasswordIsReplacedByItsHash() throws Exception {
        sites.user("carol", "carols-password");
        Object stored = configurations.getFactoryConfiguration("ftp.user", "carol", "?").getProperties().get("password");
        assertTrue(String.valueOf(stored), String.valueOf(stored).matches("\\$2y\\$10\\$.{53}"));
        int port = sites.create("hashes", Map.of());
        Sites.login(port, "carol", "carols-password").logout();
    }

    @Test
    public void theShellListsRestartsAndShowsSessions() throws Exception {
        int port = sites.create("shell", Map.of());
        FTPClient session = Sites.login(port, "bob", "bobs-password");
        String listing = run("ftp:sites");
        assertTrue(listing, listing.matches("(?s).*\\nshell +127\\.0\\.0\\.1:" + port + " +off +RUNNING +no +1\\n.*"));
        String sessions = run("ftp:sessions");
        assertTrue(sessions, sessions.matches("(?s).*\\nshell +\\d+ +127\\.0\\.0\\.1:\\d+ +bob +ftp .*"));
        sites.change("shell", Map.of("banner.connect", "after restart"));
        Sites.await(() -> sites.status("shell").restartPending(), "restart pending");
        assertTrue(run("ftp:sites"), run("ftp:sites").matches("(?s).*\\nshell .* RUNNING +yes .*"));
        assertTrue(run("ftp:restart shell").startsWith("Site shell restarted: RUNNING"));
        assertEquals("after restart", banner(port));
        try {
            session.sendNoOp();
            fail("a restart ends the sessions of the old instance");
        } catch (FTPConnectionClosedException expected) {
            // closed by the restart
        }
        assertTrue(run("ftp:restart nosuchsite").startsWith("Not restarted: no site named"));
        assertEquals("Saved; restart pending: ftp:restart shell", run("ftp:set shell \"banner.connect=set from the shell\""));
        assertTrue(run("ftp:config shell").contains("banner.connect = set from the shell"));
        assertTrue(run("ftp:set shell pasv.ports=abc").startsWith("Not saved: pasv.ports: 'abc'"));
        assertTrue("a refused set saves nothing", run("ftp:config shell").contains("banner.connect = set from the shell"));
        assertTrue(run("ftp:set shell").startsWith("Not saved: nothing to change. Usage: ftp:set <site> key=value"));
        assertTrue(run("ftp:set shell tls.forceStartTLs=true").startsWith("Not saved: tls.forceStartTLs: not a site setting"));
        String help = run("help ftp:set");
        assertTrue(help, help.contains("at least one key=value") && help.contains("key= returns the key to its default"));
        run("ftp:restart shell");
        assertEquals("set from the shell", banner(port));
        assertTrue(run("ftp:passwd bob"), run("ftp:passwd bob").contains("no terminal to ask for a password; use --random"));
        String changed = run("ftp:passwd --random bob");
        assertTrue(changed, changed.startsWith("New password for bob: "));
        String password = changed.substring("New password for bob: ".length(), changed.indexOf(' ', 22));
        Sites.await(() -> {
            try {
                Sites.login(port, "bob", password).logout();
                return true;
            } catch (IOException e) {
                return false;
            }
        }, "the new password works");
        users.setPassword("bob", "bobs-password".toCharArray());
        // a name of its own per run: target/itest-data/etc outlives a run without "clean"
        String name = "dora-" + Long.toString(System.nanoTime(), 36);
        String created = run("ftp:user-add --random --home dora --permissions list,read " + name);
        assertTrue(created, created.matches("User " + name + " created in .*ftp\\.user-" + name
                + "\\.cfg; password: \\S+ \\(shown once.*"));
        String doras = created.replaceAll(".*; password: (\\S+) .*", "$1").trim();
        Sites.await(() -> users.users().contains(name), "File Install delivers the new user");
        FTPClient dora = Sites.login(port, name, doras);
        assertFalse("read-only", dora.makeDirectory("x"));
        dora.logout();
        assertTrue(run("ftp:user-add --random " + name).startsWith("Not created: name: a user named '" + name + "' exists"));
        Files.delete(Sites.data().resolve("etc/ftp.user-" + name + ".cfg"));
    }

    /**
     * Issue 12, item 8: with ftp.tls stopped the site factory goes, and the supervisor with it took
     * SiteAdministration and every ftp:* command away.
     */
    @Test
    public void withTheTlsBundleStoppedTheCommandsStayAndSayWhyNothingListens() throws Exception {
        int port = sites.create("notls", Map.of());
        org.osgi.framework.Bundle tls = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("ftp.tls")).findFirst().orElseThrow();
        tls.stop();
        try {
            Sites.await(() -> sites.status("notls").state() == SiteStatus.State.ERROR, "the site waits");
            String listing = run("ftp:sites");
            assertTrue(listing, listing.contains("waiting for the TLS policy") && listing.contains("ftp.tls"));
            try {
                new java.net.Socket(InetAddress.getLoopbackAddress(), port).close();
                fail("nothing listens without a TLS policy");
            } catch (ConnectException expected) {
                // refused
            }
        } finally {
            tls.start();
        }
        Sites.await(() -> sites.status("notls").state() == SiteStatus.State.RUNNING, "the site starts with the policy");
        Sites.login(port, "bob", "bobs-password").logout();
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(command);
            return result == null ? out.toString(StandardCharsets.UTF_8) : result.toString();
        }
    }

    /** The text of the 220 reply a new connection gets. */
    private static String banner(int port) throws IOException {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(5_000);
        client.connect(InetAddress.getLoopbackAddress(), port);
        try {
            return client.getReplyString().substring(4).trim();
        } finally {
            client.disconnect();
        }
    }
}
